"""Usage and cost per adapter, read from a report: rows for the terminal, Markdown and HTML,
and the F1-against-cost plot of the HTML report (inline SVG, every label escaped)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any, Mapping

CACHE_NOTE = ("A document served from a cache made no request in this run and costs nothing in it; "
              "cost per document is over the documents that sent requests in this run.")


@dataclass(frozen=True)
class CostRow:
    """One adapter's usage, speed, cost and mean F1 (None where the report has no number)."""

    adapter: str
    requests: int
    input_tokens: int
    output_tokens: int
    cost_total: float | None
    cost_per_document: float | None
    extraction_seconds: float
    documents_per_second: float | None
    cached: int
    mean_f1: float | None

    def texts(self) -> list[str]:
        """The row's cells as text, in the order of ``HEADERS``."""
        def money(value: float | None) -> str:
            return "–" if value is None else f"{value:.4f}"

        speed = "–" if self.documents_per_second is None else f"{self.documents_per_second:.2f}"
        f1 = "–" if self.mean_f1 is None else f"{self.mean_f1:.3f}"
        return [self.adapter, f"{self.requests:,}", f"{self.input_tokens:,}", f"{self.output_tokens:,}",
                money(self.cost_total), money(self.cost_per_document), f"{self.extraction_seconds:.2f}", speed,
                str(self.cached), f1]


HEADERS = ("adapter", "requests", "input tokens", "output tokens", "cost", "cost / document", "wall s",
           "documents / s", "from cache", "mean F1")


def mean_f1(entry: Mapping[str, Any]) -> float | None:
    """The mean of the adapter's category F1s (the categories it predicts), None when it has none."""
    values = [score.get("f1") for score in (entry.get("scores") or {}).values() if isinstance(score, Mapping)]
    values = [float(v) for v in values if isinstance(v, (int, float))]
    return sum(values) / len(values) if values else None


def cost_rows(report: Mapping[str, Any]) -> list[CostRow]:
    """A row per adapter that reported usage (empty when none did)."""
    rows = []
    for name, entry in (report.get("adapters") or {}).items():
        usage = entry.get("usage")
        if not usage:
            continue
        cost = usage.get("cost") or {}
        timings = entry.get("timings") or {}
        rows.append(CostRow(name, usage["requests"], usage["input_tokens"], usage["output_tokens"],
                            cost.get("total"), cost.get("per_document"),
                            float(timings.get("extraction_seconds") or 0.0), timings.get("documents_per_second"),
                            int((entry.get("documents") or {}).get("cached", 0)), mean_f1(entry)))
    return rows


def cost_table(report: Mapping[str, Any]):
    """A ``rich.table.Table`` of the usage rows, or None when no adapter reported usage.

    One column per adapter, as in the score table, so it fits a narrow terminal.
    """
    from rich.table import Table
    from rich.text import Text

    rows = cost_rows(report)
    if not rows:
        return None
    table = Table(title="Usage and cost (this run)", title_justify="left")
    table.add_column("", style="bold")
    for row in rows:
        table.add_column(Text(row.adapter), justify="right")
    cells = [row.texts() for row in rows]
    for index, header in enumerate(HEADERS[1:], start=1):
        table.add_row(header, *(Text(texts[index]) for texts in cells))
    return table


def cost_svg(rows: list[CostRow], width: int = 420, height: int = 260) -> str:
    """F1 (up) against cost per document (across) for the adapters that have both, as inline SVG."""
    points = [row for row in rows if row.cost_per_document is not None and row.mean_f1 is not None]
    if not points:
        return ""
    left, bottom, top, right = 60, height - 40, 20, width - 20
    most = max(row.cost_per_document for row in points) or 1.0  # type: ignore[type-var]

    def x(cost: float) -> float:
        return left + (right - left) * cost / most

    def y(f1: float) -> float:
        return bottom - (bottom - top) * max(0.0, min(1.0, f1))

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="mean F1 against cost per document">',
             f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#555"/>',
             f'<line x1="{left}" y1="{bottom}" x2="{left}" y2="{top}" stroke="#555"/>',
             f'<text x="{(left + right) / 2:.0f}" y="{height - 8}" text-anchor="middle" font-size="12">'
             f'cost per document (0 to {most:.4g})</text>',
             f'<text x="14" y="{(top + bottom) / 2:.0f}" font-size="12" text-anchor="middle" '
             f'transform="rotate(-90 14 {(top + bottom) / 2:.0f})">mean F1 (0 to 1)</text>']
    for row in points:
        cx, cy = x(row.cost_per_document), y(row.mean_f1)  # type: ignore[arg-type]
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="#2a6fdb">'
                     f'<title>{escape(row.adapter)}: F1 {row.mean_f1:.3f}, {row.cost_per_document:.4f} per document'
                     '</title></circle>')
        # a label on the right half goes to the left of its point, so it stays inside the plot
        anchor, dx = ("end", -8) if cx > (left + right) / 2 else ("start", 8)
        parts.append(f'<text x="{cx + dx:.1f}" y="{cy + 4:.1f}" font-size="12" text-anchor="{anchor}">'
                     f'{escape(row.adapter)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def cost_html(report: Mapping[str, Any]) -> str:
    """The HTML report's "Usage and cost" section (nothing when no adapter reported usage)."""
    rows = cost_rows(report)
    if not rows:
        return ""
    head = "".join(f"<th>{escape(h)}</th>" for h in HEADERS)
    body = "".join("<tr>" + "".join(f"<td>{escape(text)}</td>" for text in row.texts()) + "</tr>" for row in rows)
    return (f'<h2>Usage and cost</h2><p>{escape(CACHE_NOTE)}</p><table class="scores"><tr>{head}</tr>{body}</table>'
            f"{cost_svg(rows)}")


def cost_markdown(report: Mapping[str, Any], escape_cell: Any) -> list[str]:
    """The Markdown report's "Usage and cost" lines (none when no adapter reported usage)."""
    rows = cost_rows(report)
    if not rows:
        return []
    lines = ["## Usage and cost", "", escape_cell(CACHE_NOTE), "",
             "| " + " | ".join(HEADERS) + " |", "| --- |" + " --- |" * (len(HEADERS) - 1)]
    lines += ["| " + " | ".join(escape_cell(text) for text in row.texts()) + " |" for row in rows]
    return lines + [""]
