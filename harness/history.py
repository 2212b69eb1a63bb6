"""The run history: every default ``harness run`` kept under ``reports/runs/<id>/``.

A run's id is its UTC start time and a short hash of what it ran
(``20260301T101500Z-1a2b3c4d``; ``-2``, ``-3`` ... when two runs share a
second and a hash). Each run folder holds the same files as
``reports/latest`` (report.json, report.md, report.html, junit.xml,
predictions/): the run is written there once, as one set, then copied, as
one set, over ``reports/latest``, which stays a real folder that every
command and CI step can read. The oldest runs beyond ``[tool.harness]
keep_runs`` (default 20) are deleted.

``list_runs`` and ``resolve_report`` are what the other commands (and the
viewer) read the history with.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

from .errors import InputError, UsageError, did_you_mean

RUNS_FOLDER = "runs"
LATEST_FOLDER = "latest"
DEFAULT_KEEP_RUNS = 20
_RUN_ID = re.compile(r"^(\d{8}T\d{6}Z)-([0-9a-f]{8})(?:-(\d+))?$")


@dataclass(frozen=True)
class RunInfo:
    """One run of the history, as its report.json records it.

    Frozen: a listing is a snapshot; read the report again for fresh data.
    ``f1`` is the headline F1 per adapter, then category (None where the
    score is not applicable). ``status`` is the report's (``ok``,
    ``errors``) or ``unreadable`` when its report.json cannot be read.
    """

    id: str
    path: Path
    started: str
    adapters: tuple[str, ...] = ()
    f1: Mapping[str, Mapping[str, float | None]] = field(default_factory=dict)
    status: str = "ok"
    documents: int = 0
    sample: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "adapters", tuple(self.adapters))

    @property
    def report(self) -> Path:
        """The run's report.json."""
        return self.path / "report.json"

    def to_dict(self) -> dict:
        return {"id": self.id, "path": str(self.path), "started": self.started, "status": self.status,
                "documents": self.documents, "sample": self.sample, "adapters": list(self.adapters),
                "f1": {adapter: dict(scores) for adapter, scores in self.f1.items()}}


def is_run_id(name: str) -> bool:
    return _RUN_ID.match(name) is not None


