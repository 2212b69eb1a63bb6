"""``harness gate``: check a report against the thresholds in pyproject.toml, for CI."""

from __future__ import annotations

import sys

import click


def print_checks(result, echo=click.echo) -> None:
    """One line per check: PASS/FAIL, name, required and actual value."""
    if not result.checks:
        echo("No gate checks configured. Add thresholds under [tool.harness.gate] in pyproject.toml, "
             'e.g. "rules.entities.f1" = 0.6.')
        return
    width = max(len(check.name) for check in result.checks)
    for check in result.checks:
        actual = "none" if check.actual is None else f"{check.actual:.4f}"
        verdict = "PASS" if check.passed else "FAIL"
        note = f"  ({check.detail})" if check.detail else ""
        echo(f"{verdict}  {check.name:<{width}}  required {check.required}  actual {actual}{note}")
    failed = len(result.failures)
    echo(f"Gate {'passed' if not failed else 'FAILED'}: {len(result.checks) - failed} of {len(result.checks)} "
         "check(s) passed.")


@click.command()
@click.option("--report", "report_path", metavar="FILE",
              help="The report to check (default: reports/latest/report.json).")
@click.option("--run", "run_first", is_flag=True,
              help="Run the default adapters and those the checks name first, then check the fresh report.")
@click.option("--gold", metavar="PATH", help="Gold corpus for --run and for significance tests (default: gold/).")
@click.option("--junit", "junit_path", metavar="FILE", help="Also write the checks as JUnit XML to FILE.")
def gate(report_path: str | None, run_first: bool, gold: str | None, junit_path: str | None) -> None:
    """Check scores against the thresholds in pyproject.toml (for CI).

    Thresholds live under [tool.harness.gate] as "adapter.category.metric" =
    minimum (e.g. "rules.entities.f1" = 0.6; sub-scores as
    "rules.quotes.attribution.f1"; over one slice's documents as
    "rules@domain=sports.quotes.f1"); allowed drops from a baseline report
    under [tool.harness.gate.baseline], optionally only failing a drop that
    is statistically significant. Prints each check with required and
    actual value; exits 0 when all pass, 1 when any fails, 2 on a
    configuration error. Appends a summary to $GITHUB_STEP_SUMMARY when set.
    """
    from pathlib import Path

    from ..config import load_config
    from ..errors import InputError
    from ..files import write_atomic
    from ..gate import parse_gate_config, run_gate, write_step_summary
    from ..report import load_report, render_junit
    from .run import configured_path

    config = load_config()
    settings = parse_gate_config(config)  # a malformed key fails (exit 2) before any work is done
    if run_first:
        from .run import perform_run

        out = str(Path(report_path).parent) if report_path else None
        _, files, _ = perform_run(config, gold=gold, out=out, extra_adapters=settings.adapters)
        path = files.json
    else:
        path = Path(report_path or Path(configured_path(config, "reports", "reports")) / "latest" / "report.json")
        if not path.exists():
            raise InputError(f"{path}: no report to check. Run `harness run` first, or `harness gate --run`.")
    report = load_report(path)
    result = run_gate(config, report, path, gold_path=gold)
    print_checks(result)
    if junit_path:
        write_atomic(junit_path, render_junit(report, result))
    write_step_summary(result)
    sys.exit(0 if result.passed else 1)
