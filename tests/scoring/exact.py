"""An exhaustive solver to check matchers against: the best staged matching of a small graph, by brute force."""

from __future__ import annotations

from typing import Mapping


def best_counts(staged: Mapping[tuple[int, int], int], stages: int) -> tuple[int, ...]:
    """The lexicographically largest ``(pairs of stage 0, of stages 0-1, ..., of all stages)`` of any matching.

    ``staged`` maps each candidate ``(gold, predicted)`` pair to its stage.
    Every matching is tried, so keep the graph small.
    """
    golds = sorted({g for g, _ in staged})
    options = {g: [(p, stage) for (h, p), stage in staged.items() if h == g] for g in golds}
    best = (0,) * stages

    def visit(i: int, used: frozenset, counts: tuple[int, ...]) -> None:
        nonlocal best
        if i == len(golds):
            best = max(best, counts)
            return
        visit(i + 1, used, counts)
        for p, stage in options[golds[i]]:
            if p not in used:
                visit(i + 1, used | {p}, tuple(c + (j >= stage) for j, c in enumerate(counts)))

    visit(0, frozenset(), best)
    return best


def matched_counts(pairs: Mapping[int, tuple[int, int]], stages: int) -> tuple[int, ...]:
    """The same tuple for a matching given as ``gold -> (predicted, stage)``."""
    return tuple(sum(1 for _, stage in pairs.values() if stage <= j) for j in range(stages))
