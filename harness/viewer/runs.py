"""Which runs the viewer shows: run folders holding a report.json, found or named.

A run folder is where ``harness run`` wrote one set of reports:
``reports/runs/<YYYYmmddTHHMMSSZ>-<8 hex>/`` for each run, and
``reports/latest`` for the newest. A RUN argument is such a folder or its
report.json. Every run gets an id made of safe characters only; the server
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


def _named(argument: str) -> Path:
    """The folder of a RUN argument (a run folder or its report.json); a usage error when it is neither."""
    path = Path(argument)
    if path.is_file() and path.name == REPORT:
        return path.parent
    if path.is_dir() and (path / REPORT).is_file():
        return path
    if path.is_dir():
        raise UsageError(f"{argument}: this folder holds no {REPORT}. Give a run folder written by `harness run` "
                         "(such as reports/latest) or its report.json.")
    if path.is_file():
        raise UsageError(f"{argument}: not a {REPORT}. Give a run folder written by `harness run` or its {REPORT}.")
    raise UsageError(f"{argument}: no such file or folder. Give a run folder (such as reports/latest) or its {REPORT}.")


def found_runs(reports_dir: Path) -> list[Path]:
    """Every ``reports/runs/*/`` folder with a report.json, newest first by name, then ``reports/latest``
    when it is not one of them (a link to the newest run counts once)."""
    runs_dir = reports_dir / "runs"
    folders = sorted((p for p in runs_dir.glob("*") if p.is_dir() and (p / REPORT).is_file()),
                     key=lambda p: p.name, reverse=True) if runs_dir.is_dir() else []
    latest = reports_dir / "latest"
    if (latest / REPORT).is_file():
        resolved = {p.resolve() for p in folders}
        if latest.resolve() not in resolved:
            folders.append(latest)
    return folders


def discover_runs(arguments: Iterable[str], reports_dir: Path) -> list[RunFolder]:
    """The runs named by ``arguments`` in their order, or every run under ``reports_dir`` when none is named."""
    arguments = list(arguments)
    folders = [_named(a) for a in arguments] if arguments else found_runs(reports_dir)
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
