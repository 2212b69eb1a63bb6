"""One-to-one matching of predictions to gold, independent of input order.

Spans are ``(start, end)`` pairs, end exclusive. ``overlap_pairs`` finds every
gold/prediction pair whose spans share a character with a sweep over the
sorted spans: O((n + m) log(n + m) + pairs). ``staged_matching`` then matches
in stages (for example: same span and type first, then any overlap), each
stage a maximum-cardinality matching among the items still free, so a
stage never gives up a match an earlier, stricter stage could make.

Maximum matchings are found per connected component of the candidate
graph: a lone pair is matched directly, a small component by augmenting
paths (candidates tried in order of preference, so the pairs chosen are
the natural ones), a large one by Hopcroft-Karp (scipy). Callers put their
items in a canonical order first, so the result never depends on the order
the extractor listed them in.
"""

from __future__ import annotations

import heapq
from typing import Callable, Iterable, Sequence

SMALL_COMPONENT = 64  # nodes; above this, Hopcroft-Karp


def overlap_pairs(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every ``(gold index, predicted index)`` whose spans overlap; an empty span overlaps only an equal one."""
    points = sorted([(s, e, 0, i) for i, (s, e) in enumerate(gold)]
                    + [(s, e, 1, i) for i, (s, e) in enumerate(predicted)])
    active_gold: dict[int, int] = {}
    active_predicted: dict[int, int] = {}
    gold_ends: list[tuple[int, int]] = []
    predicted_ends: list[tuple[int, int]] = []
    pairs: list[tuple[int, int]] = []
    empty: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    pop, push = heapq.heappop, heapq.heappush
    for start, end, side, index in points:
        if start >= end:
            empty.setdefault((start, end), ([], []))[side].append(index)
            continue
        # spans ending at or before this start can overlap nothing from here on
        while gold_ends and gold_ends[0][0] <= start:
            del active_gold[pop(gold_ends)[1]]
        while predicted_ends and predicted_ends[0][0] <= start:
            del active_predicted[pop(predicted_ends)[1]]
        if side == 0:
            if active_predicted:
                pairs.extend([(index, j) for j in active_predicted])
            active_gold[index] = end
            push(gold_ends, (end, index))
        else:
            if active_gold:
                pairs.extend([(j, index) for j in active_gold])
            active_predicted[index] = end
            push(predicted_ends, (end, index))
    for gold_list, predicted_list in empty.values():
        pairs.extend((g, p) for g in gold_list for p in predicted_list)
    return pairs


def _components(edges: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node):
        root = node
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(node, node) != root:
            parent[node], node = root, parent[node]
        return root

    for g, p in edges:
        a, b = find((0, g)), find((1, p))
        if a != b:
            parent[a] = b
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for g, p in edges:
        groups.setdefault(find((0, g)), []).append((g, p))
    return list(groups.values())


def _augmenting(edges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Maximum matching of a small component; edges come in order of preference."""
    adjacency: dict[int, list[int]] = {}
    for g, p in edges:
        adjacency.setdefault(g, []).append(p)
    gold_of: dict[int, int] = {}
    predicted_of: dict[int, int] = {}
    for g, candidates in adjacency.items():  # greedy start: each gold takes its best free candidate
        for p in candidates:
            if p not in gold_of:
                gold_of[p], predicted_of[g] = g, p
                break

    def augment(g: int, seen: set[int]) -> bool:
        for p in adjacency[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in gold_of or augment(gold_of[p], seen):
                gold_of[p], predicted_of[g] = g, p
                return True
        return False

    for g in adjacency:
        if g not in predicted_of:
            augment(g, set())
    return sorted(predicted_of.items())


def _hopcroft_karp(edges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_bipartite_matching

    golds = sorted({g for g, _ in edges})
    predicted = sorted({p for _, p in edges})
    g_index = {g: i for i, g in enumerate(golds)}
    p_index = {p: i for i, p in enumerate(predicted)}
    rows = np.array([g_index[g] for g, _ in edges])
    cols = np.array([p_index[p] for _, p in edges])
    graph = csr_matrix((np.ones(len(edges)), (rows, cols)), shape=(len(golds), len(predicted)))
    match = maximum_bipartite_matching(graph, perm_type="column")
    return [(golds[i], predicted[j]) for i, j in enumerate(match) if j >= 0]


def is_matching(edges: Sequence[tuple[int, int]]) -> bool:
    """True when no two edges share a node: the edges are their own maximum matching."""
    return len({g for g, _ in edges}) == len(edges) == len({p for _, p in edges})


def maximum_matching(edges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of ``(gold, predicted)`` edges listed in order of preference."""
    edges = list(dict.fromkeys(edges))
    if is_matching(edges):
        return sorted(edges)
    matched: list[tuple[int, int]] = []
    for component in _components(edges):
        if len(component) == 1:
            matched.append(component[0])
            continue
        nodes = len({g for g, _ in component}) + len({p for _, p in component})
        matched += _augmenting(component) if nodes <= SMALL_COMPONENT else _hopcroft_karp(component)
    return sorted(matched)


def staged_matching(
    candidates: Sequence[tuple[int, int]],
    stage_of: Callable[[int, int], int | None],
    stages: int,
    preference: Callable[[int, int], tuple] | None = None,
) -> dict[int, tuple[int, int]]:
    """Match in stages: ``gold -> (predicted, stage)``.

    ``stage_of(g, p)`` gives the strictest stage a candidate pair qualifies
    for (0 is strictest) or None when it cannot match; ``preference`` orders
    the candidates of a stage (smaller first).
    """
    by_stage: list[list[tuple[int, int]]] = [[] for _ in range(stages)]
    for g, p in candidates:
        stage = stage_of(g, p)
        if stage is not None:
            by_stage[stage].append((g, p))
    return match_by_stage(by_stage, preference)


def match_by_stage(by_stage: Sequence[list[tuple[int, int]]],
                   preference: Callable[[int, int], tuple] | None = None) -> dict[int, tuple[int, int]]:
    """``staged_matching`` with the candidates already sorted into stages."""
    result: dict[int, tuple[int, int]] = {}
    taken: set[int] = set()
    for stage, edges in enumerate(by_stage):
        if not edges:
            continue
        free = [(g, p) for g, p in edges if g not in result and p not in taken]
        if is_matching(free):
            chosen = free  # the common case: nothing to choose between
        else:
            if preference is not None:
                free.sort(key=lambda edge: (preference(*edge), edge))
            else:
                free.sort()
            chosen = maximum_matching(free)
        for g, p in chosen:
            result[g] = (p, stage)
            taken.add(p)
    return result
