"""The terminal table: one row per category and key sub-score, one column per adapter."""

from __future__ import annotations

from typing import Any, Mapping

from .summary import adapter_failed, score_rows


def score_table(report: Mapping[str, Any]):
    """A ``rich.table.Table`` of the report's scores; the best F1 of each row is starred and bold."""
    from rich.table import Table

    adapters, rows = score_rows(report)
    table = Table(title="Scores (P / R / F1 [95% CI of F1]; ★ best F1 of the row)", title_justify="left")
    table.add_column("category", style="bold")
    for name in adapters:
        status = report["adapters"][name].get("status", "ok")
        table.add_column(name if status == "ok" else f"{name} ({status})")
    for row in rows:
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append("–")
            else:
                # two short lines per cell, so narrow terminals never break a number apart
                text = cell.text(separator="\n")
                cells.append(f"[bold green]{text}[/]" if cell.best else text)
        table.add_row(row.label, *cells)
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
    errors = report.get("errors") or []
    if errors:
        console.print(error_table(errors))
        console.print(f"[bold red]{len(errors)} error(s)[/]; the full messages and details are in report.json "
                      "and report.html.", highlight=False)
