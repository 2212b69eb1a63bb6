"""``harness compare``: two adapters or two reports, per category, with paired significance."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

import click


def _is_report(value: str) -> bool:
    return value.endswith(".json") or Path(value).is_file()


def _from_reports(path_a: str, path_b: str, gold: str | None) -> list[tuple[str, Any, dict, dict]]:
    """(label, corpus, predictions A, predictions B) for every adapter the two reports share."""
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

    shared = []
    for name in report_a["adapters"]:
        if name not in report_b["adapters"]:
            continue
        if predicted(report_a, name) and predicted(report_b, name):
            shared.append(name)
        else:
            click.echo(f"warning: {name} has no predictions in one of the reports (it failed); not compared.", err=True)
    if not shared:
        raise UsageError(f"{path_a} ({', '.join(report_a['adapters'])}) and {path_b} "
                         f"({', '.join(report_b['adapters'])}) share no adapter to compare.")
    return [(name, corpus, report_predictions(report_a, path_a, name), report_predictions(report_b, path_b, name))
            for name in shared]


def _from_adapters(name_a: str, name_b: str, gold: str | None, use_cache: bool) -> list[tuple[str, Any, dict, dict]]:
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
    return [(f"{name_a} vs {name_b}", corpus, runs[0].predictions, runs[1].predictions)]


def _format(value: Any, spec: str = ".3f") -> str:
    return "–" if value is None else format(value, spec)


def _print_method(comparison: Mapping[str, Any]) -> None:
    """How the interval and p-values were computed, and why when they are optimistic."""
    interval = comparison.get("interval") or {}
    if not interval:
        return
    click.echo(f"{interval['confidence']:.0%} interval and p-values: paired {interval['method']}; "
               "p(exact): sign test on the discordant items")
    if interval.get("warning"):
        click.echo(f"warning: {interval['warning']}; p-values are never below p(exact)")


def _print_comparison(label: str, comparison: Mapping[str, Any], names: tuple[str, str], items: int) -> None:
    categories = comparison.get("categories", comparison)
    click.echo(f"== {label}: ΔF1 = {names[1]} − {names[0]} ==")
    _print_method(comparison)
    for category, found in categories.items():
        if not isinstance(found, Mapping):
            continue
        ci = found.get("ci95") or (None, None)
        click.echo(f"{category:<9} F1 {_format(found.get('f1_a'))} → {_format(found.get('f1_b'))}  "
                   f"ΔF1 {_format(found.get('delta_f1'), '+.3f')} [{_format(ci[0], '+.3f')}, {_format(ci[1], '+.3f')}]  "
                   f"p(bootstrap) {_format(found.get('p_value_bootstrap'))}  "
                   f"p(randomization) {_format(found.get('p_value_randomization'))}  "
                   f"p(exact) {_format(found.get('p_value_exact'))}")
        for key, who in (("right_in_a_only", names[0]), ("right_in_b_only", names[1])):
            right = found.get(key) or []
            if right and items > 0:
                click.echo(f"  right in {who} only ({len(right)}):")
                for item in right[:items]:
                    click.echo(f"    - {_describe(item)}")
                if len(right) > items:
                    click.echo(f"    … and {len(right) - items} more (--items to see more)")


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
              help="Items to list per category that one side gets right and the other misses.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@click.option("--no-cache", is_flag=True, help="Extract again instead of reading .harness-cache/.")
def compare(a: str, b: str, gold: str | None, resamples: int | None, seed: int | None, items: int, as_json: bool,
            no_cache: bool) -> None:
    """Compare two adapters or two report.json files, with paired significance.

    A and B are adapter names (both are run, from cache where possible) or
    two report.json files (their predictions are re-scored on the same gold,
    adapter by adapter). For each category prints ΔF1 (B − A) with its
    paired-bootstrap 95% confidence interval and p-values (over documents,
    or over items within too few documents, as the output says), and the
    items one gets right and the other misses. Scoring options come from
    [tool.harness.scoring].
    """
    from ..config import load_config
    from ..errors import UsageError
    from ..scoring import ScoringOptions, compare_predictions

    if _is_report(a) != _is_report(b):
        raise UsageError(f"give two adapters or two report files, not one of each ({a!r}, {b!r}).")
    options = ScoringOptions.from_config(load_config(), resamples=resamples, seed=seed)
    pairs = _from_reports(a, b, gold) if _is_report(a) else _from_adapters(a, b, gold, not no_cache)
    output = {}
    for label, corpus, preds_a, preds_b in pairs:
        comparison = compare_predictions(corpus, preds_a, preds_b, options).to_dict()
        output[label] = comparison
        if not as_json:
            _print_comparison(label, comparison, (a, b), items)
    if as_json:
        click.echo(json.dumps(output, indent=2, ensure_ascii=False))
