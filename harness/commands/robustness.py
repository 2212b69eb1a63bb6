"""``harness robustness``: score an adapter clean, as given and on noisy variants; shrink what breaks it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_CHECK_FAILED, EXIT_OK, EXIT_RUN_FAILURES
from .options import complete_adapters, json_option, sample_options, set_option

CATEGORY_HELP = ("F1 clean / as given / mean noisy; mean and worst ΔF1 (noisy − clean); the drop allowed (tolerance); "
                 "variants broken; false alarms in boilerplate (leakage)")


def _fmt(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:+.3f}" if signed else f"{value:.3f}"


def _table(report, console) -> None:
    from rich import box
    from rich.table import Table

    title = (f"{report.adapter} on {report.doc_id}: {len(report.variants)} noisy variant(s), seed {report.seed}"
             + (f", {report.errors} adapter error(s)" if report.errors else ""))
    # two-line headers and one space between columns: ten columns in 75 characters, so 80 columns hold the table
    table = Table(title=title, caption=CATEGORY_HELP, title_justify="left", caption_justify="left",
                  box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 0))
    for column in ("category", "F1\nclean", "F1\ngiven", "F1\nnoisy", "ΔF1\nmean", "ΔF1\nworst",
                   "allowed\ndrop", "broken", "leakage\ngiven", "leakage\nnoisy"):
        table.add_column(column, justify="left" if column == "category" else "right", no_wrap=True)
    for row in report.categories:
        worst = _fmt(row.worst_delta, signed=True)
        if row.broken:
            worst = f"[red]{worst}[/red]"
        table.add_row(
            row.category, _fmt(row.f1_clean), _fmt(row.f1_given), _fmt(row.mean_f1_noisy),
            _fmt(row.mean_delta, signed=True), worst, f"{row.tolerance:.3f}",
            f"{row.broken}/{len(report.variants)}",
            f"{row.leakage_given:.1%} ({row.in_boilerplate_given})",
            f"{row.leakage_noisy:.1%} ({row.in_boilerplate_noisy})",
        )
    console.print(table)
    for label, score in (("clean article", report.clean), ("article as given", report.given)):
        if score.error:
            console.print(f"[red]The adapter failed on the {label}:[/red] {score.error}")


def _minimal(report, console) -> None:
    minimal = report.minimal
    if minimal is None:
        return
    noise = minimal.noise
    what = ", ".join(minimal.broken)
    console.print(f"[bold]Minimal breaking variant[/bold] ({what}): {noise.block_count} block(s), "
                  f"{noise.block_chars} characters of boilerplate"
                  + (f", format noise {', '.join(noise.format.kinds)}" if noise.format and noise.format.kinds else ""))
    for insertion in noise.insertions:
        console.print(f"  at {insertion.point.where} offset {insertion.point.offset} "
                      f"[{insertion.block.kind}]: {insertion.block.text!r}", markup=False, highlight=False)
    for category, change in minimal.delta.items():
        console.print(f"  ΔF1 {category}: {change:+.3f}")
    if minimal.score.error:
        console.print(f"  adapter error: {minimal.score.error}", markup=False)
    if report.fixture is not None:
        # the path is said once, in the command: wrapped by rich it would break mid-name
        console.print("  saved as the fixture named below; rerun it with:", markup=False, highlight=False)
        # echoed whole, not wrapped by rich (even past the terminal's edge): a broken command could not be pasted
        click.echo(f"harness robustness --adapter {report.adapter} --replay {report.fixture}")


@click.command()
@click.option("--adapter", "adapter_name", required=True, shell_complete=complete_adapters,
              help="The adapter to test (see `harness adapters`).")
@click.option("--examples", type=click.IntRange(min=1), default=None,
              help="Noisy variants per document (default: [tool.harness.robustness] examples, else 50).")
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed of the variant search (default 0).")
@click.option("--gold", "gold_path", type=click.Path(path_type=Path), default=None,
              help="Gold folder or annotation file (default: gold/).")
@click.option("--doc", "doc_ids", multiple=True, help="Only this document id (repeatable).")
@click.option("--max-blocks", type=click.IntRange(min=0), default=None, help="Blocks per variant, at most (default 6).")
@click.option("--no-format-noise", is_flag=True, help="Inject blocks only; leave quotes, spaces and line ends alone.")
@click.option("--no-shrink", is_flag=True, help="Do not search for a minimal breaking variant.")
@click.option("--replay", "replay_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Rebuild and rescore a saved minimal variant (a fixture JSON).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where the report and fixtures go (default: reports/robustness/).")
@sample_options
@set_option
@json_option
def robustness(adapter_name: str, examples: int | None, seed: int | None, gold_path: Path | None,
               doc_ids: tuple[str, ...], max_blocks: int | None, no_format_noise: bool, no_shrink: bool,
               replay_path: Path | None, out_dir: Path | None, limit: int | None, docs: str | None,
               overrides: tuple[str, ...], as_json: bool) -> None:
    """Measure how much boilerplate noise hurts an adapter.

    Scores the adapter on each gold article clean (body and headings only),
    as given, and on N noisy variants (promos, link lists, cookie banners,
    comment widgets ... injected, plus format noise). Prints per category the
    F1 of each, the mean and worst ΔF1 and the leakage rate. When a variant's
    drop exceeds the tolerance in [tool.harness.robustness.tolerance],
    Hypothesis shrinks it to a minimal breaking variant, saved as a fixture
    that --replay rebuilds. Exits 1 when any variant breaks a tolerance, 3
    when none does but the adapter failed on some variant, 0 otherwise.
    --limit N (a stable sample) or --docs ID,... test part of the gold;
    --set ADAPTER.KEY=VALUE overrides an adapter setting; --json prints one
    JSON document on stdout (docs/cli.md).
    """
    import dataclasses

    from rich.console import Console

    from ..config import load_config
    from ..errors import UsageError, did_you_mean
    from ..files import write_json_atomic
    from ..gold import load_gold
    from ..report.summary import sample_line
    from ..robustness import ArticleScorer, load_fixture, replay, run_document, settings_of
    from .options import print_json

    config = load_config()
    if overrides:
        from ..adapters.registry import config_with_overrides
        from ..adapters.settings import parse_adapter_overrides

        config = config_with_overrides(config, parse_adapter_overrides(overrides))
    settings = settings_of(config)
    changes = {key: value for key, value in (("examples", examples), ("seed", seed), ("max_blocks", max_blocks))
               if value is not None}
    if no_format_noise:
        changes["format_noise"] = False
    settings = dataclasses.replace(settings, **changes)
    paths = config.section("paths")
    gold = load_gold(gold_path or config.root / paths.get("gold", "gold"))
    out = out_dir or config.root / paths.get("reports", "reports") / "robustness"
    import os

    # piped without COLUMNS: 132 columns, so tables stay whole in logs; else the terminal's (or COLUMNS)
    # width; with --json, stdout holds the JSON alone
    console = Console(highlight=False, width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 132,
                      stderr=as_json)
    scorer = ArticleScorer(adapter_name, config)

    if replay_path is not None:
        fixture = load_fixture(replay_path)
        if fixture.adapter != adapter_name:
            console.print(f"Note: the fixture was saved for adapter {fixture.adapter!r}; replaying with {adapter_name!r}.")
        replayed = replay(fixture, gold, scorer, settings.tolerances)
        console.print(f"Replayed {replay_path}: {fixture.noise.block_count} block(s) in {fixture.doc_id}.")
        for category, change in replayed.result.delta.items():
            clean_f1 = replayed.clean.categories[category].f1
            console.print(f"  {category}: F1 clean {clean_f1:.3f}, noisy {clean_f1 + change:.3f}, ΔF1 {change:+.3f} "
                          f"(tolerance {settings.tolerances.of(adapter_name, category):.3f})")
        if replayed.result.score.error:
            console.print(f"  adapter error: {replayed.result.score.error}", markup=False)
        verdict = "still breaks: " + ", ".join(replayed.result.broken) if replayed.result.broken else "passes now"
        console.print(f"The variant {verdict}.")
        code = EXIT_CHECK_FAILED if replayed.result.broken else EXIT_OK
        if as_json:
            print_json({"replay": str(replay_path), "adapter": adapter_name, "doc_id": fixture.doc_id,
                        "delta": dict(replayed.result.delta), "broken": list(replayed.result.broken),
                        "error": replayed.result.score.error, "exit_code": code})
        sys.exit(code)

    from ..sample import choose, parse_doc_list

    missing = sorted(set(doc_ids) - set(gold.doc_ids))
    if missing:
        raise UsageError(f"--doc {missing[0]!r} is not in the gold.{did_you_mean(missing[0], gold.doc_ids)} "
                         f"Documents: {', '.join(gold.doc_ids)}.")
    named = parse_doc_list(docs)
    if doc_ids:
        named = tuple(dict.fromkeys((*doc_ids, *(named or ()))))
    sample = choose(gold.doc_ids, limit=limit, docs=named)
    documents = [a for a in gold if sample is None or a.document.id in sample.documents]

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    reports = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        for annotations in documents:
            task = progress.add_task(f"{adapter_name} · {annotations.document.id}", total=settings.examples)
            reports.append(run_document(scorer, annotations, settings, out=out, shrink=not no_shrink,
                                        progress=lambda n, task=task: progress.advance(task, n)))
    if not as_json:
        for report in reports:
            _table(report, console)
            _minimal(report, console)
    path = out / f"robustness-{adapter_name}.json"
    written = {
        "adapter": adapter_name,
        "settings": {"examples": settings.examples, "seed": settings.seed, "max_blocks": settings.max_blocks,
                     "format_noise": settings.format_noise},
        "sample": None if sample is None else sample.to_dict(),
        "documents": [report.to_dict() for report in reports],
    }
    write_json_atomic(path, written)
    if sample is not None:
        console.print(f"Tested a {sample_line(written)}.", markup=False, highlight=False)
    console.print(f"Report written to {path}", markup=False, highlight=False)
    broken = sum(report.broken for report in reports)
    failed = sum(report.errors for report in reports)
    code = EXIT_CHECK_FAILED if broken else EXIT_RUN_FAILURES if failed else EXIT_OK
    if as_json:
        print_json({"report": str(path), "adapter": adapter_name, "exit_code": code, "broken": broken,
                    "failed": failed, "sample": written["sample"],
                    "documents": [{key: entry[key] for key in ("doc_id", "examples", "broken", "errors", "categories")}
                                  | {"fixture": (entry["minimal"] or {}).get("fixture")}
                                  for entry in written["documents"]]})
    sys.exit(code)
