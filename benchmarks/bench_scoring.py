"""Benchmark of entity scoring against nervaluate: the public ``evaluate()``, the matching core, and growth.

Run: ``python benchmarks/bench_scoring.py`` (``--documents N`` for a smaller corpus, ``--repeat R``).

1. Public path. A seeded synthetic corpus (5,000 documents, 40 mention
   slots each: exact, shifted, wrong-type, missed and spurious predictions)
   is built as the harness's own model (``Annotations`` and ``Predictions``,
   what ``load_gold`` and ``load_predictions`` return). Timed on our side:
   ``evaluate()`` and its aggregates (``result.categories``, confidence
   interval included), so our conversion of the model into arrays is
   counted. Timed on nervaluate's side: converting the same model objects to
   its dict format, then ``Evaluator(...).evaluate()``. Both sides run
   ``--repeat`` times, alternating, with every import done before the first
   timing; the medians are compared. The overall counts of the four SemEval
   schemes must be identical. Prints ``evaluate: harness X s, nervaluate
   Y s, ratio Y/X = R`` and fails when R is below the target (10).
2. Core. The same corpus as plain ``(start, end, type)`` tuples:
   ``score_mentions`` per document against nervaluate on the same tuples,
   measured the same way (printed, not checked).
3. Growth. ``evaluate()`` and its aggregates on five documents of n mentions
   each, n = 500 ... 32,000 (x4 each step), and the item outcomes of one of
   them (``result.items``: the exact scorer), once with many names and once
   with every mention sharing one name. Prints the times and the growth
   factor per 4x mentions; n log n grows by about 4.5 per step, n^2 by 16.
   Fails when the time from the smallest to the largest size grows more
   than 3 times faster than n log n.

Every gold mention sits in its own ten-character slot with at most one
prediction, so nervaluate's answer does not depend on the order of the
mentions and the two tools can be compared exactly.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time

TYPES = ("PER", "ORG", "LOC", "DATE")
NAMES = ("Smith", "Jones", "Acme", "Paris", "Kyiv", "Oslo", "Biden", "Apple", "Reuters", "Nairobi")
TARGET_RATIO = 10.0
GROWTH_LIMIT = 3.0  # times the n log n growth from the smallest to the largest document


def synthetic_document(rng: random.Random, mentions: int, shared_name: bool = False):
    """(text, gold mentions, predicted mentions) with one mention slot of ten characters per mention."""
    pieces, gold, predicted = [], [], []
    for slot in range(mentions):
        word = "Smith" if shared_name else rng.choice(NAMES)[:rng.randint(2, 7)]
        start, end = slot * 10 + 2, slot * 10 + 2 + len(word)
        pieces.append(f"  {word}".ljust(10))
        label = rng.choice(TYPES)
        roll = rng.random()
        if roll < 0.10:  # spurious: nothing in the gold here
            predicted.append((start, end, rng.choice(TYPES)))
            continue
        gold.append((start, end, label))
        if roll < 0.55:
            predicted.append((start, end, label))
        elif roll < 0.70:
            predicted.append((start + rng.choice((-1, 1)), end + rng.choice((0, 1)), label))
        elif roll < 0.80:
            predicted.append((start, end, rng.choice([t for t in TYPES if t != label])))
        # else: missed
    rng.shuffle(predicted)
    return "".join(pieces), gold, predicted


def as_model(doc_id: str, text: str, gold, predicted):
    """The harness's model of one synthetic document: one entity per gold mention."""
    from harness.model import Annotations, Document, Entity, Mention, Region
    from harness.predictions import PredictedEntity, Predictions

    document = Document(doc_id, text, regions=(Region(0, len(text), "body"),))
    entities = tuple(Entity(f"E{i}", label, text[s:e], (Mention(s, e, text[s:e]),))
                     for i, (s, e, label) in enumerate(gold))
    record = Predictions(doc_id, entities=tuple(PredictedEntity(text[s:e], label, s, e) for s, e, label in predicted))
    return Annotations(document, entities), record


def harness_evaluate(corpus, records):
    """Our public path: ``evaluate()`` and the aggregates; the SemEval counts it reports."""
    from harness.scoring import evaluate

    entities = evaluate(corpus, records).categories["entities"]
    names = ("correct", "incorrect", "partial", "missed", "spurious")
    return {scheme: tuple(entities.tallies[f"semeval:{scheme}"][n] for n in names)
            for scheme in ("strict", "exact", "partial", "type")}


def nervaluate_from_model(corpus, records):
    """nervaluate's path from the same model objects: conversion to its dicts, then its evaluation."""
    true = [[{"label": e.type, "start": m.start, "end": m.end - 1} for e in a.entities for m in e.mentions]
            for a in corpus]
    pred = [[{"label": p.type, "start": p.start, "end": p.end - 1} for p in records[a.document.id].entities]
            for a in corpus]
    return _nervaluate(true, pred)


def _nervaluate(true, pred):
    from nervaluate import Evaluator

    results = Evaluator(true, pred, tags=list(TYPES), loader="dict").evaluate()["overall"]
    names = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}
    return {ours: (r.correct, r.incorrect, r.partial, r.missed, r.spurious)
            for ours, r in ((o, results[n]) for o, n in names.items())}


