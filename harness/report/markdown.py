"""``report.md``: the score table and the errors, ready to paste into a pull request."""

from __future__ import annotations

import re
from typing import Any, Mapping

from .summary import cell_texts, interval_notes, sample_line, score_rows, slice_sections


# characters that would start Markdown formatting, a link, a code span or a new cell
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def _escape(text: object) -> str:
    """Text shown literally in a Markdown table cell, whatever an article or adapter put in it.

    Markup characters become entities (so ``<!--`` cannot hide the rest of the
    page and ``<script>`` stays text), line breaks become spaces (a newline
    would end the row) and Markdown punctuation is backslash-escaped.
    """
    plain = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", plain))


def _table_lines(adapters: list[str] | tuple[str, ...], rows: Any) -> list[str]:
    lines = ["| category | " + " | ".join(_escape(a) for a in adapters) + " |", "| --- |" + " --- |" * len(adapters)]
    for row in rows:
        cells = cell_texts(row, lambda text: f"**{text}**")
        lines.append(f"| {_escape(row.label)} | " + " | ".join(cells) + " |")
    return lines + [""]


def _slice_lines(report: Mapping[str, Any]) -> list[str]:
    """The ``## Slices`` section: a score table per slice field (nothing when the run was not sliced)."""
    sections = slice_sections(report)
    if not sections:
        return []
    lines = ["## Slices", ""]
    for section in sections:
        lines += [f"### By {_escape(section.field)}", "", f"{_escape(section.definition)}.", ""]
        lines += _table_lines(section.adapters, section.rows)
    return lines


def render_markdown(report: Mapping[str, Any], *, max_errors: int = 50) -> str:
    """The Markdown form of ``report``."""
    adapters, rows = score_rows(report)
    gold = report.get("gold", {})
    lines = [
        "# Evaluation report",
        "",
        f"harness {_escape(report.get('harness_version', '?'))} · {_escape(report.get('created', ''))} · "
        f"{len(gold.get('documents', []))} document(s) · gold {_escape(str(gold.get('fingerprint', ''))[:12])}",
        "",
        *([f"**{_escape(sample_line(report))}**: the scores are over these documents only.", ""]
          if sample_line(report) else []),
        "P / R / F1 with the confidence interval of F1 and the documents it is over; **bold ★** marks the "
        "best F1 of a row.",
        "",
        *(f"{_escape(line)}  " for line in interval_notes(report)),
        "",
    ]
    if adapters:
        lines += _table_lines(adapters, rows)
        lines.append("| adapter | status | documents | from cache | failed | extraction s |")
        lines.append("| --- | --- | --- | --- | --- | --- |")
        for name in adapters:
            entry = report["adapters"][name]
            docs = entry["documents"]
            lines.append(f"| {_escape(name)} | {_escape(entry['status'])} | {docs['total']} | {docs['cached']} | "
                         f"{docs['failed']} | {entry['timings']['extraction_seconds']:.2f} |")
        lines.append("")
    else:
        lines += ["No adapters were run.", ""]
    from .cost import cost_markdown

    lines += cost_markdown(report, _escape)
    lines += _slice_lines(report)
    errors = report.get("errors") or []
    lines.append(f"## Errors ({len(errors)})")
    lines.append("")
    if not errors:
        lines.append("None.")
    else:
        lines.append("| adapter | document | stage | kind | message |")
        lines.append("| --- | --- | --- | --- | --- |")
        for error in errors[:max_errors]:
            lines.append(f"| {_escape(error['adapter'])} | {_escape(error.get('doc_id') or '–')} | {_escape(error['stage'])} | "
                         f"{_escape(error['kind'])} | {_escape(error['message'][:300])} |")
        if len(errors) > max_errors:
            lines.append(f"\n… and {len(errors) - max_errors} more in report.json.")
    lines.append("")
    lines += _warning_lines(report)
    return "\n".join(lines)


def _warning_lines(report: Mapping[str, Any]) -> list[str]:
    """Unknown types and documents in the predictions, one line each (nothing when there are none)."""
    warnings = report.get("warnings") or []
    if not warnings:
        return []
    lines = [f"## Warnings ({len(warnings)})", ""]
    lines += [f"- {_escape(w['adapter'])}: {_escape(w['message'])}" for w in warnings]
    return lines + [""]
