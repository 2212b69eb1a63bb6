"""Krippendorff's alpha for nominal labels, with missing values.

Each unit (here: a token) has the labels of the annotators who labelled
it; a unit with fewer than two labels is not pairable and left out. From
the coincidence matrix ``o[c][k]`` (every ordered pair of labels within a
unit, weighted by ``1 / (m_u - 1)`` for a unit of ``m_u`` labels), with
``n_c`` the row sums and ``n`` their total::

    alpha = 1 - (n - 1) * sum(o[c][k] for c != k) / sum(n_c * n_k for c != k)

1 is perfect agreement, 0 agreement at chance. Alpha is undefined (None)
when there are no pairable units or every label is the same (no variation).
"""

from __future__ import annotations

from collections import Counter
from typing import Hashable, Iterable, Sequence


def krippendorff_alpha(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Nominal alpha of ``units``, each the labels given to one unit (None: that annotator gave none)."""
    coincidences: Counter = Counter()
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                coincidences[c, k] += pairs / (m - 1)
    totals: Counter = Counter()
    for (c, _), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    disagreement = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if n == 0 or expected == 0:
        return None
    return 1 - (n - 1) * disagreement / expected
