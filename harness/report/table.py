"""The terminal table: one row per category and key sub-score, one column per adapter."""

from __future__ import annotations

from typing import Any, Mapping

from .summary import adapter_failed, cell_texts, interval_notes, score_rows, slice_sections


def score_table(report: Mapping[str, Any]):
    """A ``rich.table.Table`` of the report's scores; the best F1 of each row is starred and bold."""
    adapters, rows = score_rows(report)
    return _rich_table("Scores (P / R / F1 [CI of F1, documents]; ★ best F1 of the row)", report, adapters, rows)


def _rich_table(title: str, report: Mapping[str, Any], adapters: Any, rows: Any):
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column("category", style="bold")
    for name in adapters:
        status = report["adapters"][name].get("status", "ok")
        table.add_column(name if status == "ok" else f"{name} ({status})")
    for row in rows:
        # two short lines per cell, so narrow terminals never break a number apart
        table.add_row(row.label, *cell_texts(row, lambda text: f"[bold green]{text}[/]", separator="\n"))
    if not rows:
        table.add_row("(no scores)", *["failed" if adapter_failed(report, name) else "–" for name in adapters])
    return table


def error_table(errors: list[Mapping[str, Any]]):
    """A compact ``rich.table.Table`` of errors: adapter, document, stage, kind and message, one row each."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Errors ({len(errors)})", title_justify="left", title_style="bold red")
    for column in ("adapter", "document", "stage", "kind"):
        table.add_column(column, overflow="fold")
    table.add_column("message", overflow="fold", ratio=1)
    for error in errors:
        message = " ".join(str(error.get("message") or "").split())
        message = message if len(message) <= _MESSAGE_WIDTH else message[:_MESSAGE_WIDTH - 1] + "…"
        # Text, not markup: a message may hold "[...]" that must be shown as written
        table.add_row(*(Text(str(value)) for value in (error.get("adapter") or "–", error.get("doc_id") or "(all)",
                                                        error.get("stage") or "–", error.get("kind") or "–",
                                                        message)))
    return table


# a message on one line, cut here; the whole of it (and its detail) stays in report.json
_MESSAGE_WIDTH = 300


def print_table(report: Mapping[str, Any], console: Any = None) -> None:
    """Print the score table and, when anything failed, every error as a table, to ``console``."""
    from rich.console import Console

    console = console or Console()
    console.print(score_table(report))
    print_interval_notes(report, console)
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


def print_slice_tables(report: Mapping[str, Any], console: Any = None) -> None:
    """Print one score table per slice field of ``report`` (``harness run --per-slice``)."""
    from rich.console import Console

    console = console or Console()
    for section in slice_sections(report):
        console.print(_rich_table(f"By {section.field} ({section.definition}); P / R / F1 [CI of F1, documents]",
                                  report, section.adapters, section.rows))
