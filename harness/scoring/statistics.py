"""Confidence intervals and paired significance tests on F1.

What is resampled is chosen once, by ``interval_method``: with at least
``min_documents_for_interval`` documents the units are the documents (rows
of their ``(tp, fp, fn)`` counts); with fewer they are the items (hits,
misses, false alarms), resampled within their own document, and the method
says that such an interval is optimistic: items of one article are not
independent draws from the articles a system will meet. F1 of a resample
is computed from the summed counts, with the conventions of ``score.rates``.

* ``bootstrap_ci``: percentile bootstrap, ``resamples`` draws of the units
  with replacement (within each stratum, when strata are given) from a
  generator seeded with ``seed``. The interval is widened to contain the
  point estimate: a percentile interval of a ratio can miss it when the
  resampled F1s are skewed (few units, F1 near 0 or 1), and a bound on the
  wrong side of the score would only mislead.
* ``paired_bootstrap``: the same draws applied to both systems' units;
  interval of the F1 difference (b - a), widened the same way, and a
  two-sided p-value: the share of resampled differences at least as far
  from the observed one as the observed one is from 0 (the shifted null),
  with add-one smoothing.
* ``approximate_randomization``: each unit's two outcomes swapped with
  probability 1/2; p = share of swapped differences at least as large in
  absolute value as the observed one, with add-one smoothing; exact (every
  swap pattern of the discordant units) when there are at most
  ``resamples`` patterns.
* ``exact_sign_test``: the exact two-sided sign (McNemar) test on the
  discordant units: under the null each is as likely to favour either system.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb
from typing import Any, Sequence

UNITS = ("documents", "items")


@dataclass(frozen=True)
class IntervalMethod:
    """How the intervals and p-values of a result were computed, and over how many documents.

    Frozen: a report states the method of the numbers it holds, never a later one.
    """

    unit: str  # "documents" or "items" (within each document)
    documents: int
    resamples: int
    confidence: float
    seed: int
    min_documents: int

    @property
    def optimistic(self) -> bool:
        """Items resampled within fewer documents than the minimum: the interval is too narrow."""
        return self.unit == "items"

    @property
    def describe(self) -> str:
        """``bootstrap over documents, 1000 resamples (6 documents)`` and the like."""
        if self.unit == "documents":
            return f"bootstrap over documents, {self.resamples} resamples ({_documents(self.documents)})"
        return f"bootstrap over items within {_documents(self.documents)}, {self.resamples} resamples"

    @property
    def warning(self) -> str | None:
        """In words, why an item-level interval is optimistic; None for a document-level one."""
        if not self.optimistic:
            return None
        return (f"only {_documents(self.documents)} (fewer than min_documents_for_interval = "
                f"{self.min_documents}): the interval resamples items within too few documents and is "
                "optimistic")

    def to_dict(self) -> dict:
        return {"method": self.describe, "unit": self.unit, "documents": self.documents,
                "resamples": self.resamples, "confidence": self.confidence, "seed": self.seed,
                "min_documents": self.min_documents, "optimistic": self.optimistic, "warning": self.warning}


def _documents(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"


def interval_method(documents: int, options: Any) -> IntervalMethod:
    """The method for ``documents`` documents under ``ScoringOptions`` ``options``."""
    minimum = options.min_documents_for_interval
    unit = "documents" if documents >= minimum else "items"
    return IntervalMethod(unit, documents, options.resamples, options.confidence, options.seed, minimum)


def interval_units(outcomes: Sequence[Any], method: IntervalMethod) -> tuple[list, list | None]:
    """(units, strata) of a category's per-document outcomes (``DocumentCategory``) under ``method``.

    Documents: one row of headline counts per document, no strata. Items:
    one row per item outcome, its stratum the index of its document.
    """
    if method.unit == "documents":
        return [counts_row(o.headline) for o in outcomes], None
    units, strata = [], []
    for index, outcome in enumerate(outcomes):
        for item in outcome.items:
            units.append(counts_row(item.counts))
            strata.append(index)
    return units, strata


def counts_row(counts: Any) -> tuple[float, float, float]:
    """The ``(tp, fp, fn)`` row of a ``Counts``: one unit as the functions below take it."""
    return (counts.tp, counts.fp, counts.fn)


def f1_of(tp, fp, fn):
    """F1 of count arrays (numpy), 1.0 where there is nothing at all."""
    import numpy as np

    denominator = 2 * tp + fp + fn
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, 2 * tp / np.where(denominator > 0, denominator, 1), 1.0)


_FIELD = 21  # bits per count when the three counts of a unit are packed into one integer
_BLOCK = 250_000  # unit draws gathered at once when summing resamples


def _f1_sum(units, rows=None, packed: bool = False):
    """F1 of the summed units (of each row of ``rows``, when given); counts add up exactly in any order."""
    import numpy as np

    if rows is None:
        totals = units.sum(axis=-2)
    elif packed and _packable(units):
        # whole counts whose totals fit in 21 bits: one gather and one sum instead of three
        whole = units.astype(np.int64)
        packed_units = whole[:, 0] | whole[:, 1] << _FIELD | whole[:, 2] << 2 * _FIELD
        # a few resamples at a time, gathered into one reused buffer: it stays in the processor's cache.
        # ``take`` with ``clip`` skips the bounds check of every index (they are all drawn below the size)
        summed = np.empty(rows.shape[:-1], dtype=np.int64)
        step = max(1, _BLOCK // max(rows.shape[-1], 1))
        gathered = np.empty((min(step, len(rows)), *rows.shape[1:]), dtype=np.int64)
        for first in range(0, len(rows), step):
            block = rows[first:first + step]
            np.take(packed_units, block, out=gathered[:len(block)], mode="clip")
            gathered[:len(block)].sum(axis=-1, out=summed[first:first + len(block)])
        mask = (1 << _FIELD) - 1
        totals = np.stack([summed & mask, summed >> _FIELD & mask, summed >> 2 * _FIELD], axis=-1).astype(float)
    else:  # column by column: never builds the (resamples, units, 3) array
        totals = np.stack([units[:, k][rows].sum(axis=-1) for k in range(3)], axis=-1)
    return f1_of(totals[..., 0], totals[..., 1], totals[..., 2])


def _packable(units) -> bool:
    """Whether every count is a whole number and any resample's totals (at most every unit at its largest) fit."""
    import numpy as np

    if units.ndim != 2 or not len(units) or (units < 0).any() or (units != np.floor(units)).any():
        return False
    return bool((units.max(axis=0) * len(units) < 2 ** _FIELD).all())


