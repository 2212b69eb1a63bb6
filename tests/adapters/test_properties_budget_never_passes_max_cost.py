"""Property: however requests interleave (let through, answered in any order, each costing at most the
worst it set aside), what a ``Budget`` has spent never passes its limit, and a refused request sets
nothing aside."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.adapters.llm_budget import Budget

# each step: a new request (its worst cost), or the answer of the request in flight at that index
# (the share of its worst it really cost)
STEPS = st.lists(st.one_of(st.tuples(st.just("send"), st.floats(min_value=0, max_value=50)),
                           st.tuples(st.just("answer"), st.integers(min_value=0, max_value=20),
                                     st.floats(min_value=0, max_value=1))),
                 max_size=60)


@given(limit=st.floats(min_value=0, max_value=200), steps=STEPS)
def test_spent_never_passes_the_limit(limit, steps):
    budget = Budget(limit)
    in_flight: list[float] = []
    for step in steps:
        if step[0] == "send":
            sent, projected, _ = budget.reserve(step[1])
            assert sent == (projected <= limit)
            if sent:
                in_flight.append(step[1])
        elif in_flight:
            worst = in_flight.pop(step[1] % len(in_flight))
            budget.settle(worst, worst * step[2])
        assert budget.spent() <= limit + 1e-9
    for worst in in_flight:  # every request answered at its worst
        budget.settle(worst, worst)
    assert budget.spent() <= limit + 1e-9
