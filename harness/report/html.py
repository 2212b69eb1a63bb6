"""``report.html``: one self-contained page showing each article with its items highlighted.

For every adapter and category the article text is shown with gold and
predicted items marked as true positive, false positive, false negative or
boilerplate (a prediction taken from boilerplate), with the list of items
under it; per-type bars and the error lists follow the score table.

The page loads nothing and runs nothing: there is no script, and a
Content-Security-Policy forbids any, so a prediction that holds markup can
only ever show as text. Every string from an article, a prediction or an
error goes through ``html.escape``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any, Iterable, Mapping

from ..model import CATEGORIES, Document, Region
from .summary import interval_notes, score_rows, slice_sections

STATUSES = ("tp", "fp", "fn", "boilerplate")
STATUS_NAMES = {"tp": "true positive", "fp": "false positive", "fn": "false negative",
                "boilerplate": "boilerplate (predicted from page furniture)"}
# where marks overlap, the later status in this order is the one coloured
_PRIORITY = {"tp": 0, "boilerplate": 1, "fp": 2, "fn": 3}


@dataclass(frozen=True)
class ItemView:
    """One scored item as the page shows it."""

    status: str
    start: int | None
    end: int | None
    gold_text: str
    predicted_text: str
    label: str
    description: str


def _field(item: Any, *names: str) -> Any:
    for name in names:
        value = item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)
        if value is not None:
            return value
    return None


def _span(value: Any) -> tuple[int | None, int | None, str]:
    if value is None:
        return None, None, ""
    if isinstance(value, str):
        return None, None, value
    if isinstance(value, (tuple, list)) and len(value) == 3:
        return value[0], value[1], str(value[2])
    start, end = _field(value, "start"), _field(value, "end")
    text = _field(value, "text")
    return start, end, "" if text is None else str(text)


def item_view(item: Any) -> ItemView:
    """Read a scorer's item outcome (an object or a dict) into an ``ItemView``."""
    status = str(_field(item, "status") or "fp")
    g_start, g_end, g_text = _span(_field(item, "gold", "gold_span"))
    p_start, p_end, p_text = _span(_field(item, "predicted", "predicted_span", "prediction"))
    # a false positive or boilerplate item is marked where it was predicted; the rest where the gold is
    if status in ("fp", "boilerplate"):
        start, end = (p_start, p_end) if p_start is not None else (g_start, g_end)
    else:
        start, end = (g_start, g_end) if g_start is not None else (p_start, p_end)
    label = _field(item, "type", "label") or ""
    description = _field(item, "description") or ""
    return ItemView(status, start, end, g_text, p_text, str(label), str(description))


def collect_items(run: Any) -> dict[str, dict[str, dict[str, list[ItemView]]]]:
    """adapter -> doc id -> category -> items, from a ``RunResult``; an adapter without scores has none."""
    collected: dict[str, dict[str, dict[str, list[ItemView]]]] = {}
    for scored in run.adapters:
        result = scored.result
        if result is None:
            continue
        per_doc: dict[str, dict[str, list[ItemView]]] = {}
        for annotations in run.corpus:
            doc_id = annotations.document.id
            per_doc[doc_id] = {}
            for category in CATEGORIES:
                if category not in result.categories:
                    continue
                try:
                    items = result.items(doc_id, category)
                except Exception:  # a page with fewer highlights beats no page at all
                    continue
                per_doc[doc_id][category] = [item_view(i) for i in items]
        collected[scored.name] = per_doc
    return collected


def _highlight(text: str, items: Iterable[ItemView], boilerplate: list[tuple[int, int]]) -> str:
    """The text with a <mark> for each stretch covered by items, classed by their statuses."""
    marks = [(i.start, i.end, i) for i in items
             if isinstance(i.start, int) and isinstance(i.end, int) and 0 <= i.start < i.end <= len(text)]
    bounds = {0, len(text)}
    for start, end, _ in marks:
        bounds.update((start, end))
    for start, end in boilerplate:
        bounds.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    points = sorted(bounds)
    page = Document("page", text, regions=tuple(Region(s, e, "boilerplate") for s, e in boilerplate))
    out = []
    for left, right in zip(points, points[1:]):
        piece = escape(text[left:right])
        covering = [item for start, end, item in marks if start <= left and right <= end]
        in_boilerplate = page.in_boilerplate(left, right)
        if covering:
            statuses = sorted({item.status for item in covering}, key=lambda s: _PRIORITY.get(s, 9))
            title = "; ".join(f"{STATUS_NAMES.get(item.status, item.status)}"
                              f"{': ' + item.label if item.label else ''}" for item in covering)
            classes = " ".join(["hl", *(f"s-{s}" for s in statuses), f"top-{statuses[-1]}"])
            piece = f'<mark class="{escape(classes)}" title="{escape(title)}">{piece}</mark>'
        if in_boilerplate:
            piece = f'<span class="region-boilerplate">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _bar(value: float) -> str:
    width = max(0.0, min(1.0, value)) * 100
    return f'<span class="bar"><span class="fill" style="width:{width:.1f}%"></span></span>'


