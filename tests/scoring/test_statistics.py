"""Bootstrap intervals and paired tests: reproducible, bounded, and right on clear cases."""

from harness.predictions import Predictions, corpus_predictions
from harness.scoring import ScoringOptions, compare_predictions, evaluate
from harness.scoring.statistics import approximate_randomization, bootstrap_ci, paired_bootstrap


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
