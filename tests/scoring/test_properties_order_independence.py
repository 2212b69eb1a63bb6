"""Property: ``evaluate`` gives the same result under any permutation of the predictions and of the gold.

Every category, on crowded documents (repeated words, overlapping items,
text-only predictions with several places), so that matching and grounding
have real choices: the whole result, item outcomes included, is unchanged.
"""

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.model import CATEGORIES
from harness.scoring import ScoringOptions, evaluate

from .strategies import crowded_cases, gold_documents, noisy_predictions

FAST = ScoringOptions(resamples=20)


def _shuffled(items, order: random.Random) -> tuple:
    items = list(items)
    order.shuffle(items)
    return tuple(items)


def _permute_gold(annotations, order: random.Random):
    entities = [dataclasses.replace(e, mentions=_shuffled(e.mentions, order)) for e in annotations.entities]
    events = [dataclasses.replace(v, arguments=_shuffled(v.arguments, order)) for v in annotations.events]
    return dataclasses.replace(annotations, entities=_shuffled(entities, order), quotes=_shuffled(annotations.quotes, order),
                               figures=_shuffled(annotations.figures, order), events=_shuffled(events, order))


def _permute_predictions(record, order: random.Random):
    changes = {}
    for category in CATEGORIES:
        items = getattr(record, category)
        if category == "events":
            items = [dataclasses.replace(v, arguments=_shuffled(v.arguments, order)) for v in items]
        changes[category] = _shuffled(items, order)
    return dataclasses.replace(record, **changes)


def _outcome(annotations, record) -> dict:
    return evaluate([annotations], {annotations.doc_id: record}, FAST).to_dict(items=True)


@st.composite
def noisy_cases(draw):
    annotations = draw(gold_documents())
    return annotations, draw(noisy_predictions(annotations))


@settings(max_examples=180)
@given(st.one_of(crowded_cases(), noisy_cases()), st.integers(0, 10_000))
def test_evaluate_gives_the_same_result_in_any_order(case, seed):
    annotations, record = case
    order = random.Random(seed)
    expected = _outcome(annotations, record)
    assert _outcome(annotations, _permute_predictions(record, order)) == expected
    assert _outcome(_permute_gold(annotations, order), record) == expected
    assert _outcome(_permute_gold(annotations, order), _permute_predictions(record, order)) == expected
