"""Per-document outcomes of one category: item list, counts, leakage.

A ``DocumentCategory`` holds everything needed to aggregate: counts only
(no rates), so results for shards of a corpus merge by addition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping, Sequence

from ..model import Span
from .score import Counts

STATUSES = ("tp", "fp", "fn", "boilerplate")


@dataclass(frozen=True)
class ItemOutcome:
    """One scored item: a hit (``tp``), a miss (``fn``), a false alarm (``fp``),
    or a false alarm inside boilerplate (``boilerplate``).

    ``key`` identifies the item across two prediction sets for the same gold:
    the gold span and label for hits and misses alike (a gold item is one
    item whether it was found or not), the predicted span and text for
    false alarms.

    For a found quote, ``speaker`` is the predicted speaker's text and
    ``speaker_right`` the scorer's attribution verdict (the one the
    attribution and end-to-end scores count); both are None elsewhere.
    """

    status: str
    category: str
    label: str | None
    gold: Span | None
    predicted: Span | None
    description: str = ""
    score: float | None = None
    speaker: str | None = None
    speaker_right: bool | None = None

    @property
    def type(self) -> str | None:
        return self.label

    @property
    def key(self) -> tuple:
        if self.status in ("tp", "fn") and self.gold is not None:
            return ("gold", self.gold.start, self.gold.end, self.label)
        span = self.predicted
        if span is None:  # ungrounded: known by what was said
            return ("predicted", None, None, self.label, self.description)
        return ("predicted", span.start, span.end, self.label, span.text)

    @property
    def counts(self) -> Counts:
        """This item's share of the headline counts."""
        if self.status == "tp":
            return Counts(1, 0, 0)
        if self.status == "fn":
            return Counts(0, 0, 1)
        return Counts(0, 1, 0)

    def to_dict(self) -> dict:
        def span(value: Span | None):
            return None if value is None else {"start": value.start, "end": value.end, "text": value.text}

        return {"status": self.status, "category": self.category, "label": self.label,
                "gold": span(self.gold), "predicted": span(self.predicted),
                "description": self.description, "score": self.score}


@dataclass(frozen=True)
class Leakage:
    """How many grounded predictions there were, how many lay in boilerplate,
    and how many of those were false positives (in practice: all of them,
    since gold quotes, figures and events are never in boilerplate)."""

    grounded: int = 0
    in_boilerplate: int = 0
    false_positives: int = 0

    def __add__(self, other: "Leakage") -> "Leakage":
        return Leakage(self.grounded + other.grounded, self.in_boilerplate + other.in_boilerplate,
                       self.false_positives + other.false_positives)

    @property
    def share(self) -> float:
        """Share of grounded predictions in boilerplate; 0.0 when nothing was grounded."""
        return self.in_boilerplate / self.grounded if self.grounded else 0.0

    def to_dict(self) -> dict:
        return {"share": self.share, "grounded": self.grounded, "in_boilerplate": self.in_boilerplate,
                "false_positives": self.false_positives}


def add_maps(a: Mapping[str, Counts], b: Mapping[str, Counts]) -> dict[str, Counts]:
    out = dict(a)
    for key, counts in b.items():
        out[key] = out.get(key, Counts()) + counts
    return out


@dataclass(frozen=True)
class DocumentCategory:
    """The outcome of scoring one category of one document.

    ``items`` are the headline outcomes (their counts add up to the headline);
    ``subscores`` and ``per_type`` are counts; ``ranked`` holds
    ``(score, correct)`` per prediction when every prediction carried a
    score, else None; ``groups`` holds further count tables (such as
    entity-level counts per type) and ``tallies`` plain integer tables (such
    as the type confusion pairs and the SemEval categories).
    """

    category: str
    items: tuple[ItemOutcome, ...] = ()
    subscores: Mapping[str, Counts] = field(default_factory=dict)
    rates: tuple[str, ...] = ()  # which subscores are agreement rates
    per_type: Mapping[str, Counts] = field(default_factory=dict)
    leakage: Leakage = Leakage()
    ungrounded: int = 0
    ranked: tuple[tuple[float, bool], ...] | None = ()
    groups: Mapping[str, Mapping[str, Counts]] = field(default_factory=dict)
    tallies: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @cached_property
    def headline(self) -> Counts:
        """The sum of the items' counts (computed once: the aggregate and the interval both ask)."""
        total = Counts()
        for item in self.items:
            total = total + item.counts
        return total


def ranked_predictions(items: Sequence[ItemOutcome], predictions: Sequence) -> tuple[tuple[float, bool], ...] | None:
    """(score, hit) for each prediction's item, when every prediction carries a score."""
    if any(p.score is None for p in predictions):
        return None
    return tuple(sorted((item.score, item.status == "tp") for item in items
                        if item.status != "fn" and item.score is not None))
