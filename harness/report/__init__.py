"""The reports of a run: report.json, report.md, report.html, junit.xml and the raw predictions.

The files are written as one set that replaces the report folder in one
step, so a reader (or a CI step that uploads the folder) sees the whole old
set or the whole new one, never half a report nor a mix of two runs.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .html import collect_items, html_documents_of, render_html
from .json_report import REPORT_SCHEMA_VERSION, build_report, load_report, predictions_file_name, report_predictions
from .junit import render_junit
from .markdown import render_markdown
from .table import per_type_tables, print_per_type_tables, print_slice_tables, print_table, score_table

__all__ = [
    "REPORT_SCHEMA_VERSION",
    "ReportFiles",
    "build_report",
    "collect_items",
    "html_documents_of",
    "load_report",
    "per_type_tables",
    "print_per_type_tables",
    "predictions_file_name",
    "print_slice_tables",
    "print_table",
    "render_html",
    "render_junit",
    "render_markdown",
    "report_predictions",
    "run_in_memory",
    "score_table",
    "write_reports",
]


@dataclass(frozen=True)
class ReportFiles:
    """Where the reports of a run were written."""

    folder: Path
    json: Path
    markdown: Path
    html: Path
    junit: Path
    predictions: tuple[Path, ...]
    run_folder: Path | None = None  # the copy kept in the run history (harness.history), if any


def run_in_memory(run: Any, report: dict) -> Any:
    """The gold and predictions of ``run`` (a ``RunResult``), for the gate of its own ``report``
    (``harness.gate.RunInMemory``): nothing read back from disk."""
    from ..gate import RunInMemory

    return RunInMemory(run.corpus, report["gold"]["fingerprint"], functools.partial(_predictions, run))


def _predictions(run: Any, adapter: str) -> dict:
    """doc id -> predictions of ``adapter`` in ``run``, as its predictions file holds them (none: it failed)."""
    from ..errors import InputError

    scored = run.adapter(adapter)
    if scored.run.setup_error is not None:
        raise InputError(f"adapter {adapter!r} has no predictions in this run (it failed to run).")
    return scored.run.predictions


def write_reports(run: Any, out_dir: str | Path, *, config: Any = None, scoring_options: Any = None) -> tuple[dict, ReportFiles]:
    """Write every report of ``run`` (a ``harness.run.RunResult``) into ``out_dir``, as one set.

    The set replaces the folder in one step (see ``harness.report.report_set``),
    so ``out_dir`` must hold nothing but reports. The gate's checks go into
    junit.xml when ``config`` has any; a gate configuration mistake becomes an
    error test case there (``harness gate`` reports it properly) rather than
    stopping the reports being written.
    """
    from ..errors import ConfigError
    from ..files import json_text
    from ..predictions import predictions_to_dict
    from .report_set import ReportSet

    with ReportSet(out_dir) as staged:
        written = []
        for scored in run.adapters:
            if scored.run.setup_error is not None:
                continue
            if scored.run.spooled is not None:  # settled as soon as it was scored (harness.report.settled)
                lines = scored.run.spooled.lines()
            else:
                lines = (json.dumps(predictions_to_dict(p), ensure_ascii=False, allow_nan=False) + "\n"
                         for p in scored.run.predictions.values())
            relative = f"predictions/{predictions_file_name(scored.name)}"
            staged.write(relative, lines)  # streamed: a line per document, never the whole file in memory
            written.append(relative)
        report = build_report(run, scoring_options=scoring_options)
        staged.write("report.json", json_text(report))
        staged.write("report.md", render_markdown(report))
        shown = html_documents_of(config)
        staged.write("report.html", render_html(report, run.corpus, collect_items(run, shown), max_documents=shown))

        gate_result, config_error = None, None
        if config is not None:
            from ..gate import run_gate

            try:
                # the report was made from this run's gold just now, so there is no other gold to refuse;
                # a significance test takes the gold and predictions the run holds, not the files again
                gate_result = run_gate(config, report, staged.path("report.json"), gold_path=run.options.gold,
                                       allow_other_gold=True, run=run_in_memory(run, report))
            except ConfigError as exc:
                config_error = str(exc).replace(str(staged.staging), str(staged.folder))
        staged.write("junit.xml", render_junit(report, gate_result, config_error=config_error))
        staged.commit()
    folder = Path(out_dir)
    files = ReportFiles(folder, folder / "report.json", folder / "report.md", folder / "report.html",
                        folder / "junit.xml", tuple(folder / relative for relative in written))
    return report, files
