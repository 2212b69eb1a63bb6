"""Property: a value tolerance is relative to the gold value, so it is the same distance either side of it."""

from hypothesis import given
from hypothesis import strategies as st

from harness.values import value_in

golds = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).filter(lambda g: abs(g) > 1e-6)
tolerances = st.sampled_from([0.0, 1e-9, 0.01, 0.1, 0.5])
shares = st.floats(min_value=0, max_value=2, allow_nan=False)


@given(golds, tolerances, shares)
def test_a_value_above_the_gold_agrees_exactly_when_its_mirror_below_does(gold, tolerance, share):
    offset = share * abs(gold)
    assert value_in(gold + offset, gold, tolerance) == value_in(gold - offset, gold, tolerance)


@given(golds, tolerances, shares)
def test_agreement_is_the_distance_against_tolerance_times_gold(gold, tolerance, share):
    # away from the boundary the answer is the stated rule
    if abs(share - tolerance) < 1e-6:
        return
    assert value_in(gold + share * abs(gold), gold, tolerance) == (share < tolerance)
