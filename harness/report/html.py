"""``report.html``: one self-contained page with the scores and each article, its items marked.

The tables are HTML written here, every string through ``html.escape``. The
articles are data: each document's text once, with a layer of marks for the
gold and one for each adapter (``harness.report.layers``), drawn by one
inline script (the viewer's ``article.js``) that puts text into the page
with ``textContent`` only. The page loads nothing: its Content-Security-Policy
allows no URL at all and only that script, by its sha256 computed here, so
markup in an article or a prediction can only ever show as text. The first
``HTML_DOCUMENTS`` documents are embedded; the page says how many are left
out, and ``harness view`` shows every one.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from importlib import resources
from typing import Any, Mapping

from .summary import interval_notes, score_rows, slice_sections

HTML_DOCUMENTS = 200  # articles report.html embeds by default ([tool.harness.report] html_documents)
OUTCOME_CLASSES = {"hit": "o-hit", "wrong speaker": "o-speaker", "wrong type": "o-type", "wrong span": "o-span",
                   "missed": "o-missed", "false alarm": "o-fa", "leaked from boilerplate": "o-leak", "gold": "o-gold"}


def collect_items(run: Any, limit: int | None = None) -> dict[str, dict[str, dict[str, tuple]]]:
    """adapter -> doc id -> category -> the scorer's item outcomes, from a ``RunResult``; an adapter
    without scores has none. ``limit``: of the first that many documents only (the page's
    ``max_documents``). ``harness.report.layers`` turns them into the page's marks."""
    from .layers import scored_items

    return scored_items(run, limit)


def _bar(value: float) -> str:
    width = max(0.0, min(1.0, value)) * 100
    return f'<span class="bar"><span class="fill" style="width:{width:.1f}%"></span></span>'


def _score_table(report: Mapping[str, Any]) -> str:
    adapters, rows = score_rows(report)
    if not adapters:
        return "<p>No adapters were run.</p>"
    return _rows_table(adapters, rows)


def _cost(report: Mapping[str, Any]) -> str:
    from .cost import cost_html

    return cost_html(report)


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


def _page_data(corpus: Any, items: Mapping[str, Mapping[str, Mapping[str, Any]]], limit: int) -> tuple[dict, int]:
    """The articles the page embeds (the first ``limit`` documents) and how many are left out."""
    from .layers import document_view

    documents = list(corpus)
    views = [document_view(annotations, {adapter: per_doc.get(annotations.document.id, {})
                                         for adapter, per_doc in items.items()})
             for annotations in documents[:limit]]
    return {"documents": views}, max(0, len(documents) - limit)


