"""``harness run``: every ready adapter on the gold corpus, scored, tabled and reported."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import EXIT_OK, EXIT_RUN_FAILURES
from .options import complete_adapters, json_option, sample_options, set_option

DEFAULT_OUT = "reports/latest"


def configured_path(config: Any, key: str, default: str) -> str:
    """A folder from ``[tool.harness.paths]`` (relative to the project folder), else ``default``."""
    from ..errors import ConfigError

    value = config.section("paths").get(key)
    if value is None:
        return default
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{config.where('paths')}: {key} = {value!r} must be a folder path.")
    path = Path(value)
    return str(path if path.is_absolute() else Path(config.root) / path)


def parse_adapter_list(value: str | None) -> list[str] | None:
    """``a,b,c`` as a list of names; None when not given."""
    from ..errors import UsageError

    if value is None:
        return None
    names = [part.strip() for part in value.split(",") if part.strip()]
    if not names:
        raise UsageError(f"--adapters {value!r} names no adapter. Give names separated by commas, e.g. rules,spacy.")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise UsageError(f"--adapters names {', '.join(duplicates)} twice. Give each adapter once.")
    return names


def scoring_options_of(config: Any) -> Any:
    """The scoring options set in ``[tool.harness.scoring]`` (None: the scorer's defaults)."""
    from .. import scoring

    reader = getattr(scoring, "scoring_options_from_config", None) or getattr(
        getattr(scoring, "ScoringOptions", None), "from_config", None)
    return reader(config) if reader is not None else None


def perform_run(config: Any, *, adapters: list[str] | None = None, gold: str | None = None,
                out: str | None = None, jobs: int | str = "auto", executor: str = "auto", use_cache: bool = True,
                extra_adapters: tuple[str, ...] = (), quiet: bool = False, ceiling: str | None = None,
                slice_by: tuple[str, ...] | None = None, limit: int | None = None,
                docs: tuple[str, ...] | None = None, retry: dict[str, frozenset[str]] | None = None):
    """Run, score and write the reports; returns ``(report, files, run)``.

    ``limit`` (a stable sample of that many documents) or ``docs`` (named
    documents) run part of the gold; the report records the sample. Written
    to the default folder, the reports also go into the run history
    (reports/runs/<id>/, see ``harness.history``); ``files.run_folder``
    names that copy.

    ``ceiling`` is a second annotation of the gold, scored beside the
    adapters as ``human-ceiling`` (the annotators' agreement).

    ``extra_adapters`` are added to the default set (the gate adds the
    adapters its checks name); they are ignored when ``adapters`` is given.
    ``slice_by`` (default: ``[tool.harness] slice_by``) names the slice fields.
    ``retry`` (``--retry-errors``) maps adapters to the documents that failed
    last time: those are asked again, past any cache the adapter keeps itself.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..cache import PredictionCache
    from ..gold import load_gold
    from ..report import html_documents_of, write_reports
    from ..report.settled import settle as settle_for_reports
    from ..run import RunOptions, build_adapters, default_adapter_names, run_evaluation

    from ..config import keep_runs_of
    from ..sample import choose, restrict

    gold_path = gold or configured_path(config, "gold", "gold")
    reports_dir = Path(configured_path(config, "reports", "reports"))
    default_out = reports_dir / "latest"
    out_dir = out or str(default_out)
    keep = keep_runs_of(config)
    # the history follows the default folder only: an --out elsewhere is a one-off
    with_history = keep > 0 and Path(out_dir).resolve() == default_out.resolve()
    corpus = load_gold(gold_path)
    sample = choose(corpus.doc_ids, limit=limit, docs=docs)
    corpus = restrict(corpus, sample)
    slice_fields = run_slice_fields(config, corpus, slice_by)
    if adapters is None:
        names = default_adapter_names(config)
        names += [name for name in extra_adapters if name not in names]
        if not quiet:
            print_skipped(config, names)
    else:
        names = adapters
    specs = build_adapters(names, config, corpus, use_cache=use_cache)
    if retry:
        from ..retry import asking_again

        specs = asking_again(specs, retry)
    options = RunOptions(tuple(names), jobs, executor, use_cache, gold_path, slice_fields, sample)
    cache = PredictionCache(configured_path(config, "cache", ".harness-cache")) if use_cache else None
    scoring_options = scoring_options_of(config)

    err = Console(stderr=True, quiet=quiet)
    progress = Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[note]}"), TimeElapsedColumn(), console=err, transient=False)
    tasks: dict[str, Any] = {}
    failures: dict[str, int] = {}

    def on_start(name: str, total: int) -> None:
        tasks[name] = progress.add_task(name, total=total, note="")

    def on_document(outcome) -> None:
        if outcome.error is not None:
            failures[outcome.adapter] = failures.get(outcome.adapter, 0) + 1
        note = f"{failures[outcome.adapter]} failed" if outcome.adapter in failures else ""
        progress.update(tasks[outcome.adapter], advance=1, note=note)

    # each adapter keeps only what its reports read once it is scored (harness.report.settled)
    settle = functools.partial(settle_for_reports, corpus=corpus, slice_by=slice_fields,
                               shown=html_documents_of(config))
    try:
        with progress:
            run = run_evaluation(corpus, specs, options=options, cache=cache, scoring_options=scoring_options,
                                 on_start=on_start, on_document=on_document, settle=settle)
    finally:
        if executor == "ray":
            from ..distributed import shutdown

            shutdown()
    if ceiling is not None:
        import dataclasses

        from ..agreement.ceiling import ceiling_adapter

        human = ceiling_adapter(corpus, load_gold(ceiling), scoring_options)
        run = dataclasses.replace(run, adapters=run.adapters + (human,))
    if with_history:
        from ..history import write_run

        report, files = write_run(run, reports_dir, out_dir, keep=keep, config=config,
                                  scoring_options=scoring_options)
    else:
        report, files = write_reports(run, out_dir, config=config, scoring_options=scoring_options)
        if keep == 0 and Path(out_dir).resolve() == default_out.resolve():
            from ..history import prune_runs

            prune_runs(reports_dir, 0)  # keep_runs = 0 keeps no history: not even the runs kept before
    return report, files, run


def run_slice_fields(config: Any, corpus: Any, slice_by: tuple[str, ...] | None) -> tuple[str, ...]:
    """The slice fields of a run: those asked for (else configured), checked against the gold,
    plus those the gate's keys name, so a sliced gate key can be checked on the run's report."""
    from ..errors import ConfigError
    from ..gate import parse_gate_config
    from ..slices import available_fields, check_fields, configured_fields

    where = "--slice-by" if slice_by is not None else f"{config.path or 'pyproject.toml'}: [tool.harness] slice_by"
    fields = slice_by if slice_by is not None else configured_fields(config)
    check_fields(fields, corpus, where)
    try:
        wanted = parse_gate_config(config).slice_fields
    except ConfigError:
        wanted = ()  # the gate reports its own mistakes; the run goes on without its slices
    valid = available_fields(corpus)
    return (*fields, *(f for f in wanted if f in valid and f not in fields))


def print_skipped(config: Any, names: list[str]) -> None:
    """Say which adapters a default run leaves out and why, so none disappears without a word."""
    from ..run import skipped_adapters

    for info in skipped_adapters(config, names):
        fix = f" Install: {info.install_hint}" if info.install_hint else ""
        click.echo(f"not run: {info.name} ({info.status}: {info.detail}){fix}", err=True)


def print_errors(report: Any, console: Any = None) -> None:
    """Every error of the run as a compact table (adapter, document, stage, kind, message), if any."""
    from rich.console import Console

    from ..report.table import error_table

    errors = report.get("errors") or []
    if errors:
        (console or Console(stderr=True, highlight=False)).print(error_table(errors))


class JobsType(click.ParamType):
    """``--jobs``: a whole number of at least 1, or ``auto``."""

    name = "N|auto"

    def convert(self, value: Any, param: Any, ctx: Any) -> int | str:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        text = str(value).strip().lower()
        if text == "auto":
            return "auto"
        if text.isdigit() and int(text) >= 1:
            return int(text)
        self.fail(f"{value!r} is neither a number of workers (1 or more) nor auto. "
                  "Give e.g. --jobs 4, or --jobs auto.", param, ctx)


def run_summary(report: Any, files: Any, exit_code: int) -> dict:
    """The ``harness run --json`` document: where the report is, the headline scores, the errors."""
    scores = {name: {"status": entry.get("status"),
                     "categories": {category: {key: score.get(key) for key in ("precision", "recall", "f1", "ci95")}
                                    for category, score in (entry.get("scores") or {}).items()}}
              for name, entry in report["adapters"].items()}
    errors = [{key: error.get(key) for key in ("adapter", "doc_id", "stage", "kind", "message")}
              for error in report.get("errors") or []]
    run_folder = getattr(files, "run_folder", None)
    return {"report": str(files.json), "run": None if run_folder is None else run_folder.name,
            "run_folder": None if run_folder is None else str(run_folder), "status": report.get("status"),
            "exit_code": exit_code, "documents": len(report["gold"]["documents"]), "sample": report.get("sample"),
            "scores": scores, "errors": errors, "warnings": list(report.get("warnings") or [])}


@click.command()
@click.option("--adapters", "adapter_list", metavar="A,B,...", shell_complete=complete_adapters,
              help="Adapters to run (default: every ready adapter except oracle).")
@click.option("--gold", "gold", metavar="PATH", help="Gold corpus (default: gold/).")
@click.option("--out", "out", metavar="DIR", help=f"Folder for the reports (default: {DEFAULT_OUT}/).")
@click.option("--jobs", type=JobsType(), default="auto", show_default=True,
              help="Workers extracting and scoring documents in parallel: a number, or auto (one process "
                   "per core for enough documents, threads for adapters that wait on a service or program; "
                   "a handful of documents runs serially).")
@click.option("--executor", type=click.Choice(["auto", "thread", "process", "ray"]), default="auto",
              show_default=True,
              help="Run parallel documents in threads, in separate processes, or as Ray tasks (a local Ray, "
                   "or the cluster of --ray-address; needs the [distributed] extra); auto: threads for "
                   "I/O-bound adapters, processes for the others.")
@click.option("--ray-address", metavar="ADDRESS", help="With --executor ray: join this Ray cluster "
              "(e.g. ray://head:10001) instead of starting a local Ray.")
@click.option("--no-cache", is_flag=True, help="Extract everything again; do not read or write .harness-cache/.")
@click.option("--retry-errors", is_flag=True, help="Extract again only the documents that failed in the previous "
              "report in --out (past any cache); the others come from the cache.")
@click.option("--ceiling", metavar="GOLD_B", help="A second annotation of the gold: its agreement is shown beside "
              "the adapters as human-ceiling.")
@click.option("--slice-by", "slice_by", metavar="FIELD", multiple=True,
              help="Also score per value of FIELD: a metadata field (domain, publisher_style, ...) or "
                   "boilerplate_share or length. Repeat or separate by commas (default: [tool.harness] slice_by).")
@click.option("--per-slice", is_flag=True, help="Also print a score table per slice field.")
@click.option("--per-type", is_flag=True,
              help="Also print P / R / F1 per entity type, quote kind, figure unit and event type.")
@sample_options
@set_option
@json_option
def run(adapter_list: str | None, gold: str | None, out: str | None, jobs: int | str, executor: str,
        ray_address: str | None, no_cache: bool, retry_errors: bool, ceiling: str | None,
        slice_by: tuple[str, ...], per_slice: bool, per_type: bool, limit: int | None, docs: str | None,
        overrides: tuple[str, ...], as_json: bool) -> None:
    """Run adapters on the gold corpus, score them and write the reports.

    Prints one table (rows: categories and key sub-scores; columns: adapters;
    P / R / F1 with the 95% confidence interval, best of each row marked) and
    writes report.json, report.md, report.html, junit.xml and
    predictions/<adapter>.jsonl. Predictions are cached by what determines
    them (the adapter's code, libraries, model and settings, and the
    document), so an unchanged second run extracts nothing. A document or
    adapter that fails is recorded, listed in an error table and the run
    goes on. With --slice-by every score is also reported per slice
    (report.json, report.md, report.html; the terminal with --per-slice).
    --limit N or --docs ID,... run part of the gold (the reports say so);
    --set ADAPTER.KEY=VALUE overrides a setting for this run. Into the
    default folder, each run is also kept under reports/runs/<id>/
    (`harness runs` lists them; [tool.harness] keep_runs, default 20).
    With --json, stdout is one JSON document (docs/cli.md).
    An interrupted run resumes where it stopped: every finished document is
    in the cache, and the terminal says how many were taken from it.
    Exit codes: 0 every adapter ran cleanly, 2 a usage or configuration
    error, 3 the run finished but an adapter or a document failed (the
    reports are still written).
    """
    from rich.console import Console

    from ..errors import UsageError
    from ..report import print_slice_tables, print_table
    from ..report.summary import sample_line
    from ..sample import parse_doc_list
    from ..slices import configured_fields, parse_fields
    from .options import configured, print_json

    config = configured(overrides)
    fields = parse_fields(slice_by, "--slice-by") if slice_by else None
    if per_slice and not (fields or configured_fields(config)):
        raise UsageError("--per-slice needs slice fields: give --slice-by FIELD (e.g. --slice-by domain) "
                         "or set slice_by under [tool.harness].")
    if ray_address is not None and executor != "ray":
        raise UsageError(f"--ray-address {ray_address!r} is for --executor ray; add --executor ray, "
                         "or leave out --ray-address.")
    if executor == "ray":
        from ..distributed import require_ray, use_address

        require_ray()
        use_address(ray_address)
    adapters = parse_adapter_list(adapter_list)
    retry = None
    if retry_errors:
        from ..retry import previous_failures

        if no_cache:
            raise UsageError("--retry-errors takes the documents that did not fail from the cache; "
                             "it cannot be used with --no-cache.")
        out_dir = out or str(Path(configured_path(config, "reports", "reports")) / "latest")
        retry, previous_adapters = previous_failures(Path(out_dir) / "report.json")
        adapters = adapters or previous_adapters
        total = sum(len(ids) for ids in retry.values())
        click.echo(f"--retry-errors: {total} failed document(s) of the previous run asked again"
                   + (f" ({', '.join(f'{a}: {len(ids)}' for a, ids in retry.items())})" if total else "")
                   + "; the others come from the cache.", err=True)
    report, files, result = perform_run(config, adapters=adapters, gold=gold, out=out,
                                        jobs=jobs, executor=executor, use_cache=not no_cache, ceiling=ceiling,
                                        slice_by=fields, limit=limit, docs=parse_doc_list(docs), retry=retry)
    exit_code = EXIT_OK if result.ok else EXIT_RUN_FAILURES
    if as_json:
        print_errors(report)
        for warning in report.get("warnings") or []:  # stdout holds the JSON alone
            click.echo(f"warning: {warning['adapter']}: {warning['message']}", err=True)
        print_json(run_summary(report, files, exit_code))
        sys.exit(exit_code)
    console = Console(highlight=False)
    print_table(report, console)
    if sample_line(report):
        console.print(f"Scores over a {sample_line(report)}.", markup=False)
    if per_slice:
        print_slice_tables(report, console)
    if per_type:
        from ..report import print_per_type_tables
        from ..report.figure_units import with_figure_units

        print_per_type_tables(with_figure_units(report, {a.name: a.result for a in result.adapters}), console)
    if result.cache is not None:
        stats = result.cache
        console.print(f"cache: {stats.hits} hit(s), {stats.misses} miss(es)"
                      + (f", {stats.discarded} corrupt entr(ies) discarded" if stats.discarded else "")
                      + (f"; {stats.hits} document(s) taken from the cache, not extracted again" if stats.hits else ""))
    from ..retry import reuse_lines

    for line in reuse_lines(report):
        console.print(line, markup=False)
    from ..terminal import shown_path

    # the folder on a line of its own, never broken: a path split at the terminal's edge cannot be copied
    console.print("Reports written (report.json, report.md, report.html, junit.xml, predictions/):", markup=False)
    console.print(f"  {shown_path(files.folder)}/", markup=False, soft_wrap=True)
    if files.run_folder is not None:
        console.print(f"Kept as run {files.run_folder.name} (`harness runs` lists the runs kept).", markup=False)
    sys.exit(exit_code)