def harness_core(documents):
    from harness.scoring.semeval import SemEvalCounts, score_mentions

    totals = {}
    for _, gold, predicted in documents:
        for scheme, counts in score_mentions(gold, predicted).items():
            totals[scheme] = totals.get(scheme, SemEvalCounts()) + counts
    return {scheme: counts.as_tuple() for scheme, counts in totals.items()}


def nervaluate_core(documents):
    as_dicts = lambda mentions: [{"label": t, "start": s, "end": e - 1} for s, e, t in mentions]
    return _nervaluate([as_dicts(g) for _, g, _ in documents], [as_dicts(p) for _, _, p in documents])


def side_by_side(label: str, ours, theirs, repeat: int) -> float:
    """Median seconds of both sides over ``repeat`` alternating runs; their answers must be equal."""
    our_times, their_times = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        our_counts = ours()
        our_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        their_counts = theirs()
        their_times.append(time.perf_counter() - started)
        if our_counts != their_counts:
            sys.exit(f"{label}: counts differ: harness {our_counts}, nervaluate {their_counts}")
    mine, other = statistics.median(our_times), statistics.median(their_times)
    ratio = other / mine
    print(f"{label}: harness {mine:.3f} s, nervaluate {other:.3f} s, ratio Y/X = {ratio:.1f} "
          f"(medians of {repeat}; harness {_list(our_times)}, nervaluate {_list(their_times)})")
    return ratio


def _list(times) -> str:
    return "/".join(f"{t:.2f}" for t in times)


def growth(seed: int, largest: int, shared_name: bool, repeat: int) -> bool:
    """Time ``evaluate()`` on five documents of 500 ... ``largest`` mentions each, and the item outcomes of
    one of them (the exact scorer); True when both grow like n log n."""
    from harness.scoring import evaluate

    rng = random.Random(seed)
    label = "one shared name" if shared_name else "many names"
    seconds: dict[str, dict[int, float]] = {"evaluate": {}, "items": {}}
    n = 500
    while n <= largest:
        pairs = [as_model(f"big{i}", *synthetic_document(rng, n, shared_name)) for i in range(5)]
        corpus, records = [a for a, _ in pairs], {r.doc_id: r for _, r in pairs}
        aggregate, items = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            result = evaluate(corpus, records)
            result.categories
            aggregate.append(time.perf_counter() - started)
            started = time.perf_counter()
            result.items("big0", "entities")
            items.append(time.perf_counter() - started)
        seconds["evaluate"][n], seconds["items"][n] = statistics.median(aggregate), statistics.median(items)
        steps = "".join(f", {what} {seconds[what][n]:.4f} s" + (f" (x{seconds[what][n] / seconds[what][n // 4]:.1f})"
                                                                if n // 4 in seconds[what] else "")
                        for what in ("evaluate", "items"))
        print(f"growth ({label}): {n:>6} mentions per document{steps}")
        n *= 4
    fine = True
    for what, times in seconds.items():
        small, large = min(times), max(times)
        expected = (large * math.log(large)) / (small * math.log(small))
        observed = times[large] / times[small]
        print(f"growth ({label}), {what}: {small} -> {large} mentions: x{observed:.1f}; "
              f"n log n predicts x{expected:.1f}, n^2 x{(large / small) ** 2:.0f}")
        fine &= observed <= GROWTH_LIMIT * expected
    return fine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--mentions", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side (alternating); medians compared")
    parser.add_argument("--largest", type=int, default=32_000, help="largest document of the growth runs")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    # every import before the first timing, on both sides
    import nervaluate  # noqa: F401
    import numpy  # noqa: F401
    import scipy.optimize  # noqa: F401

    import harness.scoring.batch  # noqa: F401
    import harness.scoring.entities  # noqa: F401
    import harness.scoring.statistics  # noqa: F401

    rng = random.Random(args.seed)
    documents = [synthetic_document(rng, args.mentions) for _ in range(args.documents)]
    corpus, records = [], {}
    for index, (text, gold, predicted) in enumerate(documents):
        annotations, record = as_model(f"doc{index:06d}", text, gold, predicted)
        corpus.append(annotations)
        records[record.doc_id] = record

    ratio = side_by_side("evaluate", lambda: harness_evaluate(corpus, records),
                         lambda: nervaluate_from_model(corpus, records), args.repeat)
    side_by_side("core (score_mentions)", lambda: harness_core(documents), lambda: nervaluate_core(documents),
                 args.repeat)
    slow = [shared for shared in (False, True) if not growth(args.seed, args.largest, shared, args.repeat)]
    if slow:
        sys.exit("evaluate grows faster than n log n in mentions per document"
                 + (" when every mention shares one name" if slow == [True] else ""))
    if ratio < TARGET_RATIO:
        sys.exit(f"ratio {ratio:.1f} is below the target {TARGET_RATIO:.0f}")


if __name__ == "__main__":
    main()