def _script_json(value: Any) -> str:
    """``value`` as JSON that can sit inside a <script>: no <, > or & (escaped as in any JSON string)."""
    # ASCII only: the bytes written are the bytes hashed into the CSP, whatever the text holds
    text = json.dumps(value, ensure_ascii=True, allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text


def _script(data: dict) -> str:
    """The page's one script: its articles as data, the shared article renderer and the page's wiring."""
    renderer = resources.files("harness.viewer").joinpath("static", "article.js").read_text(encoding="utf-8")
    return f"var HARNESS_REPORT = {_script_json(data)};\n{renderer}\n{_BOOT}"


def _documents(corpus: Any, items: Mapping[str, Mapping[str, Mapping[str, Any]]], limit: int) -> tuple[str, str]:
    """The Articles section and its script (empty when there are no articles)."""
    data, left_out = _page_data(corpus, items, limit)
    shown = len(data["documents"])
    note = ""
    if left_out:
        note = (f'<p class="left-out">The first {shown} of {shown + left_out} documents are shown here; '
                f"{left_out} are left out to keep this page small. <code>harness view</code> shows every one.</p>")
    section = (f'{note}<div id="controls" class="controls"></div><div id="details" class="details" hidden></div>'
               f'<div id="articles"><noscript><p>The articles need JavaScript (one inline script, allowed by '
               f"this page's Content-Security-Policy); <code>harness view</code> shows them too.</p></noscript></div>")
    return section, _script(data) if shown else ""


# the static page's wiring: one filter bar for every article; the URL hash keeps the filters
_BOOT = """
(function () {
  var docs = HARNESS_REPORT.documents;
  var bar = document.getElementById("controls");
  var panel = document.getElementById("details");
  var root = document.getElementById("articles");
  var state = HarnessArticle.decodeState(location.hash.replace(/^#/, ""));
  var views = [], errors = [], at = -1;
  function draw() {
    root.textContent = "";
    views = [];
    errors = [];
    at = -1;
    docs.forEach(function (doc) {
      var section = HarnessArticle.el("section", "document");
      section.id = "doc-" + doc.doc_id;
      section.appendChild(HarnessArticle.el("h3", "", doc.title));
      section.appendChild(HarnessArticle.el("p", "doc-id", doc.doc_id));
      var box = HarnessArticle.el("div", "doc");
      section.appendChild(box);
      root.appendChild(section);
      var view = HarnessArticle.render(box, doc, state, panel);
      views.push(view);
      view.errors.forEach(function (item, n) { errors.push([view, n]); });
    });
    var encoded = HarnessArticle.encodeState(state);
    if (history.replaceState) history.replaceState(null, "", encoded ? "#" + encoded : location.pathname);
  }
  HarnessArticle.controls(bar, docs, state, draw);
  draw();
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.key !== "j" && event.key !== "k") || !errors.length) return;
    at = Math.max(0, Math.min(errors.length - 1, at + (event.key === "j" ? 1 : -1)));
    var view = errors[at][0];
    view.current = errors[at][1] - 1;
    view.step(1);
  });
})();
"""


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.best{font-weight:bold;background:#e8f5e9}
.article{white-space:pre-wrap;line-height:1.6;border:1px solid #ddd;padding:1rem;margin:.5rem 0;font-family:Georgia,serif}
mark.hl{padding:0 1px;border-radius:2px;cursor:pointer}mark.many{box-shadow:inset 0 -2px 0 #555}
mark.current,tr.current{outline:2px solid #1565c0}
.o-gold{background:#fff59d}.o-hit{background:#b9f6ca}.o-speaker{background:#e6ee9c}.o-type{background:#ffab91}.o-span{background:#ffccbc}
.o-missed{background:#ffe0b2;outline:1px dashed #e65100}.o-fa{background:#ffcdd2}.o-leak{background:#d1c4e9}
.region-boilerplate{color:#666;background-image:repeating-linear-gradient(45deg,transparent 0 6px,#f3f3f3 6px 12px)}
.tag{padding:0 .3rem;border-radius:3px}
.bar{display:inline-block;width:8rem;height:.7rem;background:#eee;vertical-align:middle}
.bar .fill{display:block;height:100%;background:#1976d2}
.pertype{display:inline-block;margin-right:1.5rem;vertical-align:top}
.controls{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0;position:sticky;top:0;background:#fff;padding:.3rem 0;z-index:2}
.texts.side{display:flex;gap:1rem}.texts.side .column{flex:1;min-width:0}
.details{position:sticky;top:3rem;background:#fafafa;border:1px solid #bbb;padding:.5rem;z-index:1}
.details dl{display:grid;grid-template-columns:8rem 1fr;margin:0}.details dd{margin:0;white-space:pre-wrap}
.doc-id{color:#666;font-family:monospace}
"""


REPORT_KEYS = ("html_documents",)


def html_documents_of(config: Any) -> int:
    """``[tool.harness.report] html_documents``: how many articles report.html embeds (default 200)."""
    from ..config import unknown_key_problems
    from ..errors import ConfigError

    if config is None:
        return HTML_DOCUMENTS
    problems = unknown_key_problems(config, "report", REPORT_KEYS)
    value = config.section("report").get("html_documents", HTML_DOCUMENTS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        problems.append(f"{config.where('report')}: html_documents = {value!r} must be a whole number of at least 0, "
                        f"such as {HTML_DOCUMENTS} (0 embeds no article; `harness view` shows them all).")
    if problems:
        raise ConfigError.of(problems)
    return value


def _legend() -> str:
    return " ".join(f'<span class="tag {cls}">{escape(name)}</span>' for name, cls in OUTCOME_CLASSES.items())


def render_html(report: Mapping[str, Any], corpus: Any = None, items: Mapping[str, Mapping[str, Mapping[str, Any]]] | None = None,
                *, max_documents: int = HTML_DOCUMENTS) -> str:
    """The report page. ``corpus`` and ``items`` (``collect_items``) add the articles, the first
    ``max_documents`` of them; without them only tables."""
    gold = report.get("gold", {})
    script = ""
    if corpus is not None:
        documents, script = _documents(corpus, items or {}, max_documents)
    else:
        documents = "<p>Articles not included.</p>"
    script_policy = "'none'"
    if script:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        script_policy = f"'sha256-{digest}'"
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src {script_policy}"
    script_tag = f"<script>{script}</script>\n" if script else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
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
{_cost(report)}
{_slices(report)}
<h2>Per type</h2>
{_per_type(report)}
<h2>Errors ({len(report.get('errors') or [])})</h2>
{_errors(report)}
{_warnings(report)}
<h2>Articles</h2>
<p>Each article once, with a layer of marks for the gold and for each adapter: switch layers, show them side by
side or overlaid, filter by category, type, outcome and adapter, or search; click a mark for the gold item, the
prediction and the note; <kbd>j</kbd> / <kbd>k</kbd> step through the errors. Outcomes: {_legend()};
<span class="region-boilerplate">boilerplate region</span>.</p>
{documents}
{script_tag}</body>
</html>
"""
