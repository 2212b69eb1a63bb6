"""The terminal table: one row per category and key sub-score, one column per adapter."""

from __future__ import annotations

import re
from typing import Any, Mapping

from .summary import adapter_failed, cell_texts, interval_notes, score_rows, slice_sections


def score_table(report: Mapping[str, Any], width: int | None = None):
    """A ``rich.table.Table`` of the report's scores; the best F1 of each row is starred and bold.

    ``width`` is the terminal's: when the cells with their rates named
    (``P 0.96 R 0.95 F1 0.96``) would not fit it beside the labels, the
    cells are compact (``0.96 0.95 0.96``) so each still takes two lines.
    """
    adapters, rows = score_rows(report)
    return _rich_table("Scores (P / R / F1 [CI of F1, documents]; ★ best F1 of the row)", report, adapters, rows,
                       width, compact_title="Scores (P R F1, then the CI of F1; ★ best F1 of the row)")


def _too_wide(table: Any, width: int | None) -> bool:
    """Whether ``table`` needs more than ``width`` columns to show each cell in its own lines unwrapped."""
    if width is None:
        return False
    from rich.console import Console
    from rich.measure import Measurement

    console = Console(width=10_000)
    return Measurement.get(console, console.options, table).maximum > width


def _rich_table(title: str, report: Mapping[str, Any], adapters: Any, rows: Any, width: int | None = None,
                compact_title: str | None = None):
    """Rows as labels on one line each, cells in two lines (P R F1, then the interval), no outer border.

    The label column never wraps and a cell wraps only at spaces, so a
    narrow terminal breaks no label and cuts no number; a slice's rows come
    under a line naming the slice, so their labels stay short. Where the
    cells would not fit ``width`` in two lines, they leave out the rates'
    names and the interval's document count (``compact_title`` says the
    order; the notes under the table say over how many documents).
    """
    from dataclasses import replace

    from rich import box
    from rich.table import Table

    compact = compact_title is not None and _too_wide(
        _rich_table(title, report, adapters, rows), width)
    if compact:
        title = compact_title

    # at least as wide as its title, so a table of one narrow column does not wrap its title
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  min_width=len(title))
    table.add_column("category", style="bold", no_wrap=True)
    for name in adapters:
        status = report["adapters"][name].get("status", "ok")
        # a cell is wrapped at spaces only: never narrower than its longest word ("[0.65–0.88,")
        # a long variant name wraps after its hyphens ("rules-without-" / "boilerplate-"), not mid-word
        header = _Cell(name if status == "ok" else f"{name} ({status})", _ID_PART, joiner="")
        table.add_column(header, overflow="fold", min_width=11)
    current = None
    for row in rows:
        if row.slice is not None and row.slice != current:
            current = row.slice
            table.add_row(f"[underline]{row.slice}[/]", *["" for _ in adapters], end_section=False)
        label = row.label if row.slice is None else replace(row, slice=None).label
        texts = cell_texts(row, lambda text: f"{_BEST}{text}", interval_separator="\n", compact=compact)
        table.add_row(label, *(_Cell(text) for text in texts))
    if not rows:
        table.add_row("(no scores)", *["failed" if adapter_failed(report, name) else "–" for name in adapters])
    return table


_BEST = "\0"  # marks the best cell of a row for _Cell, which shows it bold green

# the parts a cell wraps between: a label with its number ("F1 0.96", "rate 0.97"), a count with its
# unit ("6 docs]"), else a word
_PART = re.compile(r"(?:P|R|F1|rate) \S+|\S+ docs?\S*|\S+")


class _Cell:
    """A cell that wraps only between its parts: a score cell never parts "F1" from its number.

    rich wraps at every space (a no-break space too), which left "F1" at the
    end of one line and its value on the next. ``joiner`` goes between parts
    on a line (a space; nothing for a document id split after its hyphens).
    """

    def __init__(self, text: str, pattern: re.Pattern = None, joiner: str = " ") -> None:
        self.style = "bold green" if text.startswith(_BEST) else ""
        self.joiner = joiner
        self.lines = [(pattern or _PART).findall(line) for line in text.lstrip(_BEST).split("\n")]

    def __rich_measure__(self, console: Any, options: Any):
        from rich.cells import cell_len
        from rich.measure import Measurement

        widest_part = max((cell_len(part) for parts in self.lines for part in parts), default=1)
        widest_line = max((cell_len(self.joiner.join(parts)) for parts in self.lines), default=1)
        return Measurement(min(widest_part, options.max_width), min(widest_line, options.max_width))

    def __rich_console__(self, console: Any, options: Any):
        from rich.cells import cell_len
        from rich.text import Text

        for parts in self.lines:
            line = ""
            for part in parts:
                if line and cell_len(line) + len(self.joiner) + cell_len(part) > options.max_width:
                    yield Text(line, style=self.style, overflow="fold")
                    line = part
                else:
                    line = f"{line}{self.joiner}{part}" if line else part
            yield Text(line, style=self.style, overflow="fold")


