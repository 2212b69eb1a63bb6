"""``harness gate``: check a report against the thresholds in pyproject.toml, for CI."""

from __future__ import annotations

import sys

import click

from .options import sample_options, set_option


def print_checks(result, echo=click.echo, width: int | None = None) -> None:
    """The checks as aligned columns (result, check, required, actual), each reason on indented lines below.

    Lines fit ``width`` (default: the terminal's): a check name is never
    broken, and when a row would not fit, its required and actual values
    move to a line of their own. PASS and FAIL are coloured on a terminal;
    ``click.echo`` drops the colour when the output is piped.
    """
    from ..terminal import width as terminal_width
    from ..terminal import wrapped

    if not result.checks:
        echo("No gate checks configured. Add thresholds under [tool.harness.gate] in pyproject.toml, "
             'e.g. "rules.entities.f1" = 0.6.')
        return
    width = width or terminal_width()
    rows = [("PASS" if check.passed else "FAIL", check.name, check.required,
             "n/a" if check.actual is None else f"{check.actual:.4f}", check.detail) for check in result.checks]
    name_width = max(len("check"), *(len(row[1]) for row in rows))
    required_width = max(len("required"), *(len(row[2]) for row in rows))
    # columns: result (6), check, required, actual, two spaces apart; a reason is indented under the check
    one_line = 8 + name_width + 2 + required_width + 2 + 6 <= width
    indent = " " * 8
    if one_line:
        echo(click.style(f"result  {'check':<{name_width}}  {'required':<{required_width}}  actual", bold=True))
    for verdict, name, required, actual, detail in rows:
        coloured = click.style(verdict, fg="green" if verdict == "PASS" else "red", bold=verdict == "FAIL")
        if one_line:
            echo(f"{coloured}    {name:<{name_width}}  {required:<{required_width}}  {actual}")
        else:
            echo(f"{coloured}    {name}")
            for line in wrapped(f"required {required}  actual {actual}", indent, width):
                echo(line)
        for line in wrapped(detail, indent, width):
            echo(line)
    failed = len(result.failures)
    verdict = click.style("passed", fg="green") if not failed else click.style("FAILED", fg="red", bold=True)
    echo(f"Gate {verdict}: {len(result.checks) - failed} of {len(result.checks)} check(s) passed.")


def gate_document(result, report_path) -> dict:
    """The ``gate --json`` document: the verdict, every check, and the report checked."""
    return {"passed": result.passed, "report": str(report_path), "checks": [c.to_dict() for c in result.checks],
            "failed": len(result.failures), "total": len(result.checks)}


@click.command()
@click.option("--report", "report_path", metavar="FILE_OR_RUN",
              help="The report to check: a report.json, a run folder, a run id from `harness runs`, or latest "
                   "(default: reports/latest/report.json).")
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
@click.option("--json", "as_json", is_flag=True,
              help="Print the verdict and every check as one JSON document (see docs/cli.md).")
def gate(report_path: str | None, run_first: bool, gold: str | None, allow_other_gold: bool,
         junit_path: str | None, limit: int | None, docs: str | None, overrides: tuple[str, ...],
         as_json: bool) -> None:
    """Check scores against the thresholds in pyproject.toml (for CI).

    Thresholds live under [tool.harness.gate] as "adapter.category.metric" =
    minimum (e.g. "rules.entities.f1" = 0.6; sub-scores as
    "rules.quotes.attribution.f1", a rate sub-score as printed,
    "rules.quotes.attribution.rate"; over one slice's documents as
    "rules@domain=sports.quotes.f1"); allowed drops from a baseline report
    under [tool.harness.gate.baseline], optionally only failing a drop that
    is statistically significant. A check on an adapter that failed, on any
    document, fails with the error count; a check on a sub-score over zero
    items fails as not applicable. The report must come from the gold given
    (--gold, default gold/) unless --allow-other-gold. Prints each check
    with required and actual value (with --json, one JSON document); every
    configuration mistake is listed at once; exits 0 when all pass, 1 when any
    fails, 2 on a usage or configuration error, 3 when --run had failures
    in adapters no check names. Appends a summary to $GITHUB_STEP_SUMMARY
    when set. With --run, --limit N / --docs ID,... run part of the gold and
    --set ADAPTER.KEY=VALUE overrides an adapter setting.
    """
    from pathlib import Path

    from ..config import check_config, load_config
    from ..errors import EXIT_CHECK_FAILED, EXIT_OK, EXIT_RUN_FAILURES, ConfigError, InputError, UsageError
    from ..files import write_atomic
    from ..gate import parse_gate_config, run_gate, write_step_summary
    from ..report import load_report, render_junit
    from ..sample import parse_doc_list
    from .options import configured
    from .run import configured_path

    if (limit is not None or docs is not None or overrides) and not run_first:
        raise UsageError("--limit, --docs and --set apply to the run: add --run.")
    config = load_config()
    try:
        check_config(config)
        found: list[str] = []
    except ConfigError as exc:
        found = exc.problems  # listed with the names the report lacks, below, so all come at once
    if run_first:
        if found:
            raise ConfigError.of(found)  # nothing is run on a broken configuration
        config = configured(overrides)
        settings = parse_gate_config(config)
    gold_path = gold or configured_path(config, "gold", "gold")
    run_failed, in_memory = False, None
    if run_first:
        from .run import perform_run, print_errors

        out = str(Path(report_path).parent) if report_path else None
        report, files, run = perform_run(config, gold=gold, out=out, extra_adapters=settings.adapters,
                                         limit=limit, docs=parse_doc_list(docs))
        print_errors(report)
        path, run_failed = files.json, not run.ok
        from ..report import run_in_memory

        in_memory = run_in_memory(run, report)  # its gold and predictions, not read back from disk
    elif report_path is None:
        path = Path(configured_path(config, "reports", "reports")) / "latest" / "report.json"
        if not path.exists():
            if found:
                raise ConfigError.of(found)  # the configuration first: it may be why the report is missing
            raise InputError(f"{path}: no report to check. Run `harness run` first, or `harness gate --run`.")
    else:
        from ..history import resolve_report

        try:  # a report file, a run folder, a run id from `harness runs`, or latest
            path = resolve_report(report_path, configured_path(config, "reports", "reports"))
        except (InputError, UsageError):
            if found:
                raise ConfigError.of(found) from None  # the configuration first, as above
            raise
    report = load_report(path)
    # a fresh run is made from the gold it was given; a saved report must show it was
    try:
        result = run_gate(config, report, path, gold_path=gold_path, allow_other_gold=allow_other_gold or run_first,
                          run=in_memory)
    except ConfigError as exc:
        raise ConfigError.of(found + [problem for problem in exc.problems if problem not in found]) from None
    if found:
        raise ConfigError.of(found)
    if as_json:
        import json

        click.echo(json.dumps(gate_document(result, path), indent=2))
    else:
        print_checks(result)
    if junit_path:
        write_atomic(junit_path, render_junit(report, result))
    write_step_summary(result)
    sys.exit(EXIT_CHECK_FAILED if not result.passed else EXIT_RUN_FAILURES if run_failed else EXIT_OK)
