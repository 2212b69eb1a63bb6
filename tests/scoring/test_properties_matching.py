"""Property: the matching core finds maximum matchings (checked against scipy) of overlapping spans."""

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.scoring.matching import maximum_matching, overlap_pairs

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1])),
                 max_size=25)


@settings(max_examples=200)
@given(spans, spans)
def test_overlap_pairs_are_exactly_the_overlapping_pairs(gold, predicted):
    expected = {(g, p) for g, (gs, ge) in enumerate(gold) for p, (ps, pe) in enumerate(predicted)
                if gs < pe and ps < ge}
    assert set(overlap_pairs(gold, predicted)) == expected


@settings(max_examples=200)
@given(spans, spans)
def test_matching_is_maximum_and_one_to_one(gold, predicted):
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_bipartite_matching

    edges = overlap_pairs(gold, predicted)
    matched = maximum_matching(sorted(edges))
    assert len({g for g, _ in matched}) == len(matched) == len({p for _, p in matched})
    assert set(matched) <= set(edges)
    if edges:
        rows, cols = zip(*edges)
        graph = csr_matrix((np.ones(len(edges)), (rows, cols)), shape=(len(gold), len(predicted)))
        best = int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())
    else:
        best = 0
    assert len(matched) == best


def test_large_components_stay_maximum():
    # a chain: prediction i overlaps gold i and gold i + 1, one component of 400 nodes
    gold = [(10 * i, 10 * i + 10) for i in range(200)]
    predicted = [(10 * i + 5, 10 * i + 15) for i in range(200)]
    assert len(maximum_matching(sorted(overlap_pairs(gold, predicted)))) == 200
