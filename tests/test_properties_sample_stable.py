"""A --limit sample depends only on the set of ids and N, and grows with N."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.sample import sample_ids


@given(st.sets(st.text("abcxyz-", min_size=1, max_size=6), min_size=1, max_size=20), st.integers(1, 25))
def test_a_sample_does_not_depend_on_the_order_ids_come_in(ids, limit):
    assert sample_ids(sorted(ids), limit) == sample_ids(sorted(ids, reverse=True), limit)


@given(st.sets(st.text("abcxyz-", min_size=1, max_size=6), min_size=2, max_size=20), st.integers(1, 25))
def test_a_larger_sample_contains_the_smaller_one(ids, limit):
    assert set(sample_ids(ids, limit)) <= set(sample_ids(ids, limit + 1))
    assert len(sample_ids(ids, limit)) == min(limit, len(ids))