def _score_table(report: Mapping[str, Any]) -> str:
    adapters, rows = score_rows(report)
    if not adapters:
        return "<p>No adapters were run.</p>"
    return _rows_table(adapters, rows)


def _slices(report: Mapping[str, Any]) -> str:
    """The Slices section: a score table per slice field (nothing when the run was not sliced)."""
    sections = slice_sections(report)
    if not sections:
        return ""
    parts = ["<h2>Slices</h2>"]
    for section in sections:
        parts.append(f"<h3>By {escape(section.field)}</h3><p>{escape(section.definition)}.</p>"
                     f"{_rows_table(section.adapters, section.rows)}")
    return "\n".join(parts)


def _rows_table(adapters: Any, rows: Any) -> str:
    head = "".join(f"<th>{escape(a)}</th>" for a in adapters)
    body = []
    for row in rows:
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append("<td>–</td>")
            else:
                cells.append(f'<td class="{"best" if cell.best else ""}">{escape(cell.text())}</td>')
        body.append(f"<tr><th>{escape(row.label)}</th>{''.join(cells)}</tr>")
    return f'<table class="scores"><tr><th>category</th>{head}</tr>{"".join(body)}</table>'


def _interval_notes(report: Mapping[str, Any]) -> str:
    return "".join(f'<p class="interval">{escape(line)}</p>' for line in interval_notes(report))


def _per_type(report: Mapping[str, Any]) -> str:
    parts = []
    for name, entry in report.get("adapters", {}).items():
        if entry.get("status") == "failed":
            continue  # a failed adapter has no scores to show, only "failed" in the score table
        for category, score in entry.get("scores", {}).items():
            per_type = score.get("per_type") or {}
            if not per_type:
                continue
            rows = "".join(
                f"<tr><td>{escape(t)}</td><td>{_bar(s['f1'])} {s['f1']:.2f}</td>"
                f"<td>{s['tp']}</td><td>{s['fp']}</td><td>{s['fn']}</td></tr>"
                for t, s in sorted(per_type.items())
            )
            parts.append(f'<div class="pertype"><h3>{escape(name)} · {escape(category)}</h3>'
                         f"<table><tr><th>type</th><th>F1</th><th>tp</th><th>fp</th><th>fn</th></tr>{rows}</table></div>")
    return "".join(parts) or "<p>No per-type scores.</p>"


def _warnings(report: Mapping[str, Any]) -> str:
    """Unknown types and documents in the predictions, as a short list (nothing when there are none)."""
    warnings = report.get("warnings") or []
    if not warnings:
        return ""
    items = "".join(f"<li>{escape(w['adapter'])}: {escape(w['message'])}</li>" for w in warnings)
    return f'<h2>Warnings ({len(warnings)})</h2><ul class="warnings">{items}</ul>'


def _errors(report: Mapping[str, Any]) -> str:
    errors = report.get("errors") or []
    if not errors:
        return "<p>No errors.</p>"
    rows = "".join(
        f"<tr><td>{escape(e['adapter'])}</td><td>{escape(e.get('doc_id') or '–')}</td><td>{escape(e['stage'])}</td>"
        f"<td>{escape(e['kind'])}</td><td>{escape(e['message'])}</td></tr>"
        for e in errors
    )
    return ('<table class="errors"><tr><th>adapter</th><th>document</th><th>stage</th><th>kind</th>'
            f"<th>message</th></tr>{rows}</table>")


