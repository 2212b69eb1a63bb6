"""One-to-one matching of predictions to gold, independent of input order.

Spans are ``(start, end)`` pairs, end exclusive. ``overlap_pairs`` finds every
gold/prediction pair whose spans share a character with a sweep over the
sorted spans: O((n + m) log(n + m) + pairs). ``match_by_stage`` then matches
in stages (for example: same span and type first, then any overlap): the
matching has as many stage-0 pairs as any matching can have, then as many
pairs of stages 0-1 as possible, and so on, so a stage never gives up a
match an earlier, stricter stage could make, and the choice among stricter
pairs never costs a looser one. Among equally good matchings the
preferred pairs (closest boundaries, highest overlap ...) are chosen.

Matchings are found per connected component of the candidate graph: a lone
pair, or a component in which no two candidates share an item, is matched
directly; any other component is solved exactly as an assignment problem
(scipy). Callers put their items in a canonical order first, so the result
never depends on the order the extractor listed them in.
"""

from __future__ import annotations

import heapq
from typing import Callable, Iterable, Mapping, Sequence

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


def _solve(edges: list[tuple[int, int]], stage: Mapping[tuple[int, int], int],
           cost: Mapping[tuple[int, int], tuple[int, ...]], stages: int) -> list[tuple[int, int]]:
    """The lexicographically best matching of one component, exactly (an assignment problem).

    Objective, most important first: the number of stage-0 pairs, of pairs
    in stages 0-1, ..., of all pairs; then the smallest sum of the first
    cost of the pairs, of the second, and so on. Each level is a digit of
    one integer weight per edge, in a base larger than anything the lower
    levels can add up to, so one maximum weight assignment (scipy)
    optimises them all in order. Levels of cost that would make a weight
    too large for a float64 to hold exactly are dropped, last first.
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    golds = sorted({g for g, _ in edges})
    predicted = sorted({p for _, p in edges})
    size = min(len(golds), len(predicted))  # no matching has more pairs
    base = size + 1
    levels = len(next(iter(cost.values()))) if cost else 0
    low = [min(cost[edge][k] for edge in edges) for k in range(levels)]
    shifted = {edge: [cost[edge][k] - low[k] for k in range(levels)] for edge in edges}
    bounds = [size * max(c[k] for c in shifted.values()) + 1 for k in range(levels)]  # above any sum of a level
    while levels and base ** stages * _product(bounds[:levels]) >= 2 ** 52:
        levels -= 1
    tie = _product(bounds[:levels])
    weight_of_stage = [sum(base ** (stages - 1 - j) for j in range(s, stages)) * tie for s in range(stages)]
    g_index = {g: i for i, g in enumerate(golds)}
    p_index = {p: i for i, p in enumerate(predicted)}
    weights = np.zeros((len(golds), len(predicted)))
    for edge in edges:
        penalty = 0
        for k in range(levels):
            penalty = penalty * bounds[k] + shifted[edge][k]
        weights[g_index[edge[0]], p_index[edge[1]]] = weight_of_stage[stage[edge]] - penalty
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(golds[i], predicted[j]) for i, j in zip(rows, cols) if weights[i, j] > 0]


def _product(values: Iterable[int]) -> int:
    out = 1
    for value in values:
        out *= value
    return out


def _integer_costs(preference: Callable[[int, int], tuple], edges: Iterable[tuple[int, int]]):
    """Each edge's preference as integers (fractions kept to 1e-6), smaller preferred."""
    as_int = lambda value: int(value) if float(value).is_integer() else round(value * 1_000_000)
    return {edge: tuple(as_int(value) for value in preference(*edge)) for edge in edges}


def is_matching(edges: Sequence[tuple[int, int]]) -> bool:
    """True when no two edges share a node: the edges are their own maximum matching."""
    return len({g for g, _ in edges}) == len(edges) == len({p for _, p in edges})


def _lexicographic(staged: Mapping[tuple[int, int], int],
                   cost_of: Callable[[list[tuple[int, int]]], Mapping[tuple[int, int], tuple[int, ...]]],
                   stages: int) -> list[tuple[int, int]]:
    """The lexicographic matching of ``staged``; ``cost_of(edges)`` is asked only for the edges of a contest."""
    edges = sorted(staged)
    if is_matching(edges):
        return edges  # the common case: nothing to choose between, and no preference to compute
    matched: list[tuple[int, int]] = []
    for component in _components(edges):
        if len(component) == 1 or is_matching(component):
            matched += component
        else:
            matched += _solve(component, staged, cost_of(component), stages)
    return sorted(matched)


def maximum_matching(edges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of ``(gold, predicted)`` edges listed in order of preference.

    Among the maximum matchings, one with the preferred edges (smallest sum
    of positions in the list) is chosen.
    """
    position = {edge: (i,) for i, edge in enumerate(dict.fromkeys(edges))}
    return _lexicographic(dict.fromkeys(position, 0), lambda component: position, 1)


def match_by_stage(by_stage: Sequence[Iterable[tuple[int, int]]],
                   preference: Callable[[int, int], tuple] | None = None) -> dict[int, tuple[int, int]]:
    """Match candidates sorted into stages (0 strictest): ``gold -> (predicted, stage)``.

    The matching is lexicographically maximum: as many stage-0 pairs as
    possible, then as many pairs of stages 0 and 1 as possible, and so on
    (so leftovers are matched as far as the stricter stages allow, and the
    choice among equally good stage-0 pairs never costs a later pair); among
    those, the one whose pairs have the smallest sum of the first number of
    ``preference``, then of the second, and so on (so a preference of
    ``(-arguments_right, distance)`` means the most arguments right in
    total, then the closest boundaries in total).
    """
    staged: dict[tuple[int, int], int] = {}
    for stage, edges in enumerate(by_stage):
        for edge in edges:
            staged.setdefault(edge, stage)  # a pair counts at its strictest stage
    if not staged:
        return {}

    def cost_of(component: list[tuple[int, int]]) -> Mapping[tuple[int, int], tuple[int, ...]]:
        return {edge: () for edge in component} if preference is None else _integer_costs(preference, component)

    return {g: (p, staged[(g, p)]) for g, p in _lexicographic(staged, cost_of, len(by_stage))}
