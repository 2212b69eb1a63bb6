"""Property: on inputs where nervaluate's answer is well defined, our SemEval counts and rates equal its own.

nervaluate matches greedily in list order, so its answer can depend on the
order of the mentions (its issue #40). Its answer is well defined when every
prediction overlaps at most one gold mention and every gold mention at most
one prediction: then any order gives the same counts. The generator builds
such documents slot by slot: each slot of ten characters holds at most one
gold and at most one predicted mention (exact, shifted, wrong type,
missed or spurious).
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.scoring import score_mentions
from harness.scoring.semeval import SemEvalCounts
from harness.scoring.score import rates

TYPES = ("PER", "ORG", "LOC")
SCHEMES = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}

slot = st.tuples(
    st.sampled_from(["exact", "shifted", "wrong_type", "shifted_wrong_type", "missed", "spurious", "empty"]),
    st.sampled_from(TYPES), st.sampled_from(TYPES),
    st.integers(0, 2), st.integers(0, 2),
)


def build(slots):
    gold, predicted = [], []
    for i, (kind, gold_type, other_type, shift_start, shift_end) in enumerate(slots):
        start, end = i * 10 + 2, i * 10 + 7
        if kind in ("exact", "shifted", "wrong_type", "shifted_wrong_type", "missed"):
            gold.append((start, end, gold_type))
        label = other_type if other_type != gold_type else TYPES[(TYPES.index(gold_type) + 1) % 3]
        if kind == "exact":
            predicted.append((start, end, gold_type))
        elif kind == "wrong_type":
            predicted.append((start, end, label))
        elif kind in ("shifted", "shifted_wrong_type"):
            s, e = start - shift_start, end + shift_end
            if (s, e) == (start, end):
                e += 1
            predicted.append((s, e, gold_type if kind == "shifted" else label))
        elif kind == "spurious":
            predicted.append((start, end, other_type))
    return gold, predicted


def nervaluate_counts(documents):
    from nervaluate import Evaluator

    as_dicts = lambda mentions: [{"label": t, "start": s, "end": e - 1} for s, e, t in mentions]
    true = [as_dicts(g) for g, _ in documents]
    pred = [as_dicts(p) for _, p in documents]
    return Evaluator(true, pred, tags=list(TYPES), loader="dict").evaluate()


@settings(max_examples=150)
@given(st.lists(st.lists(slot, min_size=1, max_size=12), min_size=1, max_size=4))
def test_counts_and_rates_equal_nervaluate(documents_slots):
    documents = [build(slots) for slots in documents_slots]
    if not any(g for g, _ in documents) or not any(p for _, p in documents):
        return  # nervaluate gives 0 where there is nothing at all; we document 1.0 for that case
    theirs = nervaluate_counts(documents)["overall"]
    ours = {}
    for gold, predicted in documents:
        for scheme, counts in score_mentions(gold, predicted).items():
            ours[scheme] = ours.get(scheme, SemEvalCounts()) + counts
    for scheme, their_name in SCHEMES.items():
        their = theirs[their_name]
        assert ours[scheme].as_tuple() == (their.correct, their.incorrect, their.partial, their.missed, their.spurious)
        precision, recall, f1 = rates(*_as_counts(ours[scheme]))
        assert abs(precision - their.precision) < 1e-12
        assert abs(recall - their.recall) < 1e-12
        assert abs(f1 - their.f1) < 1e-12


def _as_counts(semeval):
    counts = semeval.counts
    return counts.tp, counts.fp, counts.fn


@settings(max_examples=60)
@given(st.lists(slot, min_size=1, max_size=12))
def test_per_type_strict_equals_nervaluate_per_tag(slots):
    from harness.scoring.entities import score_entities
    from harness.scoring.options import ScoringOptions

    from .builders import entity_gold, entity_predictions

    gold, predicted = build(slots)
    text = "x" * (len(slots) * 10 + 10)
    outcome = score_entities(entity_gold(text, gold), entity_predictions(text, predicted).entities, ScoringOptions())
    theirs = nervaluate_counts([(gold, predicted)])["entities"]
    for label, results in theirs.items():
        strict = results["strict"]
        counts = outcome.per_type.get(label)
        assert counts is not None
        assert (counts.tp, counts.fp, counts.fn) == (strict.correct, strict.actual - strict.correct,
                                                     strict.possible - strict.correct)