def _array(units: Sequence[Sequence[float]]):
    import numpy as np

    return np.asarray(units, dtype=float).reshape(-1, 3)


def _draws(size: int, strata: Sequence[int] | None, resamples: int, seed: int):
    """Row indices of ``resamples`` bootstrap samples; each stratum resampled within itself."""
    import numpy as np

    rng = np.random.default_rng(seed)
    if strata is None:
        # 32-bit indices are drawn from the same stream as 64-bit ones (the same numbers), half the memory
        return rng.integers(0, size, size=(resamples, size), dtype=np.int32 if size < 2 ** 31 else np.int64)
    labels = np.asarray(strata)
    if labels.shape != (size,):
        raise ValueError(f"strata has {labels.size} labels for {size} units; give one per unit.")
    columns = []
    for label in sorted(set(labels.tolist())):
        members = np.flatnonzero(labels == label)
        columns.append(members[rng.integers(0, len(members), size=(resamples, len(members)))])
    return np.concatenate(columns, axis=1)


def bootstrap_ci(units: Sequence[Sequence[float]], *, resamples: int = 1000, seed: int = 0,
                 confidence: float = 0.95, strata: Sequence[int] | None = None) -> tuple[float, float]:
    """Percentile bootstrap interval of F1 over the units, containing the point; a point when there are none."""
    import numpy as np

    array = _array(units)
    point = float(_f1_sum(array))
    if len(array) == 0:
        return (point, point)
    scores = _f1_sum(array, _draws(len(array), strata, resamples, seed), packed=True)
    alpha = (1 - confidence) / 2
    low, high = np.quantile(scores, [alpha, 1 - alpha])
    return (float(min(low, point)), float(max(high, point)))


