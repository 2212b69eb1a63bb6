"""Property: the bootstrap's 32-bit draws are the numbers the generator gives as 64-bit integers.

Intervals computed before the draws became 32-bit must not move.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.scoring.statistics import _draws


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 300), st.integers(1, 20), st.integers(0, 2 ** 32 - 1))
def test_draws_are_the_64_bit_streams_numbers(size, resamples, seed):
    expected = np.random.default_rng(seed).integers(0, size, size=(resamples, size))
    drawn = _draws(size, None, resamples, seed)
    assert drawn.dtype == np.int32
    assert np.array_equal(drawn, expected)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([2 ** 16 + 1, 2 ** 24 + 7, 2 ** 31 - 1]), st.integers(0, 2 ** 32 - 1))
def test_the_stream_agrees_up_to_the_largest_32_bit_size(size, seed):
    # a few draws from a range as wide as a 32-bit index allows, without building that many units
    as_32 = np.random.default_rng(seed).integers(0, size, size=200, dtype=np.int32)
    assert np.array_equal(as_32, np.random.default_rng(seed).integers(0, size, size=200))