# a document id breaks after a hyphen ("clarencebulletin-2025-02-28-" / "grafton-flood-peak"), not mid-word
_ID_PART = re.compile(r"[^-]*-|[^-]+")


def error_table(errors: list[Mapping[str, Any]]):
    """A compact ``rich.table.Table`` of errors: adapter, document, stage, kind and message, one row each."""
    from rich.table import Table
    from rich.text import Text

    from rich import box

    # no outer border and the short columns unbroken, so the message keeps most of a narrow terminal
    table = Table(title=f"Errors ({len(errors)})", title_justify="left", title_style="bold red",
                  box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("adapter", no_wrap=True)
    table.add_column("document", overflow="fold")
    table.add_column("stage", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("message", overflow="fold", ratio=1)
    for error in errors:
        message = " ".join(str(error.get("message") or "").split())
        message = message if len(message) <= _MESSAGE_WIDTH else message[:_MESSAGE_WIDTH - 1] + "…"
        # Text, not markup: a message may hold "[...]" that must be shown as written
        adapter, stage, kind = (Text(str(error.get(key) or "–")) for key in ("adapter", "stage", "kind"))
        document = _Cell(str(error.get("doc_id") or "(all)"), _ID_PART, joiner="")
        table.add_row(adapter, document, stage, kind, Text(message))
    return table


# a message on one line, cut here; the whole of it (and its detail) stays in report.json
_MESSAGE_WIDTH = 300


def print_table(report: Mapping[str, Any], console: Any = None) -> None:
    """Print the score table and, when anything failed, every error as a table, to ``console``."""
    from rich.console import Console

    console = console or Console()
    console.print(score_table(report, console.width))
    print_interval_notes(report, console)
    from .cost import cost_table

    usage = cost_table(report)
    if usage is not None:
        console.print(usage)
    for warning in report.get("warnings") or []:
        console.print(f"warning: {warning['adapter']}: {warning['message']}", highlight=False, markup=False)
    errors = report.get("errors") or []
    if errors:
        console.print(error_table(errors))
        console.print(f"[bold red]{len(errors)} error(s)[/]; the full messages and details are in report.json "
                      "and report.html.", highlight=False)


def print_interval_notes(report: Mapping[str, Any], console: Any) -> None:
    """Under the table: how its intervals were computed, and why when they are optimistic."""
    for line in interval_notes(report):
        console.print(line, highlight=False, markup=False)


# what a category's per-type scores are per: the heading of its table
PER_TYPE = {"entities": "entity type", "quotes": "quote kind", "figures": "unit", "events": "event type"}


def per_type_tables(report: Mapping[str, Any]) -> list:
    """One ``rich.table.Table`` per adapter and category with per-type scores: P, R, F1 and the counts.

    As ``spacy benchmark accuracy`` prints them: a type per row, rates as
    percentages; a failed adapter, or a category without types, has none.
    """
    from rich import box
    from rich.table import Table

    tables = []
    for name, entry in report.get("adapters", {}).items():
        if entry.get("status") == "failed":
            continue
        for category, score in (entry.get("scores") or {}).items():
            per_type = score.get("per_type") or {}
            if not per_type:
                continue
            table = Table(title=f"{name} · {category} per {PER_TYPE.get(category, 'type')}", title_justify="left",
                          box=box.SIMPLE_HEAD, pad_edge=False)
            table.add_column(PER_TYPE.get(category, "type"), no_wrap=True)
            for column in ("P", "R", "F1", "tp", "fp", "fn"):
                table.add_column(column, justify="right", no_wrap=True)
            for label, found in per_type.items():
                table.add_row(label, *(_percent(found.get(key)) for key in ("precision", "recall", "f1")),
                              *(f"{found.get(key, 0):g}" for key in ("tp", "fp", "fn")))
            tables.append(table)
    return tables


def _percent(value: Any) -> str:
    return "–" if value is None else f"{100 * float(value):.2f}"


def print_per_type_tables(report: Mapping[str, Any], console: Any = None) -> None:
    """Print the per-type tables of ``report`` (``harness run --per-type``, ``harness score --per-type``)."""
    from rich.console import Console

    console = console or Console()
    tables = per_type_tables(report)
    for table in tables:
        console.print(table)
    if not tables:
        console.print("No per-type scores (no adapter predicts typed items).", highlight=False)


def print_slice_tables(report: Mapping[str, Any], console: Any = None) -> None:
    """Print one score table per slice field of ``report`` (``harness run --per-slice``)."""
    from rich.console import Console

    console = console or Console()
    for section in slice_sections(report):
        console.print(_rich_table(f"By {section.field} ({section.definition}); P / R / F1 [CI of F1, documents]",
                                  report, section.adapters, section.rows, console.width,
                                  compact_title=f"By {section.field} ({section.definition}); P R F1, then the CI of F1"))
