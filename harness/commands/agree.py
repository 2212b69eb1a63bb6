"""``harness agree``: how far two or more annotations of the same documents agree."""

from __future__ import annotations

import json

import click


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _span_text(item: dict) -> str:
    span = item.get("gold") if item["status"] == "fn" else item.get("predicted")
    if span is None:
        return repr(item.get("description") or "")
    return f"[{span['start']}, {span['end']}) {span['text']!r}"


def _lines(report: dict) -> list[str]:
    lines = []
    for pair in report["pairs"]:
        lines.append(f"{pair['b']} against {pair['a']}: {pair['documents']} document(s) compared")
        for layer, scores in pair["layers"].items():
            lines.append(f"  {layer}: F1 {scores['f1']:.3f} (P {scores['precision']:.3f} R {scores['recall']:.3f}; "
                         f"{scores['tp']:g} agreed, {scores['fn']:g} only in A, {scores['fp']:g} only in B)")
            for name, sub in scores["subscores"].items():
                lines.append(f"    {name}: {sub['f1']:.3f}")
        kappa = pair["cohen_kappa"]
        lines.append(f"  Cohen's kappa, entity labels per token: {_number(kappa['entities'])} ({kappa['tokens']} tokens)")
        for key, label in (("only_in_a", pair["a"]), ("only_in_b", pair["b"])):
            if pair[key]:
                lines.append(f"  documents only in {label}: {', '.join(pair[key])}")
        if pair["text_differs"]:
            lines.append(f"  documents whose texts differ (not compared): {', '.join(pair['text_differs'])}")
        for side in pair["one_sided_layers"]:
            lines.append(f"  {side['doc_id']}: {side['layer']} annotated only by {side['annotated_by']}")
        for layer, items in pair["disagreements"].items():
            for item in items:
                label = f"{item['label']} " if item["label"] else ""
                lines.append(f"  disagree: {layer} in {item['doc_id']}: {label}{_span_text(item)} "
                             f"only in {item['only_in']}")
    if "krippendorff_alpha" in report:
        alpha = report["krippendorff_alpha"]
        lines.append(f"Krippendorff's alpha, entity labels per token over all {len(report['annotations'])} "
                     f"annotations: {_number(alpha['entities'])} ({alpha['tokens']} tokens)")
    return lines


@click.command()
@click.argument("golds", metavar="GOLD_A GOLD_B [GOLD_C ...]", nargs=-1, required=True,
                type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the agreement as JSON.")
def agree(golds: tuple[str, ...], as_json: bool) -> None:
    """Inter-annotator agreement between two or more gold annotations of the same documents.

    Each pair is compared by scoring B as predictions against A as gold with
    the scorer's own matching: F1 per layer with every sub-score (entities
    in the four schemes, quote attribution, figure values, event
    arguments), the items they disagree on, and Cohen's kappa on entity
    labels per token. With three or more annotations, Krippendorff's alpha
    too. Documents and layers only one side annotated are listed, not
    compared. Exit 0, or 2 when fewer than two annotations are given.
    """
    from ..agreement import agreement_report
    from ..config import load_config
    from ..errors import UsageError
    from ..gold import load_gold
    from .run import scoring_options_of

    if len(golds) < 2:
        raise UsageError(f"agreement needs two or more annotations; got {len(golds)} ({', '.join(golds)}). "
                         "Pass GOLD_A GOLD_B [GOLD_C ...].")
    if len(set(golds)) != len(golds):
        raise UsageError("the same annotation is given twice; pass each gold folder once.")
    corpora = {path: load_gold(path) for path in golds}
    report, _ = agreement_report(corpora, scoring_options_of(load_config()))
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for line in _lines(report):
        click.echo(line)
