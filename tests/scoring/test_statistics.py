"""Bootstrap intervals and paired tests: reproducible, bounded, and right on clear cases."""

import pytest
from scipy.stats import binomtest

from harness.errors import UsageError
from harness.model import Corpus
from harness.predictions import Predictions, corpus_predictions
from harness.scoring import ScoringOptions, compare_predictions, evaluate
from harness.scoring.statistics import (
    approximate_randomization,
    bootstrap_ci,
    discordant,
    exact_sign_test,
    interval_method,
    interval_units,
    paired_bootstrap,
)

from .builders import entity_gold, entity_predictions, word_spans, word_text


def test_bootstrap_is_seeded_and_reproducible():
    units = [(1, 0, 0)] * 7 + [(0, 1, 0)] * 2 + [(0, 0, 1)] * 3
    assert bootstrap_ci(units, seed=3) == bootstrap_ci(units, seed=3)
    low, high = bootstrap_ci(units, seed=3)
    assert 0.0 <= low < 14 / 19 < high <= 1.0


def test_interval_without_units_is_the_point():
    assert bootstrap_ci([]) == (1.0, 1.0)


def test_identical_systems_have_no_difference():
    units = [(1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 0, 0)]
    delta, (low, high), p = paired_bootstrap(units, units)
    assert (delta, low, high, p) == (0.0, 0.0, 0.0, 1.0)
    assert approximate_randomization(units, units) == 1.0


def test_a_clearly_better_system_is_significant():
    a = [(0, 1, 1)] * 40
    b = [(1, 0, 0)] * 40
    delta, (low, high), p_bootstrap = paired_bootstrap(a, b, resamples=500)
    p_randomization = approximate_randomization(a, b, resamples=500)
    assert delta == 1.0 and low > 0.5
    assert p_bootstrap < 0.01 and p_randomization < 0.01


def test_compare_names_the_items_each_got_right(example_corpus, example_annotations):
    oracle = corpus_predictions(example_corpus)
    nothing = {example_annotations.doc_id: Predictions(example_annotations.doc_id, (), (), (), ())}
    comparison = compare_predictions(example_corpus, nothing, oracle, resamples=200)
    entities = comparison.categories["entities"]
    assert entities.delta_f1 == 1.0 and entities.f1_a == 0.0
    assert entities.only_a == () and len(entities.only_b) == evaluate(example_corpus, oracle).categories["entities"].tp
    assert comparison.to_dict()["categories"]["entities"]["p_value_randomization"] <= 1.0


def test_method_is_stated(example_corpus):
    result = evaluate(example_corpus, corpus_predictions(example_corpus), ScoringOptions(resamples=10, seed=7))
    assert "10 resamples" in result.to_dict()["method"] and "seed 7" in result.method


# --- one gold item is one paired unit; no more confident than the exact test ---

def _persons(text, spans, doc_id="doc"):
    return entity_predictions(text, [(s, e, "PERSON") for s, e in spans], doc_id)


def _twenty_items():
    text = word_text(20)
    spans = word_spans(text)
    return text, spans, entity_gold(text, [(s, e, "PERSON") for s, e in spans])


def test_a_gold_item_hit_by_one_and_missed_by_the_other_is_one_unit():
    text, spans, gold = _twenty_items()
    comparison = compare_predictions([gold], {"doc": _persons(text, spans[:10])}, {"doc": _persons(text, spans[:13])})
    entities = comparison.categories["entities"]
    assert entities.units == 20 and entities.discordant == (0, 3)


def test_three_more_hits_of_twenty_on_one_document_are_not_significant():
    text, spans, gold = _twenty_items()
    comparison = compare_predictions([gold], {"doc": _persons(text, spans[:10])}, {"doc": _persons(text, spans[:13])})
    entities = comparison.categories["entities"]
    exact = binomtest(3, 3, 0.5).pvalue  # 0.25
    assert entities.p_value_exact == pytest.approx(exact) == pytest.approx(0.25)
    assert entities.p_value_bootstrap >= exact and entities.p_value_randomization >= exact
    assert entities.ci95[0] <= 0.0 <= entities.ci95[1]


@pytest.mark.parametrize("hits_a, hits_b, alarms_a, alarms_b", [
    (10, 13, 0, 0), (5, 5, 0, 3), (2, 9, 4, 1), (12, 3, 0, 0), (7, 7, 2, 2), (0, 20, 0, 0),
])
def test_the_exact_test_agrees_with_scipy_binomtest(hits_a, hits_b, alarms_a, alarms_b):
    # a hits the first hits_a gold items, b the last hits_b; false alarms are distinct rows
    rows_a = [(1, 0, 0) if i < hits_a else (0, 0, 1) for i in range(20)] + [(0, 1, 0)] * alarms_a + [(0, 0, 0)] * alarms_b
    rows_b = [(1, 0, 0) if i >= 20 - hits_b else (0, 0, 1) for i in range(20)] + [(0, 0, 0)] * alarms_a + [(0, 1, 0)] * alarms_b
    better_a, better_b = discordant(rows_a, rows_b)
    by_hand_a = sum(1 for i in range(20) if i < hits_a and not i >= 20 - hits_b) + alarms_b
    by_hand_b = sum(1 for i in range(20) if i >= 20 - hits_b and not i < hits_a) + alarms_a
    assert (better_a, better_b) == (by_hand_a, by_hand_b)
    n = better_a + better_b
    expected = binomtest(better_b, n, 0.5).pvalue if n else 1.0
    assert exact_sign_test(rows_a, rows_b) == pytest.approx(expected, rel=1e-12)


