"""``harness gate``: check a report against the thresholds in pyproject.toml, for CI."""

from __future__ import annotations

import sys

import click

from .options import sample_options, set_option


def print_checks(result, echo=click.echo) -> None:
    """One line per check: PASS/FAIL, name, required and actual value."""
    if not result.checks:
        echo("No gate checks configured. Add thresholds under [tool.harness.gate] in pyproject.toml, "
             'e.g. "rules.entities.f1" = 0.6.')
        return
    width = max(len(check.name) for check in result.checks)
    for check in result.checks:
        actual = "n/a" if check.actual is None else f"{check.actual:.4f}"
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
@click.option("--gold", metavar="PATH",
              help="The gold the report must have been made from, also used by --run and significance tests "
                   "(default: gold/).")
@click.option("--allow-other-gold", is_flag=True,
              help="Check a report made from other gold than --gold (its gold fingerprint differs).")
@click.option("--junit", "junit_path", metavar="FILE", help="Also write the checks as JUnit XML to FILE.")
@sample_options
@set_option
def gate(report_path: str | None, run_first: bool, gold: str | None, allow_other_gold: bool,
         junit_path: str | None, limit: int | None, docs: str | None, overrides: tuple[str, ...]) -> None:
    """Check scores against the thresholds in pyproject.toml (for CI).

    Thresholds live under [tool.harness.gate] as "adapter.category.metric" =
    minimum (e.g. "rules.entities.f1" = 0.6; sub-scores as
    "rules.quotes.attribution.f1"; over one slice's documents as
    "rules@domain=sports.quotes.f1"); allowed drops from a baseline report
    under [tool.harness.gate.baseline], optionally only failing a drop that
    is statistically significant. A check on an adapter that failed, on any
    document, fails with the error count; a check on a sub-score over zero
    items fails as not applicable. The report must come from the gold given
    (--gold, default gold/) unless --allow-other-gold. Prints each check
    with required and actual value; exits 0 when all pass, 1 when any
    fails, 2 on a usage or configuration error, 3 when --run had failures
    in adapters no check names. Appends a summary to $GITHUB_STEP_SUMMARY
    when set. With --run, --limit N / --docs ID,... run part of the gold and
    --set ADAPTER.KEY=VALUE overrides an adapter setting.
    """
    from pathlib import Path

    from ..errors import EXIT_CHECK_FAILED, EXIT_OK, EXIT_RUN_FAILURES, InputError, UsageError
    from ..files import write_atomic
    from ..gate import parse_gate_config, run_gate, write_step_summary
    from ..report import load_report, render_junit
    from ..sample import parse_doc_list
    from .options import configured
    from .run import configured_path

    if (limit is not None or docs is not None or overrides) and not run_first:
        raise UsageError("--limit, --docs and --set apply to the run: add --run.")
    config = configured(overrides)
    settings = parse_gate_config(config)  # a malformed key fails (exit 2) before any work is done
    gold_path = gold or configured_path(config, "gold", "gold")
    run_failed = False
    if run_first:
        from .run import perform_run, print_errors

        out = str(Path(report_path).parent) if report_path else None
        report, files, run = perform_run(config, gold=gold, out=out, extra_adapters=settings.adapters,
                                         limit=limit, docs=parse_doc_list(docs))
        print_errors(report)
        path, run_failed = files.json, not run.ok
    else:
        path = Path(report_path or Path(configured_path(config, "reports", "reports")) / "latest" / "report.json")
        if not path.exists():
            raise InputError(f"{path}: no report to check. Run `harness run` first, or `harness gate --run`.")
    report = load_report(path)
    # a fresh run is made from the gold it was given; a saved report must show it was
    result = run_gate(config, report, path, gold_path=gold_path, allow_other_gold=allow_other_gold or run_first)
    print_checks(result)
    if junit_path:
        write_atomic(junit_path, render_junit(report, result))
    write_step_summary(result)
    sys.exit(EXIT_CHECK_FAILED if not result.passed else EXIT_RUN_FAILURES if run_failed else EXIT_OK)
