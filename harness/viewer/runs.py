"""Which runs the viewer shows: run folders holding a report.json, found or named.

A run folder is where ``harness run`` wrote one set of reports:
``reports/runs/<YYYYmmddTHHMMSSZ>-<8 hex>/`` for each run, and
``reports/latest`` for the newest (``harness.history`` keeps them). A RUN
argument is such a folder, its report.json, a run id or ``latest``. Every
run gets an id made of safe characters only; the server
looks an id up in the list found here and never joins one into a path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import UsageError

REPORT = "report.json"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class RunFolder:
    """A run the viewer can show: its id in URLs, its folder and its report.json."""

    id: str
    folder: Path
    report: Path


def _id_for(folder: Path, taken: set[str]) -> str:
    base = _UNSAFE.sub("-", folder.name).strip("-.") or "run"
    run_id, n = base, 2
    while run_id in taken:
        run_id, n = f"{base}-{n}", n + 1
    return run_id


def _named(argument: str, reports_dir: Path) -> Path:
    """The folder of a RUN argument: a run folder or its report.json, a run id, or ``latest``
    (``harness.history.resolve_report`` says what is wrong with anything else)."""
    from ..history import resolve_report

    report = resolve_report(argument, reports_dir)
    if report.name != REPORT:
        raise UsageError(f"{argument}: not a {REPORT}. Give a run folder written by `harness run`, its {REPORT} "
                         "or a run id listed by `harness runs`.")
    return report.parent


def found_runs(reports_dir: Path) -> list[Path]:
    """The runs of the history (``harness.history``), newest first, then ``reports/latest`` when its report
    is not the newest run's (a report set written with ``--out reports/latest``, or from before the history)."""
    from ..history import LATEST_FOLDER, list_runs

    folders = [run.path for run in list_runs(reports_dir)]
    latest = reports_dir / LATEST_FOLDER
    if (latest / REPORT).is_file():
        newest = folders[0] / REPORT if folders else None
        if newest is None or _content(newest) != _content(latest / REPORT):
            folders.append(latest)
    return folders


def _content(report: Path) -> bytes:
    try:
        return report.read_bytes()
    except OSError:
        return b""


def discover_runs(arguments: Iterable[str], reports_dir: Path) -> list[RunFolder]:
    """The runs named by ``arguments`` in their order, or every run under ``reports_dir`` when none is named."""
    arguments = list(arguments)
    folders = [_named(a, reports_dir) for a in arguments] if arguments else found_runs(reports_dir)
    runs: list[RunFolder] = []
    seen: set[Path] = set()
    taken: set[str] = set()
    for folder in folders:
        if folder.resolve() in seen:
            continue
        seen.add(folder.resolve())
        run_id = _id_for(folder, taken)
        taken.add(run_id)
        runs.append(RunFolder(run_id, folder, folder / REPORT))
    return runs