def paired_bootstrap(units_a, units_b, *, resamples: int = 1000, seed: int = 0, confidence: float = 0.95,
                     strata: Sequence[int] | None = None) -> tuple[float, tuple[float, float], float]:
    """(observed F1 difference b - a, its interval containing it, two-sided p-value)."""
    import numpy as np

    a, b = _array(units_a), _array(units_b)
    delta = float(_f1_sum(b) - _f1_sum(a))
    if len(a) == 0:
        return delta, (delta, delta), 1.0
    draws = _draws(len(a), strata, resamples, seed)
    deltas = _f1_sum(b, draws) - _f1_sum(a, draws)
    alpha = (1 - confidence) / 2
    low, high = np.quantile(deltas, [alpha, 1 - alpha])
    extreme = np.sum(np.abs(deltas - delta) >= abs(delta) - 1e-12)
    return delta, (float(min(low, delta)), float(max(high, delta))), float((extreme + 1) / (resamples + 1))


def approximate_randomization(units_a, units_b, *, resamples: int = 1000, seed: int = 0) -> float:
    """Two-sided p-value of the F1 difference by approximate randomization.

    Swapping a unit both systems scored alike changes nothing, so when the
    d discordant units allow at most ``resamples`` swap patterns (2**d) all
    of them are enumerated and the p-value is exact, without smoothing.
    """
    import numpy as np

    a, b = _array(units_a), _array(units_b)
    delta = abs(float(_f1_sum(b) - _f1_sum(a)))
    if len(a) == 0:
        return 1.0
    differing = np.flatnonzero(np.any(a != b, axis=1))
    if 2 ** len(differing) <= resamples:
        patterns = (np.arange(2 ** len(differing))[:, None] >> np.arange(len(differing))) & 1
        swap = np.zeros((len(patterns), len(a), 1), dtype=bool)
        swap[:, differing, 0] = patterns.astype(bool)
        deltas = np.abs(_f1_sum(np.where(swap, a, b)) - _f1_sum(np.where(swap, b, a)))
        return float(np.mean(deltas >= delta - 1e-12))
    rng = np.random.default_rng(seed)
    swap = rng.random((resamples, len(a), 1)) < 0.5
    left = np.where(swap, b, a)
    right = np.where(swap, a, b)
    deltas = np.abs(_f1_sum(right) - _f1_sum(left))
    extreme = np.sum(deltas >= delta - 1e-12)
    return float((extreme + 1) / (resamples + 1))


def discordant(units_a, units_b) -> tuple[int, int]:
    """(units where a does better, units where b does better), by ``tp - fp - fn`` of each unit.

    For a gold item that is hit versus missed, for a false alarm that is
    absent versus present; units where both do equally well are concordant.
    """
    better_a = better_b = 0
    for row_a, row_b in zip(units_a, units_b, strict=True):
        margin = (row_b[0] - row_b[1] - row_b[2]) - (row_a[0] - row_a[1] - row_a[2])
        better_b += margin > 0
        better_a += margin < 0
    return better_a, better_b


def exact_sign_test(units_a, units_b) -> float:
    """Exact two-sided sign (McNemar) test on the discordant units; 1.0 when there are none.

    With n discordant units of which k favour one side, p = min(1, 2 P(X <= min(k, n - k)))
    for X ~ Binomial(n, 1/2), computed in integers so it is exact.
    """
    better_a, better_b = discordant(units_a, units_b)
    n = better_a + better_b
    tail = sum(comb(n, i) for i in range(min(better_a, better_b) + 1))
    return min(1.0, 2 * tail / 2**n)
