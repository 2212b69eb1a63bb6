"""``harness baseline``: save a run's report, with its predictions, as the gate's baseline."""

from __future__ import annotations

import sys

import click

from .options import json_option


@click.command()
@click.option("--report", "report_path", metavar="FILE_OR_RUN",
              help="The report to save: a report.json, a run folder or a run id from `harness runs` "
                   "(default: reports/latest/report.json).")
@click.option("--run", "run_first", is_flag=True, help="Run the default adapters first and save that report.")
@click.option("--out", "out", metavar="FILE",
              help="Where to write the baseline (default: the gate's baseline file, reports/baseline.json).")
@json_option
def baseline(report_path: str | None, run_first: bool, out: str | None, as_json: bool) -> None:
    """Save a report as the baseline the gate compares against.

    The baseline carries each adapter's raw predictions, so that a single
    committed file lets `harness gate` test whether a later drop is
    statistically significant (paired over the same documents). Exits 3
    when the saved report records failed adapters or documents (it is still
    written: their predictions are empty, so check it before committing).
    With --json, stdout is one JSON document (docs/cli.md).
    """
    from pathlib import Path

    from ..config import check_config, load_config
    from ..errors import InputError
    from ..files import write_json_atomic
    from ..gate import parse_gate_config
    from ..predictions import predictions_to_dict
    from ..report import load_report, report_predictions
    from .run import configured_path

    config = check_config(load_config())
    if run_first:
        from .run import perform_run, print_errors

        report, files, _ = perform_run(config)
        print_errors(report)
        path = files.json
    elif report_path is not None:
        from ..history import resolve_report

        path = resolve_report(report_path)  # a report file, a run folder or a run id from `harness runs`
    else:
        path = Path(configured_path(config, "reports", "reports")) / "latest" / "report.json"
        if not path.exists():
            raise InputError(f"{path}: no report to save. Run `harness run` first, or `harness baseline --run`.")
    report = load_report(path)
    for name, entry in report["adapters"].items():
        if entry.get("predictions") is None and entry.get("predictions_file"):
            records = report_predictions(report, path, name)
            entry["predictions"] = [predictions_to_dict(records[doc_id]) for doc_id in sorted(records)]
        entry["predictions_file"] = None
    if out is None:
        target = Path(parse_gate_config(config).baseline_file)
        target = target if target.is_absolute() else Path(config.root) / target
    else:
        target = Path(out)
    write_json_atomic(target, report)
    from ..errors import EXIT_OK, EXIT_RUN_FAILURES

    code = EXIT_RUN_FAILURES if report.get("errors") else EXIT_OK
    if as_json:
        from .options import print_json

        print_json({"baseline": str(target), "report": str(path), "adapters": list(report["adapters"]),
                    "gold_fingerprint": report["gold"]["fingerprint"], "errors": len(report.get("errors") or []),
                    "exit_code": code})
    else:
        adapters = ", ".join(report["adapters"]) or "no adapters"
        click.echo(f"Baseline written to {target} ({adapters}; gold {report['gold']['fingerprint'][:12]}).")
    if report.get("errors"):
        click.echo(f"{len(report['errors'])} error(s) in the saved run: the failed documents predict nothing "
                   "in the baseline. Fix them and save it again.", err=True)
    sys.exit(code)
