"""Property: the batch's packed integer sort orders like a stable argsort, and its distinct values are np.unique's."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.scoring.batch import _distinct, _order

keys = st.lists(st.integers(0, 50), max_size=60).map(lambda values: np.array(values, dtype=np.int64))


@settings(max_examples=200, deadline=None)
@given(keys, st.booleans())
def test_packed_order_is_the_stable_argsort(values, presorted):
    if presorted:  # the shortcut for keys already in order
        values = np.sort(values)
    expected = np.argsort(values, kind="stable")
    assert np.array_equal(_order(values, 51), expected)
    assert np.array_equal(_order(values, 2 ** 61), expected)  # too wide to pack: numpy's stable argsort


@settings(max_examples=200, deadline=None)
@given(keys)
def test_distinct_values_are_numpys_unique(values):
    assert np.array_equal(_distinct(values), np.unique(values))
