"""Mention matching in the four SemEval-2013 (task 9.1) schemes.

For gold and predicted mentions ``(start, end, type)``:

* **strict** – correct when span and type are equal; a prediction that
  overlaps a gold mention otherwise is incorrect;
* **exact** – correct when the span is equal, whatever the type;
  overlapping otherwise is incorrect;
* **partial** – correct when the span is equal; overlapping otherwise is
  partial (worth half a hit);
* **type** – correct when the spans overlap and the type is equal;
  overlapping with another type is incorrect.

Unmatched gold is missed, unmatched predictions are spurious. Each scheme
matches one-to-one: as many correct pairs as any matching can have, then,
keeping that number, as many incorrect/partial pairs as possible, with
mentions in a canonical order, so counts never depend on input order and a
spurious prediction is counted once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .matching import is_matching, match_by_stage, overlap_pairs
from .score import Counts

SCHEMES = ("strict", "exact", "partial", "type")

Mention = tuple[int, int, str]  # start, end (exclusive), type


@dataclass(frozen=True)
class SemEvalCounts:
    """The five SemEval categories."""

    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    def __add__(self, other: "SemEvalCounts") -> "SemEvalCounts":
        return SemEvalCounts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple())))

    def as_tuple(self) -> tuple[int, int, int, int, int]:
        return (self.correct, self.incorrect, self.partial, self.missed, self.spurious)

    @property
    def actual(self) -> int:
        return self.correct + self.incorrect + self.partial + self.spurious

    @property
    def possible(self) -> int:
        return self.correct + self.incorrect + self.partial + self.missed

    @property
    def counts(self) -> Counts:
        """As counts: a partial match is half a true positive (precision = (COR + PAR/2) / ACT)."""
        hits = self.correct + 0.5 * self.partial
        return Counts(hits, self.actual - hits, self.possible - hits)

    def to_dict(self) -> dict:
        return dict(zip(("correct", "incorrect", "partial", "missed", "spurious"), self.as_tuple()))


@dataclass(frozen=True)
class SchemeMatch:
    """The pairs one matching chose: gold index -> (predicted index, 0 = correct / 1 = incorrect or partial)."""

    pairs: dict[int, tuple[int, int]]
    gold_count: int
    predicted_count: int

    def semeval(self, partial: bool = False) -> SemEvalCounts:
        correct = [stage for _, stage in self.pairs.values()].count(0)
        other = len(self.pairs) - correct
        return SemEvalCounts(correct, 0 if partial else other, other if partial else 0,
                             self.gold_count - len(self.pairs), self.predicted_count - len(self.pairs))


def _distance(gold: Sequence[Mention], predicted: Sequence[Mention]):
    return lambda g, p: (abs(gold[g][0] - predicted[p][0]) + abs(gold[g][1] - predicted[p][1]),)


def match_schemes(gold: Sequence[Mention], predicted: Sequence[Mention],
                  matchable: Sequence[bool] | None = None) -> dict[str, SchemeMatch]:
    """The strict, exact (also used by partial) and type matchings of two canonically ordered lists.

    ``matchable[p]`` False keeps prediction ``p`` out of every matching (it is spurious).
    """
    candidates = overlap_pairs([(s, e) for s, e, _ in gold], [(s, e) for s, e, _ in predicted])
    if matchable is not None:
        candidates = [(g, p) for g, p in candidates if matchable[p]]
    preference = _distance(gold, predicted)

    if is_matching(candidates):
        # the usual case: no candidate competes with another, so every pair is matched
        direct = {"strict": {}, "exact": {}, "type": {}}
        for g, p in candidates:
            gs, ge, gt = gold[g]
            ps, pe, pt = predicted[p]
            span, kind = gs == ps and ge == pe, gt == pt
            direct["strict"][g] = (p, 0 if span and kind else 1)
            direct["exact"][g] = (p, 0 if span else 1)
            direct["type"][g] = (p, 0 if kind else 1)
        return {name: SchemeMatch(pairs, len(gold), len(predicted)) for name, pairs in direct.items()}
    # one pass over the candidates sorts them into the stages of all three matchings
    stages = {name: ([], []) for name in ("strict", "exact", "type")}
    for g, p in candidates:
        gs, ge, gt = gold[g]
        ps, pe, pt = predicted[p]
        span, kind = gs == ps and ge == pe, gt == pt
        stages["strict"][0 if span and kind else 1].append((g, p))
        stages["exact"][0 if span else 1].append((g, p))
        stages["type"][0 if kind else 1].append((g, p))
    return {name: SchemeMatch(match_by_stage(lists, preference), len(gold), len(predicted))
            for name, lists in stages.items()}


def semeval_counts(matches: dict[str, SchemeMatch]) -> dict[str, SemEvalCounts]:
    """SemEval counts of each of the four schemes from ``match_schemes``."""
    return {
        "strict": matches["strict"].semeval(),
        "exact": matches["exact"].semeval(),
        "partial": matches["exact"].semeval(partial=True),
        "type": matches["type"].semeval(),
    }


def canonical(mentions: Sequence[Mention]) -> list[Mention]:
    """Distinct mentions in a canonical order (duplicates count once)."""
    return sorted(set(mentions))


def score_mentions(gold: Sequence[Mention], predicted: Sequence[Mention]) -> dict[str, SemEvalCounts]:
    """SemEval counts of the four schemes for one document's mentions (any order, duplicates ignored)."""
    return semeval_counts(match_schemes(canonical(gold), canonical(predicted)))