def _item_list(items: list[ItemView]) -> str:
    if not items:
        return "<p>No items.</p>"
    rows = "".join(
        f'<tr class="row-{escape(i.status)}"><td><span class="tag s-{escape(i.status)}">{escape(i.status)}</span></td>'
        f"<td>{escape(i.label)}</td><td>{escape(i.gold_text)}</td><td>{escape(i.predicted_text)}</td>"
        f"<td>{escape(i.description)}</td></tr>"
        for i in items
    )
    return ('<table class="items"><tr><th>status</th><th>type</th><th>gold</th><th>predicted</th>'
            f"<th>note</th></tr>{rows}</table>")


def _documents(corpus: Any, items: Mapping[str, Mapping[str, Mapping[str, list[ItemView]]]]) -> str:
    parts = []
    for annotations in corpus:
        document = annotations.document
        boilerplate = [(r.start, r.end) for r in document.regions if r.kind == "boilerplate"]
        title = document.metadata.title or document.id
        adapter_parts = []
        for adapter, per_doc in items.items():
            category_parts = []
            for category, found in per_doc.get(document.id, {}).items():
                counts = " ".join(f"{s}={sum(1 for i in found if i.status == s)}" for s in STATUSES)
                category_parts.append(
                    f'<details class="category"><summary>{escape(category)} <small>{escape(counts)}</small></summary>'
                    f'<div class="article">{_highlight(document.text, found, boilerplate)}</div>'
                    f"{_item_list(found)}</details>"
                )
            adapter_parts.append(f'<details class="adapter" open><summary>{escape(adapter)}</summary>'
                                 f'{"".join(category_parts) or "<p>No scored items.</p>"}</details>')
        parts.append(f'<section class="document" id="doc-{escape(document.id)}"><h3>{escape(title)}</h3>'
                     f"<p><code>{escape(document.id)}</code></p>{''.join(adapter_parts)}</section>")
    return "".join(parts)


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.best{font-weight:bold;background:#e8f5e9}
.article{white-space:pre-wrap;line-height:1.6;border:1px solid #ddd;padding:1rem;margin:.5rem 0;font-family:Georgia,serif}
mark.hl{padding:0 1px;border-radius:2px}
mark.top-tp,.tag.s-tp{background:#b9f6ca}
mark.top-boilerplate,.tag.s-boilerplate{background:#d1c4e9}
mark.top-fp,.tag.s-fp{background:#ffcdd2}
mark.top-fn,.tag.s-fn{background:#ffe0b2;outline:1px dashed #e65100}
.region-boilerplate{color:#666;background-image:repeating-linear-gradient(45deg,transparent 0 6px,#f3f3f3 6px 12px)}
.tag{padding:0 .3rem;border-radius:3px}
.bar{display:inline-block;width:8rem;height:.7rem;background:#eee;vertical-align:middle}
.bar .fill{display:block;height:100%;background:#1976d2}
.pertype{display:inline-block;margin-right:1.5rem;vertical-align:top}
details{margin:.3rem 0}details.adapter>summary{font-weight:bold}
"""


def render_html(report: Mapping[str, Any], corpus: Any = None,
                items: Mapping[str, Mapping[str, Mapping[str, list[ItemView]]]] | None = None) -> str:
    """The report page. ``corpus`` and ``items`` add the highlighted articles; without them only tables."""
    gold = report.get("gold", {})
    legend = " ".join(f'<span class="tag s-{s}">{escape(STATUS_NAMES[s])}</span>' for s in STATUSES)
    documents = _documents(corpus, items or {}) if corpus is not None else "<p>Articles not included.</p>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluation report</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Evaluation report</h1>
<p>harness {escape(str(report.get('harness_version', '')))} · {escape(str(report.get('created', '')))} ·
{len(gold.get('documents', []))} document(s) · gold <code>{escape(str(gold.get('fingerprint', ''))[:12])}</code> ·
status <strong>{escape(str(report.get('status', '')))}</strong></p>
<h2>Scores</h2>
<p>P / R / F1 with the confidence interval of F1 and the documents it is over; the best F1 of a row is bold.</p>
{_score_table(report)}
{_interval_notes(report)}
{_slices(report)}
<h2>Per type</h2>
{_per_type(report)}
<h2>Errors ({len(report.get('errors') or [])})</h2>
{_errors(report)}
{_warnings(report)}
<h2>Articles</h2>
<p>Legend: {legend}; <span class="region-boilerplate">boilerplate region</span>.</p>
{documents}
</body>
</html>
"""