def test_no_discordant_units_give_p_one():
    rows = [(1, 0, 0), (0, 0, 1), (0, 1, 0)]
    assert exact_sign_test(rows, rows) == 1.0 and discordant(rows, rows) == (0, 0)


# --- what the interval resamples ---

def _corpus(count):
    text = word_text(6)
    spans = word_spans(text)
    documents = [entity_gold(text, [(s, e, "PERSON") for s, e in spans], doc_id=f"doc-{i}") for i in range(count)]
    # document i finds its first i % 6 + 1 people and raises one false alarm on the last word when i is odd
    predictions = {}
    for i, gold in enumerate(documents):
        found = spans[: i % 6 + 1]
        alarm = [(spans[-1][0], spans[-1][1], "ORG")] if i % 2 else []
        predictions[gold.doc_id] = entity_predictions(text, [(s, e, "PERSON") for s, e in found] + alarm, gold.doc_id)
    return Corpus(tuple(documents)), predictions


@pytest.mark.parametrize("count, unit", [(1, "items"), (4, "items"), (5, "documents"), (7, "documents")])
def test_documents_are_resampled_from_the_minimum_on(count, unit):
    corpus, predictions = _corpus(count)
    result = evaluate(corpus, predictions, ScoringOptions(resamples=200))
    method = result.interval_method
    assert (method.unit, method.documents, method.optimistic) == (unit, count, unit == "items")
    outcomes = [result.documents[d]["entities"] for d in sorted(result.documents)]
    if unit == "documents":
        units, strata = [(o.headline.tp, o.headline.fp, o.headline.fn) for o in outcomes], None
    else:
        units = [(i.counts.tp, i.counts.fp, i.counts.fn) for o in outcomes for i in o.items]
        strata = [d for d, o in enumerate(outcomes) for _ in o.items]
    assert interval_units(outcomes, method) == (units, strata)
    assert result.categories["entities"].ci95 == bootstrap_ci(units, resamples=200, strata=strata)


def test_the_minimum_is_a_scoring_option():
    corpus, predictions = _corpus(3)
    result = evaluate(corpus, predictions, {"resamples": 50, "min_documents_for_interval": 3})
    assert result.interval_method.unit == "documents"
    assert "bootstrap over documents, 50 resamples (3 documents)" in result.method


def test_too_few_documents_are_said_in_words():
    method = interval_method(1, ScoringOptions())
    assert method.describe == "bootstrap over items within 1 document, 1000 resamples"
    assert "too few documents" in method.warning and "optimistic" in method.warning
    assert interval_method(6, ScoringOptions()).describe == "bootstrap over documents, 1000 resamples (6 documents)"
    assert interval_method(6, ScoringOptions()).warning is None


@pytest.mark.parametrize("bad", [1, 0, -3, 2.5, True, "5"])
def test_a_bad_minimum_is_refused_with_the_value(bad):
    with pytest.raises(UsageError, match=r"min_documents_for_interval = .* must be an integer of at least 2"):
        ScoringOptions(min_documents_for_interval=bad)


def test_items_are_resampled_within_their_own_document():
    # one document only hits, the other only misses: every stratified resample keeps 3 hits and 3 misses
    units = [(1, 0, 0)] * 3 + [(0, 0, 1)] * 3
    assert bootstrap_ci(units, strata=[0, 0, 0, 1, 1, 1], resamples=200) == (2 / 3, 2 / 3)
    low, high = bootstrap_ci(units, resamples=200)
    assert low < 2 / 3 < high


def test_the_interval_is_widened_to_contain_the_point_estimate():
    # one hit and one miss (F1 2/3); seed 0 draws the miss twice, so the percentile interval alone is [0, 0]
    assert bootstrap_ci([(1, 0, 0), (0, 0, 1)], resamples=1, seed=0) == (0.0, 2 / 3)
    # the same for the paired difference: the one resample (both misses) has difference 0, delta is 2/3
    delta, (low, high), _ = paired_bootstrap([(0, 0, 1), (0, 0, 1)], [(1, 0, 0), (0, 0, 1)], resamples=1, seed=0)
    assert delta == 2 / 3 and (low, high) == (0.0, 2 / 3)


def test_compare_pairs_documents_from_the_minimum_on():
    corpus, predictions = _corpus(6)
    nothing = {d: Predictions(d, (), (), (), ()) for d in predictions}
    comparison = compare_predictions(corpus, nothing, predictions, ScoringOptions(resamples=200))
    entities = comparison.categories["entities"]
    assert comparison.interval.unit == "documents" and entities.units == 6
    assert "paired bootstrap over documents, 200 resamples (6 documents)" in comparison.method
    assert comparison.to_dict()["interval"]["documents"] == 6


@pytest.mark.parametrize("only_a, only_b", [(0, 3), (1, 4), (2, 2), (0, 8), (3, 6)])
def test_randomization_over_few_discordant_items_is_exact(only_a, only_b):
    # both raise the same false alarms and agree on all but the discordant gold items: then F1's
    # difference grows with the items b keeps, and the exact randomization test is the sign test
    shared = [(1, 0, 0)] * 5 + [(0, 0, 1)] * 4 + [(0, 1, 0)] * 2
    rows_a = shared + [(1, 0, 0)] * only_a + [(0, 0, 1)] * only_b
    rows_b = shared + [(0, 0, 1)] * only_a + [(1, 0, 0)] * only_b
    expected = binomtest(only_b, only_a + only_b, 0.5).pvalue
    assert approximate_randomization(rows_a, rows_b, resamples=1000) == pytest.approx(expected, rel=1e-12)
