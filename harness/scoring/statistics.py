"""Confidence intervals and paired significance tests on F1.

Units are rows of ``(tp, fp, fn)`` counts: documents when there are
several, items when there is one. F1 of a resample is computed from the
summed counts, with the conventions of ``score.rates``.

* ``bootstrap_ci``: percentile bootstrap, ``resamples`` draws of the units
  with replacement from a generator seeded with ``seed``.
* ``paired_bootstrap``: the same draws applied to both systems' units;
  interval of the F1 difference (b - a), and a two-sided p-value: the share
  of resampled differences at least as far from the observed one as the
  observed one is from 0 (the shifted null), with add-one smoothing.
* ``approximate_randomization``: each unit's two outcomes swapped with
  probability 1/2; p = share of swapped differences at least as large in
  absolute value as the observed one, with add-one smoothing.
"""

from __future__ import annotations

from typing import Sequence


def f1_of(tp, fp, fn):
    """F1 of count arrays (numpy), 1.0 where there is nothing at all."""
    import numpy as np

    denominator = 2 * tp + fp + fn
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, 2 * tp / np.where(denominator > 0, denominator, 1), 1.0)


def _f1_sum(units, rows=None):
    chosen = units if rows is None else units[rows]
    totals = chosen.sum(axis=-2)
    return f1_of(totals[..., 0], totals[..., 1], totals[..., 2])


def _array(units: Sequence[Sequence[float]]):
    import numpy as np

    array = np.asarray(units, dtype=float).reshape(-1, 3)
    return array


def bootstrap_ci(units: Sequence[Sequence[float]], *, resamples: int = 1000, seed: int = 0,
                 confidence: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of F1 over the units; a point interval when there are none."""
    import numpy as np

    array = _array(units)
    point = float(_f1_sum(array))
    if len(array) == 0:
        return (point, point)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(array), size=(resamples, len(array)))
    scores = _f1_sum(array, draws)
    alpha = (1 - confidence) / 2
    low, high = np.quantile(scores, [alpha, 1 - alpha])
    return (float(min(low, point)), float(max(high, point)))


def paired_bootstrap(units_a, units_b, *, resamples: int = 1000, seed: int = 0,
                     confidence: float = 0.95) -> tuple[float, tuple[float, float], float]:
    """(observed F1 difference b - a, its interval, two-sided p-value)."""
    import numpy as np

    a, b = _array(units_a), _array(units_b)
    delta = float(_f1_sum(b) - _f1_sum(a))
    if len(a) == 0:
        return delta, (delta, delta), 1.0
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(a), size=(resamples, len(a)))
    deltas = _f1_sum(b, draws) - _f1_sum(a, draws)
    alpha = (1 - confidence) / 2
    low, high = np.quantile(deltas, [alpha, 1 - alpha])
    extreme = np.sum(np.abs(deltas - delta) >= abs(delta) - 1e-12)
    return delta, (float(low), float(high)), float((extreme + 1) / (resamples + 1))


def approximate_randomization(units_a, units_b, *, resamples: int = 1000, seed: int = 0) -> float:
    """Two-sided p-value of the F1 difference by approximate randomization."""
    import numpy as np

    a, b = _array(units_a), _array(units_b)
    delta = abs(float(_f1_sum(b) - _f1_sum(a)))
    if len(a) == 0:
        return 1.0
    rng = np.random.default_rng(seed)
    swap = rng.random((resamples, len(a), 1)) < 0.5
    left = np.where(swap, b, a)
    right = np.where(swap, a, b)
    deltas = np.abs(_f1_sum(right) - _f1_sum(left))
    extreme = np.sum(deltas >= delta - 1e-12)
    return float((extreme + 1) / (resamples + 1))
