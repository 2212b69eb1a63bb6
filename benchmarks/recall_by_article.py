"""Recall per gold article for the built-in baselines, with the harness's own scorer.

Usage: python benchmarks/recall_by_article.py [GOLD] [--adapters rules,spacy] [--misses CATEGORY]

Prints, for each adapter, one row per gold document and one overall row:
entity, quote, speaker and figure recall, entity, quote, figure and event F1 and the share
of grounded entity predictions that lay in boilerplate (leakage). Speaker
recall is the share of gold quotes whose speaker the adapter found
(the quotes scorer's end-to-end count over the gold quotes). With
``--misses entities`` (or quotes, figures) the gold items each adapter
missed are listed under its table, to read kinds of failure.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from harness import evaluate, get_adapter, load_gold

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("entities", "quotes", "speakers", "figures", "ent F1", "quo F1", "fig F1", "evt F1", "leak")


def _rates(outcomes: list) -> dict[str, float]:
    """The columns for a list of per-document category outcomes (summed counts, one derivation)."""
    def recall(category: str) -> float:
        tp = sum(o[category].headline.tp for o in outcomes if category in o)
        fn = sum(o[category].headline.fn for o in outcomes if category in o)
        return tp / (tp + fn) if tp + fn else float("nan")

    def f1(category: str) -> float:
        tp = sum(o[category].headline.tp for o in outcomes if category in o)
        fp = sum(o[category].headline.fp for o in outcomes if category in o)
        fn = sum(o[category].headline.fn for o in outcomes if category in o)
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")

    gold_quotes = sum(o["quotes"].headline.tp + o["quotes"].headline.fn for o in outcomes if "quotes" in o)
    spoken = sum(o["quotes"].subscores["end_to_end"].tp for o in outcomes if "quotes" in o)
    grounded = sum(o["entities"].leakage.grounded for o in outcomes if "entities" in o)
    leaked = sum(o["entities"].leakage.in_boilerplate for o in outcomes if "entities" in o)
    return {"entities": recall("entities"), "quotes": recall("quotes"),
            "speakers": spoken / gold_quotes if gold_quotes else float("nan"), "figures": recall("figures"),
            "ent F1": f1("entities"), "quo F1": f1("quotes"), "fig F1": f1("figures"), "evt F1": f1("events"),
            "leak": leaked / grounded if grounded else 0.0}


def table(corpus, adapter_name: str, misses: str | None) -> None:
    adapter = get_adapter(adapter_name)
    predictions = {a.document.id: adapter.extract(a.document) for a in corpus}
    result = evaluate(corpus, predictions)
    print(f"\n{adapter_name}")
    print(f"{'document':<60}" + "".join(f"{c:>9}" for c in COLUMNS))
    rows = [(doc_id, [result.documents[doc_id]]) for doc_id in sorted(result.documents)]
    rows.append(("overall", list(result.documents.values())))
    for doc_id, outcomes in rows:
        rates = _rates(outcomes)
        print(f"{doc_id[:59]:<60}" + "".join(f"{rates[c]:>9.2f}" for c in COLUMNS))
    if misses:
        for doc_id in sorted(result.documents):
            missed = [i for i in result.items(doc_id, misses) if i.status == "fn"]
            print(f"  {doc_id}: {len(missed)} missed")
            for item in missed:
                print(f"    {item.label or '':<12} {item.gold.text!r:.100} {item.description[:60]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(ROOT / "gold"))
    parser.add_argument("--adapters", default="rules,spacy")
    parser.add_argument("--misses", choices=("entities", "quotes", "figures"))
    args = parser.parse_args(argv)
    corpus = load_gold(args.gold)
    for name in args.adapters.split(","):
        table(corpus, name.strip(), args.misses)


if __name__ == "__main__":
    main()
