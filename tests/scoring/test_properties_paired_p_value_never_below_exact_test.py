"""Property: on one document the paired p-values are never smaller than the exact sign test's.

Two prediction sets for one generated document, every category: the
bootstrap and randomization p-values are at least the exact two-sided
sign (McNemar) test on the discordant items, that test agrees with
``scipy.stats.binomtest``, and the interval of the difference contains 0
whenever the exact test does not reject at its level.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest

from harness.scoring import ScoringOptions, compare_predictions

from .strategies import gold_documents, noisy_predictions

FAST = ScoringOptions(resamples=60)


@st.composite
def two_systems_on_one_document(draw):
    gold = draw(gold_documents(max_segments=6))
    return gold, draw(noisy_predictions(gold)), draw(noisy_predictions(gold)), draw(st.integers(0, 5))


@settings(max_examples=60)
@given(two_systems_on_one_document())
def test_paired_p_values_are_never_below_the_exact_test_on_one_document(case):
    gold, a, b, seed = case
    comparison = compare_predictions([gold], {gold.doc_id: a}, {gold.doc_id: b}, FAST, seed=seed)
    assert comparison.interval.unit == "items" and comparison.interval.documents == 1
    for found in comparison.categories.values():
        better_a, better_b = found.discordant
        n = better_a + better_b
        exact = binomtest(better_b, n, 0.5).pvalue if n else 1.0
        assert found.p_value_exact == pytest.approx(exact, rel=1e-9)
        assert found.p_value_bootstrap >= found.p_value_exact - 1e-12
        assert found.p_value_randomization >= found.p_value_exact - 1e-12
        if found.p_value_exact >= 0.05:
            assert found.ci95[0] <= 0.0 <= found.ci95[1]
