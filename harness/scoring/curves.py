"""Precision-recall curve, average precision and the F1-optimal threshold.

Computed when every prediction of a category carries a score. The curve is
scikit-learn's ``precision_recall_curve`` over the predictions (hit or not),
with recall rescaled to all gold items, so gold that no prediction found
keeps recall below 1; average precision is rescaled the same way (the sum
of precision times recall steps). The F1-optimal threshold is the score at
which F1 over the curve is highest (the highest such score on ties).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class Curve:
    precision: tuple[float, ...]
    recall: tuple[float, ...]
    thresholds: tuple[float, ...]
    average_precision: float
    best_threshold: float | None
    best_f1: float

    def to_dict(self) -> dict:
        return {"average_precision": self.average_precision, "best_threshold": self.best_threshold,
                "best_f1": self.best_f1, "precision": list(self.precision), "recall": list(self.recall),
                "thresholds": list(self.thresholds)}


def pr_curve(ranked: Sequence[tuple[float, bool]], gold_count: int) -> Curve | None:
    """The curve of scored predictions against ``gold_count`` gold items; None without predictions."""
    if not ranked:
        return None
    hits = sum(1 for _, hit in ranked if hit)
    if hits == 0 or gold_count == 0:
        return Curve((0.0,), (0.0,), (max(s for s, _ in ranked),), 0.0, None, 0.0)
    from sklearn.metrics import average_precision_score, precision_recall_curve

    truth = [bool(hit) for _, hit in ranked]
    scores = [float(score) for score, _ in ranked]
    found = hits / gold_count
    if all(truth):
        precision, recall, thresholds = [1.0, 1.0], [1.0, 0.0], [min(scores)]
        average = 1.0
    else:
        precision, recall, thresholds = precision_recall_curve(truth, scores)
        average = float(average_precision_score(truth, scores))
    recall = [float(r) * found for r in recall]
    best_f1, best_threshold = 0.0, None
    for p, r, t in zip(precision, recall, thresholds):
        f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
        if f1 > best_f1 or (f1 == best_f1 and best_threshold is not None and t > best_threshold):
            best_f1, best_threshold = f1, float(t)
    return Curve(tuple(float(p) for p in precision), tuple(recall), tuple(float(t) for t in thresholds),
                 average * found, best_threshold, best_f1)
