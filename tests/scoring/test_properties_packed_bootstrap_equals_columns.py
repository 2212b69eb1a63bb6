"""Property: summing resampled counts packed into one integer per unit gives exactly the column sums."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.scoring.statistics import _f1_sum, bootstrap_ci

units = st.lists(st.tuples(*[st.one_of(st.integers(0, 60), st.sampled_from([0.5, 2.5, 1e7]))] * 3),
                 min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(units, st.integers(0, 2**32 - 1))
def test_packed_and_column_sums_give_identical_f1(rows_of_counts, seed):
    array = np.asarray(rows_of_counts, dtype=float)
    draws = np.random.default_rng(seed).integers(0, len(array), size=(25, len(array)))
    assert np.array_equal(_f1_sum(array, draws, packed=True), _f1_sum(array, draws))


def test_the_interval_of_whole_counts_is_the_one_the_column_sums_give():
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 40, size=(500, 3)).astype(float)
    low, high = bootstrap_ci(counts, resamples=200, seed=1)
    scores = _f1_sum(counts, np.random.default_rng(1).integers(0, 500, size=(200, 500)))
    point = float(_f1_sum(counts))
    expected = np.quantile(scores, [0.025, 0.975])
    assert (low, high) == (min(float(expected[0]), point), max(float(expected[1]), point))
