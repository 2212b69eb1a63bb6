"""``harness runs``: the run history, newest first, with each adapter's headline F1."""

from __future__ import annotations

from typing import Any

import click

from ..model import CATEGORIES
from .options import json_option

_ID_WIDTH = 25  # 20260301T101500Z-1a2b3c4d (a counter suffix is cut with an ellipsis)
_ADAPTER_WIDTH = 12
_SCORE_WIDTH = 9
# one-character marks after the run id, explained under the listing
MARKS = {"errors": "!", "sample": "~", "unreadable": "?"}


def _cell(value: object) -> str:
    return "–" if not isinstance(value, (int, float)) else f"{value:.3f}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _marks(run: Any) -> str:
    marks = MARKS["unreadable"] if run.status == "unreadable" else MARKS["errors"] if run.status != "ok" else ""
    return marks + (MARKS["sample"] if run.sample else "")


def run_lines(runs: list, columns: int = 80) -> list[str]:
    """The history as lines of at most ``columns`` characters: run id and marks, adapter, F1 per category.

    The adapter column widens up to what ``columns`` leaves it; a name longer
    than that is printed whole on a line of its own, its scores on the next,
    so no name is cut.
    """
    fixed = _ID_WIDTH + 4 + _SCORE_WIDTH * len(CATEGORIES)
    longest = max((len(adapter) for run in runs for adapter in run.adapters), default=0)
    adapter_width = max(_ADAPTER_WIDTH, min(longest, columns - fixed))
    header = (f"{'run':<{_ID_WIDTH}} {'':<2} {'adapter':<{adapter_width}}"
              + "".join(f"{category:>{_SCORE_WIDTH}}" for category in CATEGORIES))
    lines = [header, "-" * len(header)]
    for run in runs:
        rows = [(adapter, run.f1.get(adapter, {})) for adapter in run.adapters] or [("(none)", {})]
        for index, (adapter, scores) in enumerate(rows):
            first, marks = (_clip(run.id, _ID_WIDTH), _marks(run)) if index == 0 else ("", "")
            if len(adapter) > adapter_width:
                lines.append(f"{first:<{_ID_WIDTH}} {marks:<2} {adapter}")
                first, marks, adapter = "", "", ""
            lines.append(f"{first:<{_ID_WIDTH}} {marks:<2} {adapter:<{adapter_width}}"
                         + "".join(f"{_cell(scores.get(category)):>{_SCORE_WIDTH}}" for category in CATEGORIES))
    return lines


@click.command("runs")
@json_option
def runs(as_json: bool) -> None:
    """List the runs kept in reports/runs/, newest first, with each adapter's headline F1 per category.

    Every `harness run` into the default folder is kept there as
    <UTC time>-<hash>/ (the same files as reports/latest); the oldest beyond
    [tool.harness] keep_runs (default 20) are deleted. A run id, or its
    unique start, names a report wherever one is asked for (`harness show
    --report`). Marks after the id: ! the run had errors, ~ it ran a sample
    of the gold (--limit/--docs), ? its report.json cannot be read.
    """
    from ..history import default_reports_dir, list_runs
    from .options import print_json

    reports_dir = default_reports_dir()
    found = list_runs(reports_dir)
    if as_json:
        print_json({"reports": str(reports_dir), "runs": [run.to_dict() for run in found]})
        return
    if not found:
        click.echo(f"No runs kept under {reports_dir / 'runs'} yet. `harness run` keeps one per run.")
        return
    from ..terminal import width

    for line in run_lines(found, width()):
        click.echo(line)
    click.echo(f"{len(found)} run(s) under {reports_dir / 'runs'}; headline F1 per category.")
    click.echo(f"{MARKS['errors']} had errors, {MARKS['sample']} ran a sample of the gold, "
               f"{MARKS['unreadable']} report.json unreadable.")
