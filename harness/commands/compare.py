"""``harness compare``: two adapters or two reports, per category, with paired significance."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import click


def _report_file(value: str) -> Path | None:
    """The report.json ``value`` names: the file itself, the one inside a run folder, or that of a run id
    from `harness runs`; None for an adapter name."""
    from ..history import is_run_id, resolve_report

    path = Path(value)
    if path.is_dir():
        return path / "report.json" if (path / "report.json").is_file() else None
    if value.endswith(".json") or path.is_file():
        return path
    if is_run_id(value):  # a whole run id, never an adapter's name
        return resolve_report(value)
    return None


@dataclass(frozen=True)
class Pair:
    """Two prediction sets of one adapter (two reports) or of two adapters, on the same gold."""

    adapter: str | None  # the adapter both reports ran; None when two adapters are compared
    corpus: Any
    predictions_a: Mapping[str, Any]
    predictions_b: Mapping[str, Any]


@dataclass(frozen=True)
class ReportPairs:
    """What two reports hold in common, and what is in only one of them."""

    pairs: tuple[Pair, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    not_compared: tuple[str, ...]  # in both, but failed (no predictions) in one


def _from_reports(path_a: Path, path_b: Path, gold: str | None) -> ReportPairs:
    """The adapters the two reports share, each as a ``Pair``, and the adapters in only one of them."""
    from ..errors import UsageError
    from ..gold import load_gold
    from ..report import load_report, report_predictions

    report_a, report_b = load_report(path_a), load_report(path_b)
    fingerprints = {report_a["gold"]["fingerprint"], report_b["gold"]["fingerprint"]}
    if len(fingerprints) != 1:
        raise UsageError(f"{path_a} and {path_b} were scored against different gold "
                         f"({', '.join(sorted(f[:12] for f in fingerprints))}); a paired comparison needs the same "
                         "documents. Re-run both on one gold.")
    corpus = load_gold(gold or report_b["gold"]["path"])
    if corpus.fingerprint not in fingerprints:
        raise UsageError(f"the gold at {gold or report_b['gold']['path']} is not the gold both reports were scored "
                         "against (its fingerprint differs). Pass the right one with --gold.")

    def predicted(report: Mapping[str, Any], name: str) -> bool:
        entry = report["adapters"][name]
        return entry.get("predictions") is not None or bool(entry.get("predictions_file"))

    names_a, names_b = list(report_a["adapters"]), list(report_b["adapters"])
    shared = [name for name in names_a if name in names_b]
    compared = [name for name in shared if predicted(report_a, name) and predicted(report_b, name)]
    result = ReportPairs(
        tuple(Pair(name, corpus, report_predictions(report_a, path_a, name), report_predictions(report_b, path_b, name))
              for name in compared),
        tuple(name for name in names_a if name not in names_b),
        tuple(name for name in names_b if name not in names_a),
        tuple(name for name in shared if name not in compared))
    if not compared:
        raise UsageError(f"{path_a} ({', '.join(names_a) or 'no adapters'}) and {path_b} "
                         f"({', '.join(names_b) or 'no adapters'}) share no adapter with predictions in both"
                         f"{' (' + ', '.join(result.not_compared) + ' failed in one)' if result.not_compared else ''}; "
                         "nothing to compare.")
    return result


def _from_adapters(name_a: str, name_b: str, gold: str | None, use_cache: bool) -> Pair:
    from ..cache import PredictionCache
    from ..config import load_config
    from ..errors import UsageError
    from ..gold import load_gold
    from ..run import build_adapters, extract_corpus
    from .run import configured_path

    if name_a == name_b:
        raise UsageError(f"compare needs two different adapters, got {name_a!r} twice.")
    config = load_config()
    corpus = load_gold(gold or configured_path(config, "gold", "gold"))
    cache = PredictionCache(configured_path(config, "cache", ".harness-cache")) if use_cache else None
    runs = []
    for spec in build_adapters([name_a, name_b], config, corpus, use_cache=use_cache):
        if spec.setup_error is not None:
            raise UsageError(f"adapter {spec.name!r} could not be built: {spec.setup_error.message}")
        runs.append(extract_corpus(spec.extractor, corpus, cache=cache))
    failed = [e for run in runs for e in run.errors]
    for error in failed:
        click.echo(f"warning: {error.adapter} failed on {error.doc_id}: {error.message} (scored as predicting nothing)",
                   err=True)
    return Pair(None, corpus, runs[0].predictions, runs[1].predictions)


def _compared(corpus: Any, comparison: Any) -> dict:
    """``comparison`` as a dict, each category with ``outcome_changed``: the gold items whose outcome moved
    between kinds (wrong type -> wrong span, wrong speaker -> hit) while right in both or wrong in both,
    decided by the outcomes the reports and the viewer show (``harness.report.layers``)."""
    from ..report.layers import corpus_outcome_changes

    found = comparison.to_dict()
    for category, listed in found["categories"].items():
        listed["outcome_changed"] = corpus_outcome_changes(corpus, comparison, category)
    return found


def _format(value: Any, spec: str = ".3f") -> str:
    return "–" if value is None else format(value, spec)


def _print_method(comparison: Mapping[str, Any]) -> None:
    """How the interval and p-values were computed, and why when they are optimistic."""
    interval = comparison.get("interval") or {}
    if not interval:
        return
    from ..terminal import wrapped

    for line in wrapped(f"{interval['confidence']:.0%} interval and p-values: paired {interval['method']}; "
                        "p(exact): sign test on the discordant items"):
        click.echo(line)
    if interval.get("warning"):
        for line in wrapped(f"warning: {interval['warning']}; p-values are never below p(exact)"):
            click.echo(line)


def _print_comparison(title: str, comparison: Mapping[str, Any], names: tuple[str, str], items: int) -> None:
    """One category in two lines (F1 and ΔF1 with its interval; the p-values), then the items that differ."""
    from ..terminal import wrapped

    categories = comparison.get("categories", comparison)
    click.echo(f"== {title}: ΔF1 = {names[1]} − {names[0]} ==")
    _print_method(comparison)
    for category, found in categories.items():
        if not isinstance(found, Mapping):
            continue
        ci = found.get("ci95") or (None, None)
        click.echo(f"{category:<9} F1 {_format(found.get('f1_a'))} → {_format(found.get('f1_b'))}  "
                   f"ΔF1 {_format(found.get('delta_f1'), '+.3f')} [{_format(ci[0], '+.3f')}, {_format(ci[1], '+.3f')}]")
        click.echo(f"{'':<9} p(bootstrap) {_format(found.get('p_value_bootstrap'))}  "
                   f"p(randomization) {_format(found.get('p_value_randomization'))}  "
                   f"p(exact) {_format(found.get('p_value_exact'))}")
        for key, what in (("right_in_a_only", f"right in {names[0]} only"),
                          ("right_in_b_only", f"right in {names[1]} only"),
                          ("false_alarms_in_a_only", f"false alarms of {names[0]} only"),
                          ("false_alarms_in_b_only", f"false alarms of {names[1]} only")):
            listed = found.get(key) or []
            if listed and items > 0:
                click.echo(f"  {what} ({len(listed)}):")
                for item in listed[:items]:
                    lines = wrapped(_describe(item), "      ")  # a long quote continues under itself
                    click.echo("    - " + lines[0][6:])
                    for line in lines[1:]:
                        click.echo(line)
                if len(listed) > items:
                    click.echo(f"    … and {len(listed) - items} more (--items to see more)")
        moved = found.get("outcome_changed") or []
        if moved and items > 0:
            click.echo(f"  moved between kinds of outcome, {names[0]} → {names[1]} ({len(moved)}):")
            for change in moved[:items]:
                lines = wrapped(f"{_describe(change)} in {change['doc_id']}: {change['outcome_a']} → "
                                f"{change['outcome_b']}", "      ")
                click.echo("    - " + lines[0][6:])
                for line in lines[1:]:
                    click.echo(line)
            if len(moved) > items:
                click.echo(f"    … and {len(moved) - items} more (--items to see more)")


def _describe(item: Any) -> str:
    """An item as ``TYPE "text" [start-end]`` (the gold span when it has one)."""
    if not isinstance(item, Mapping):
        return str(item)
    span = item.get("gold") or item.get("predicted") or {}
    where = f" [{span['start']}–{span['end']}]" if span.get("start") is not None else ""
    text = json.dumps(span.get("text", ""), ensure_ascii=False)
    label = f"{item['label']} " if item.get("label") else ""
    return f"{label}{text}{where}"


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--gold", metavar="PATH", help="Gold corpus (default: gold/, or the gold the reports name).")
@click.option("--resamples", type=click.IntRange(min=100), default=None,
              help="Bootstrap and randomization resamples (default: the scoring option resamples, 1000).")
@click.option("--seed", type=int, default=None, help="Random seed of the resampling (default: the scoring option seed, 0).")
@click.option("--items", type=click.IntRange(min=0), default=10, show_default=True,
              help="Items to list per category that one side gets right (or wrong) and the other does not, "
                   "and that moved between kinds of outcome.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as one JSON document (see docs/cli.md).")
@click.option("--no-cache", is_flag=True, help="Extract again instead of reading .harness-cache/.")
def compare(a: str, b: str, gold: str | None, resamples: int | None, seed: int | None, items: int, as_json: bool,
            no_cache: bool) -> None:
    """Compare two adapters, or two reports, with paired significance.

    A and B are adapter names (both are run, from cache where possible) or
    two reports: report.json files or run folders holding one (their saved
    predictions are re-scored on the same gold, adapter by adapter; adapters
    in only one report are named). For each category prints ΔF1 (B − A)
    with its paired-bootstrap 95% confidence interval and p-values (over
    documents, or over items within too few documents, as the output says),
    the items one gets right and the other misses, the false alarms one
    makes and the other does not, and the gold items whose outcome moved
    between kinds (wrong type to wrong span, wrong speaker to hit). Scoring
    options come from [tool.harness.scoring].
    """
    from ..config import load_config
    from ..errors import UsageError
    from ..scoring import ScoringOptions, compare_predictions

    report_a, report_b = _report_file(a), _report_file(b)
    for value, found in ((a, report_a), (b, report_b)):
        if found is None and (Path(value).is_dir() or "/" in value or os.sep in value):
            from ..errors import InputError

            # a path, not an adapter name: say what is missing there rather than "not one of each"
            raise InputError(f"{value}: no report.json there. Give a report.json file or a run folder holding "
                             "one (`harness runs` lists them).")
    if (report_a is None) != (report_b is None):
        raise UsageError(f"give two adapters or two reports (report.json files or run folders), not one of each "
                         f"({a!r}, {b!r}).")
    options = ScoringOptions.from_config(load_config(), resamples=resamples, seed=seed)
    if report_a is None or report_b is None:
        pair = _from_adapters(a, b, gold, not no_cache)
        comparison = _compared(pair.corpus, compare_predictions(pair.corpus, pair.predictions_a, pair.predictions_b,
                                                                options))
        if as_json:
            click.echo(json.dumps({"a": a, "b": b, **comparison}, indent=2, ensure_ascii=False))
        else:
            _print_comparison(f"{a} vs {b}", comparison, (a, b), items)
        return
    found = _from_reports(report_a, report_b, gold)
    compared = {}
    if not as_json:
        for name, side in ((found.only_in_a, str(report_a)), (found.only_in_b, str(report_b))):
            if name:
                click.echo(f"only in {side} (not compared): {', '.join(name)}")
        for name in found.not_compared:
            click.echo(f"warning: {name} has no predictions in one of the reports (it failed); not compared.",
                       err=True)
    for pair in found.pairs:
        comparison = _compared(pair.corpus, compare_predictions(pair.corpus, pair.predictions_a, pair.predictions_b,
                                                                options))
        compared[pair.adapter] = comparison
        if not as_json:
            _print_comparison(f"{pair.adapter}: {a} vs {b}", comparison, (a, b), items)
    if as_json:
        click.echo(json.dumps({"a": str(report_a), "b": str(report_b), "adapters": compared,
                               "only_in_a": list(found.only_in_a), "only_in_b": list(found.only_in_b),
                               "not_compared": list(found.not_compared)}, indent=2, ensure_ascii=False))
