"""``harness score``: score a predictions file against gold and print the result."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("gold", type=click.Path(path_type=str))
@click.argument("predictions", type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@click.option("--mode", "quote_match", type=click.Choice(["overlap", "exact"]), default=None,
              help="Quote matching: token overlap F1 >= --quote-threshold (default) or the exact content span.")
@click.option("--quote-threshold", type=float, default=None, help="Token overlap F1 a quote match needs (default 0.5).")
@click.option("--include-pronouns", is_flag=True, default=None,
              help="Score nominal and pronoun entity mentions too (default: name mentions only).")
@click.option("--resamples", type=int, default=None, help="Bootstrap resamples for the 95% interval (default 1000).")
@click.option("--seed", type=int, default=None, help="Seed of the bootstrap (default 0).")
@click.option("--items", "with_items", is_flag=True, help="With --json: include every item outcome per document.")
@click.option("--per-type", is_flag=True,
              help="Also print P / R / F1 per entity type, quote kind, figure unit and event type.")
def score(gold: str, predictions: str, as_json: bool, quote_match: str | None, quote_threshold: float | None,
          include_pronouns: bool | None, resamples: int | None, seed: int | None, with_items: bool,
          per_type: bool) -> None:
    """Score PREDICTIONS (a JSON or JSONL file, one record per document, or a folder of them)
    against the GOLD folder; settings come from [tool.harness.scoring], flags override them.

    A gold document without a record counts as predicting nothing; a category
    no record predicts is reported as not supported, not as zero. Entity or
    event types the gold never uses, and records for documents it lacks, are
    warned about (and listed under "warnings" with --json). Exits 2 when no
    record is for a gold document (or the arguments are swapped), 3 when a
    document could not be scored (it is scored as predicting nothing).
    """
    from ..config import load_config
    from ..gold import load_gold
    from ..predictions import load_predictions
    from ..scoring import ScoringOptions, evaluate

    from ..prediction_checks import require_a_match, type_warnings, unknown_document_warning

    options = ScoringOptions.from_config(
        load_config(), quote_match=quote_match, quote_threshold=quote_threshold,
        include_pronouns=include_pronouns or None, resamples=resamples, seed=seed)
    _refuse_swapped(gold, predictions)
    corpus = load_gold(gold)
    records = load_predictions(predictions)
    gold_ids = [a.document.id for a in corpus]
    require_a_match(records, gold_ids, predictions)
    result = evaluate(corpus, records, options)
    unknown = unknown_document_warning(records, gold_ids, "predictions", predictions)
    warnings = type_warnings(records, "predictions") + ([unknown] if unknown else [])
    for warning in warnings:
        click.echo(f"warning: {warning.message}", err=True)
    if as_json:
        document = result.to_dict(items=with_items)
        document["warnings"] = [w.to_dict() for w in warnings]
        click.echo(json.dumps(document, indent=2, allow_nan=False))
        _exit_for(result)
        return
    click.echo(f"{len(corpus)} document(s), {len(records)} prediction record(s)")
    # 68 columns: the table fits an 80-column terminal; what leaked or was not grounded goes on a line below
    click.echo(f"{'category':<10} {'P':>6} {'R':>6} {'F1':>6}  {'95% CI of F1':<14} {'tp':>6} {'fp':>6} {'fn':>6}")
    for name, category in result.categories.items():
        low, high = category.ci95
        click.echo(f"{name:<10} {category.precision:>6.3f} {category.recall:>6.3f} {category.f1:>6.3f}  "
                   f"[{low:.3f}, {high:.3f}] {category.tp:>6g} {category.fp:>6g} {category.fn:>6g}")
        click.echo(f"  ungrounded {category.ungrounded}, false alarms in boilerplate "
                   f"{category.leakage.in_boilerplate}")
        for sub, value in category.subscores.items():
            shown = "n/a (no items)" if value.f1 is None else f"{value.f1:.3f}"
            click.echo(f"  {sub:<26} {'rate' if value.kind == 'rate' else 'F1'} {shown}")
    missing = [c for c in ("entities", "quotes", "figures", "events") if c not in result.categories]
    if missing:
        click.echo(f"not supported (no record predicts them): {', '.join(missing)}")
    if per_type:
        from rich.console import Console

        from ..report import print_per_type_tables
        from ..report.figure_units import with_figure_units

        scores = result.to_dict()["categories"]
        shown = with_figure_units({"adapters": {"predictions": {"status": "ok", "scores": scores}}},
                                  {"predictions": result})
        print_per_type_tables(shown, Console(highlight=False))
    for fault in result.faults:
        click.echo(f"could not score {fault.doc_id} ({fault.category}): {fault.message}", err=True)
    from ..terminal import wrapped

    for line in wrapped(result.method):
        click.echo(line)
    _exit_for(result)


def _looks_like_gold(path: Path) -> bool:
    """A gold folder (annotations/ or documents/ inside), or an annotation file (it has text_sha256)."""
    if path.is_dir():
        return (path / "annotations").is_dir() or (path / "documents").is_dir()
    return path.suffix.lower() == ".json" and '"text_sha256"' in _head(path)


def _looks_like_predictions(path: Path) -> bool:
    """A JSON Lines file, or a JSON file of records with a doc_id and no text_sha256 (gold has one)."""
    if not path.is_file():
        return False
    head = _head(path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return True
    return path.suffix.lower() == ".json" and '"doc_id"' in head and '"text_sha256"' not in head


def _head(path: Path, size: int = 65536) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read(size).decode("utf-8", "replace")
    except OSError:
        return ""


def _refuse_swapped(gold: str, predictions: str) -> None:
    """Name arguments given the wrong way round, before the gold loader lists every record as a problem."""
    from ..errors import UsageError

    if not _looks_like_predictions(Path(gold)):
        return
    if _looks_like_gold(Path(predictions)):
        raise UsageError(f"the first argument ({gold}) looks like a predictions file and the second "
                         f"({predictions}) like gold; did you mean `harness score {predictions} {gold}`? "
                         "The gold comes first: harness score GOLD PREDICTIONS.")
    raise UsageError(f"the first argument ({gold}) looks like a predictions file, but it must be the gold: "
                     "harness score GOLD PREDICTIONS, with GOLD a gold folder (default gold/) or annotation file.")


def _exit_for(result) -> None:
    if result.faults:
        import sys

        from ..errors import EXIT_RUN_FAILURES

        sys.exit(EXIT_RUN_FAILURES)
