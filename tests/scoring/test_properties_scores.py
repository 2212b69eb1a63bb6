"""Properties of every score: self-agreement, bounds, order, monotonicity, duplicates, empty inputs."""

import dataclasses
import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.model import CATEGORIES, Annotations
from harness.predictions import Predictions, from_gold
from harness.scoring import ScoringOptions, evaluate

from .strategies import gold_documents, noisy_predictions, spurious_prediction

FAST = ScoringOptions(resamples=50)


def score(annotations, record):
    return evaluate([annotations], {annotations.doc_id: record}, FAST)


def all_scores(result):
    for name, category in result.categories.items():
        yield name, category.score
        for sub, value in category.subscores.items():
            yield f"{name}/{sub}", value
        for label, value in category.per_type.items():
            yield f"{name}/{label}", value


def headline(result):
    return {name: (c.tp, c.fp, c.fn) for name, c in result.categories.items()}


@settings(max_examples=40)
@given(gold_documents())
def test_gold_against_itself_scores_one(annotations):
    result = score(annotations, from_gold(annotations))
    assert all((s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0) for _, s in all_scores(result) if not not_applicable(s))


def not_applicable(value):
    """True for an agreement rate over zero items (its rates are None), False for a score with rates."""
    if value.kind == "rate" and value.tp + value.fp == 0:
        assert (value.precision, value.recall, value.f1) == (None, None, None)
        return True
    return False


@settings(max_examples=40)
@given(st.data())
def test_every_rate_lies_in_zero_one(data):
    annotations = data.draw(gold_documents())
    result = score(annotations, data.draw(noisy_predictions(annotations)))
    for name, value in all_scores(result):
        if not not_applicable(value):
            assert all(0.0 <= rate <= 1.0 for rate in (value.precision, value.recall, value.f1)), name
    for category in result.categories.values():
        assert 0.0 <= category.ci95[0] <= category.f1 <= category.ci95[1] <= 1.0
        assert 0.0 <= category.leakage.share <= 1.0
    json.dumps(result.to_dict(), allow_nan=False)


@settings(max_examples=40)
@given(st.data())
def test_shuffling_items_changes_nothing(data):
    annotations = data.draw(gold_documents())
    record = data.draw(noisy_predictions(annotations))
    order = random.Random(data.draw(st.integers(0, 1000)))
    shuffled = {}
    for category in CATEGORIES:
        items = list(getattr(record, category))
        order.shuffle(items)
        shuffled[category] = tuple(items)
    assert score(annotations, record).to_dict() == score(annotations, dataclasses.replace(record, **shuffled)).to_dict()


@settings(max_examples=40)
@given(st.data())
def test_adding_a_false_positive_never_raises_precision(data):
    annotations = data.draw(gold_documents())
    record = data.draw(noisy_predictions(annotations))
    before = score(annotations, record)
    category = data.draw(st.sampled_from(CATEGORIES))
    extra = spurious_prediction(annotations, category, data.draw(st.integers(0, 50)))
    if extra is None:
        return
    after = score(annotations, dataclasses.replace(record, **{category: getattr(record, category) + (extra,)}))
    assert after.categories[category].precision <= before.categories[category].precision
    assert after.categories[category].fp >= before.categories[category].fp


@settings(max_examples=40)
@given(st.data())
def test_removing_predictions_never_raises_recall(data):
    annotations = data.draw(gold_documents())
    record = data.draw(noisy_predictions(annotations))
    fewer = {c: tuple(item for item in getattr(record, c) if data.draw(st.booleans())) for c in CATEGORIES}
    before = score(annotations, record)
    after = score(annotations, dataclasses.replace(record, **fewer))
    for name in CATEGORIES:
        assert after.categories[name].recall <= before.categories[name].recall
        for sub, value in after.categories[name].subscores.items():
            if value.kind == "prf":
                assert value.recall <= before.categories[name].subscores[sub].recall, sub


@settings(max_examples=40)
@given(st.data())
def test_duplicate_predictions_do_not_count_twice(data):
    annotations = data.draw(gold_documents())
    record = data.draw(noisy_predictions(annotations))
    doubled = dataclasses.replace(record, **{c: getattr(record, c) * 2 for c in CATEGORIES})
    assert score(annotations, doubled).to_dict() == score(annotations, record).to_dict()


@settings(max_examples=25)
@given(gold_documents())
def test_empty_gold_and_empty_predictions_are_defined(annotations):
    empty_gold = Annotations(annotations.document)
    nothing = Predictions(annotations.doc_id, (), (), (), ())
    both_empty = score(empty_gold, nothing)
    for name, value in all_scores(both_empty):
        if not not_applicable(value):  # an agreement rate over zero items is n/a, never 1.0
            assert (value.precision, value.recall, value.f1) == (1.0, 1.0, 1.0), name
    only_predictions = score(empty_gold, from_gold(annotations))
    for name, category in only_predictions.categories.items():
        if category.fp:
            assert (category.precision, category.recall, category.f1) == (0.0, 1.0, 0.0)
    only_gold = score(annotations, nothing)
    for category in only_gold.categories.values():
        if category.fn:
            assert (category.precision, category.recall, category.f1) == (0.0, 0.0, 0.0)
    for result in (both_empty, only_predictions, only_gold):
        json.dumps(result.to_dict(), allow_nan=False)
