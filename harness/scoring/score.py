"""Counts and the rates derived from them, in one guarded place.

Every score in the harness is kept as counts (true positives, false
positives, false negatives) and its precision, recall and F1 are derived
here, so empty inputs get the same documented answer everywhere:

* no gold and no predictions: precision = recall = F1 = 1.0 (nothing to find,
  nothing wrongly claimed);
* predictions but no gold: precision 0.0, recall 1.0 (nothing was missed),
  F1 0.0;
* gold but no predictions: precision 0.0, recall 0.0, F1 0.0.

No rate is ever NaN or infinite. An agreement rate (attribution, unit,
modality) is a ``Score`` of kind ``"rate"`` with ``tp`` agreeing and
``fp == fn`` disagreeing items, so precision, recall and F1 all equal the
rate (accuracy). Over zero items an agreement rate is not applicable: its
precision, recall and F1 are None, never 1.0, because an adapter that
matched nothing has shown no agreement at all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives (partial matches count 0.5)."""

    tp: float = 0
    fp: float = 0
    fn: float = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @classmethod
    def agreement(cls, agreeing: int, total: int) -> "Counts":
        """An agreement rate as counts: ``tp`` agreeing, ``fp == fn`` disagreeing."""
        return cls(agreeing, total - agreeing, total - agreeing)


def rates(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """(precision, recall, F1) of the counts, following the module's empty-input rules."""
    if tp + fp > 0:
        precision = tp / (tp + fp)
    else:
        precision = 1.0 if fn == 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 1.0
    denominator = 2 * tp + fp + fn
    f1 = 2 * tp / denominator if denominator > 0 else 1.0
    return precision, recall, f1


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else float(value)


@dataclass(frozen=True)
class Score:
    """Counts with their precision, recall and F1, and optionally a confidence interval of F1."""

    tp: float
    fp: float
    fn: float
    precision: float | None  # None: an agreement rate over zero items (not applicable)
    recall: float | None
    f1: float | None
    ci95: tuple[float, float] | None = None
    kind: str = "prf"  # "prf" or "rate" (an agreement rate: precision == recall == f1)

    @classmethod
    def of(cls, counts: Counts, ci95: tuple[float, float] | None = None, kind: str = "prf") -> "Score":
        if kind == "rate" and counts.tp + counts.fp == 0:
            return cls(counts.tp, counts.fp, counts.fn, None, None, None, None, kind)
        precision, recall, f1 = rates(counts.tp, counts.fp, counts.fn)
        return cls(counts.tp, counts.fp, counts.fn, precision, recall, f1, ci95, kind)

    @property
    def applicable(self) -> bool:
        """False for an agreement rate over zero items: there is no rate to show or to gate on."""
        return self.f1 is not None

    @property
    def counts(self) -> Counts:
        return Counts(self.tp, self.fp, self.fn)

    @property
    def rate(self) -> float | None:
        """For an agreement rate: the share agreeing (equal to F1); None over zero items."""
        return self.f1

    def to_dict(self) -> dict:
        """JSON-safe form: counts, rates, ``ci95`` as ``[low, high]`` or None, and ``kind``."""
        out: dict = {
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "tp": _number(self.tp), "fp": _number(self.fp), "fn": _number(self.fn),
            "ci95": None if self.ci95 is None else [self.ci95[0], self.ci95[1]],
            "kind": self.kind,
        }
        if self.kind == "rate":
            out["rate"] = self.f1
            out["agreeing"] = _number(self.tp)
            out["total"] = _number(self.tp + self.fp)
        return out