def run_digest(options: Mapping[str, Any], gold_fingerprint: str) -> str:
    """The short hash of a run id: 8 hex characters over the run's options and its gold."""
    text = json.dumps({"options": options, "gold": gold_fingerprint}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def reserve_run_folder(runs_dir: Path, digest: str, now: datetime | None = None) -> Path:
    """Create and return a new, empty run folder; a counter suffix keeps two runs of one second apart.

    ``mkdir`` is the reservation: it fails for a folder another run made first.
    """
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    runs_dir.mkdir(parents=True, exist_ok=True)
    counter = 1
    while True:
        name = f"{stamp}-{digest}" + (f"-{counter}" if counter > 1 else "")
        try:
            (runs_dir / name).mkdir()
            return runs_dir / name
        except FileExistsError:
            counter += 1


def _order(path: Path) -> tuple:
    match = _RUN_ID.match(path.name)
    stamp, counter = (match.group(1), int(match.group(3) or 1)) if match else ("", 0)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return stamp, counter, mtime


def run_folders(reports_dir: str | os.PathLike) -> list[Path]:
    """The run folders under ``reports_dir/runs``, newest first (staging folders and strangers skipped)."""
    runs = Path(reports_dir) / RUNS_FOLDER
    if not runs.is_dir():
        return []
    found = [entry for entry in runs.iterdir() if entry.is_dir() and is_run_id(entry.name)]
    return sorted(found, key=_order, reverse=True)


def read_run(folder: Path) -> RunInfo:
    """The ``RunInfo`` of one run folder; a report that cannot be read gives an ``unreadable`` entry."""
    try:
        report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        adapters = report["adapters"]
        f1 = {name: {category: score.get("f1") for category, score in (entry.get("scores") or {}).items()}
              for name, entry in adapters.items()}
        return RunInfo(folder.name, folder, str(report.get("created", "")), tuple(adapters), f1,
                       str(report.get("status", "ok")), len((report.get("gold") or {}).get("documents") or []),
                       report.get("sample"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return RunInfo(folder.name, folder, "", status="unreadable")


def list_runs(reports_dir: str | os.PathLike) -> list[RunInfo]:
    """Every run of the history under ``reports_dir`` (e.g. ``reports``), newest first.

    A run folder without report.json is left out: a run still being written
    (its folder is reserved first), or one killed before its reports were in.
    """
    return [read_run(folder) for folder in run_folders(reports_dir) if (folder / "report.json").exists()]


def prune_runs(reports_dir: str | os.PathLike, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest runs, and staging folders of killed runs; returns the runs deleted."""
    from .report.report_set import sweep_staging

    old = run_folders(reports_dir)[keep:]
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)
    sweep_staging(Path(reports_dir) / RUNS_FOLDER)
    return old


def copy_report_set(source: Path, target: Path) -> None:
    """Put a copy of the report set in ``source`` at ``target``, replacing it in one step."""
    from .report.report_set import ReportSet

    with ReportSet(target) as staged:
        for file in sorted(source.rglob("*")):
            if file.is_file():
                staged.write(file.relative_to(source).as_posix(), file.read_bytes())
        staged.commit()


def default_reports_dir() -> Path:
    """The configured reports folder (``[tool.harness.paths] reports``, default ``reports``)."""
    from .commands.run import configured_path
    from .config import load_config

    return Path(configured_path(load_config(), "reports", "reports"))


def resolve_report(path_or_run_id: str | os.PathLike, reports_dir: str | os.PathLike | None = None) -> Path:
    """The report.json meant by a report file, a report or run folder, a run id (or its unique start) or ``latest``.

    Raises ``InputError`` for a path that holds no report and ``UsageError``
    for a name that is none of these (with the closest run id).
    """
    value = str(path_or_run_id)
    reports = Path(reports_dir) if reports_dir is not None else default_reports_dir()
    if value == LATEST_FOLDER and not Path(value).exists():
        latest = reports / LATEST_FOLDER / "report.json"
        if not latest.is_file():
            raise InputError(f"{latest}: no report yet. Run `harness run` first.")
        return latest
    path = Path(value)
    if path.is_file():
        return path
    if path.is_dir():
        if (path / "report.json").is_file():
            return path / "report.json"
        raise InputError(f"{path}: this folder holds no report.json. Give a report file, a run folder "
                         "(reports/runs/<id>) or a run id listed by `harness runs`.")
    if path.suffix == ".json" or len(path.parts) > 1:
        raise InputError(f"{path}: no such report file or folder. `harness runs` lists the runs kept.")
    ids = [folder.name for folder in run_folders(reports)]
    if value in ids:
        return reports / RUNS_FOLDER / value / "report.json"
    starting = [run_id for run_id in ids if run_id.startswith(value)]
    if len(starting) == 1:
        return reports / RUNS_FOLDER / starting[0] / "report.json"
    if len(starting) > 1:
        raise UsageError(f"run id {value!r} is the start of {len(starting)} runs ({', '.join(starting[:5])}). "
                         "Give more of it.")
    known = ids[:5] + ([f"and {len(ids) - 5} more"] if len(ids) > 5 else [])
    raise UsageError(f"{value!r} is not a report file, a run folder, a run id or 'latest'.{did_you_mean(value, ids)} "
                     f"Runs under {reports / RUNS_FOLDER}: {', '.join(known) or 'none yet'}. "
                     "`harness runs` lists them.")


def write_run(run: Any, reports_dir: str | os.PathLike, latest: str | os.PathLike, *, keep: int,
              config: Any = None, scoring_options: Any = None) -> tuple[dict, Any]:
    """Write a run's reports into a new run folder, copy them over ``latest`` and prune old runs.

    Returns ``(report, files)`` with ``files`` naming ``latest`` and, as
    ``run_folder``, the new run folder.
    """
    import dataclasses

    from .report import ReportFiles, write_reports

    runs_dir = Path(reports_dir) / RUNS_FOLDER
    options = {**run.options.to_dict(), "sample": None if run.options.sample is None else run.options.sample.to_dict()}
    folder = reserve_run_folder(runs_dir, run_digest(options, run.corpus.fingerprint))
    try:
        report, written = write_reports(run, folder, config=config, scoring_options=scoring_options)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    copy_report_set(folder, Path(latest))
    prune_runs(reports_dir, keep)
    target = Path(latest)
    files = ReportFiles(target, target / "report.json", target / "report.md", target / "report.html",
                        target / "junit.xml", tuple(target / p.relative_to(folder) for p in written.predictions))
    return report, dataclasses.replace(files, run_folder=folder)
