"""Paired comparison of two prediction sets on the same gold.

For each category both sets predict: F1 of each, the difference (b - a)
with a paired-bootstrap interval and p-value, an approximate-randomization
p-value, and the items one got right and the other did not. The paired
units are documents when there are several; with one document they are
the gold items and false alarms, keyed so that the same item lines up in
both sets (see ``harness.scoring.statistics``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from ..model import CATEGORIES, Annotations
from .options import ScoringOptions
from .outcomes import ItemOutcome
from .result import EvaluationResult, evaluate
from .score import Counts


@dataclass(frozen=True)
class CategoryComparison:
    """How b differs from a in one category."""

    name: str
    f1_a: float
    f1_b: float
    delta_f1: float
    ci95: tuple[float, float]
    p_value_bootstrap: float
    p_value_randomization: float
    only_a: tuple[ItemOutcome, ...]  # right in a, not in b
    only_b: tuple[ItemOutcome, ...]  # right in b, not in a
    units: int

    def to_dict(self) -> dict:
        return {"f1_a": self.f1_a, "f1_b": self.f1_b, "delta_f1": self.delta_f1, "ci95": list(self.ci95),
                "p_value_bootstrap": self.p_value_bootstrap, "p_value_randomization": self.p_value_randomization,
                "units": self.units,
                "right_in_a_only": [i.to_dict() for i in self.only_a],
                "right_in_b_only": [i.to_dict() for i in self.only_b]}


@dataclass(frozen=True)
class Comparison:
    """A paired comparison: both results and one ``CategoryComparison`` per shared category."""

    a: EvaluationResult
    b: EvaluationResult
    categories: Mapping[str, CategoryComparison]
    method: str

    def to_dict(self) -> dict:
        return {"method": self.method, "categories": {k: v.to_dict() for k, v in self.categories.items()}}


def _units(a: EvaluationResult, b: EvaluationResult, category: str) -> tuple[list, list]:
    doc_ids = sorted(a.documents)
    if len(doc_ids) > 1:
        rows_a = [a.documents[d][category].headline for d in doc_ids]
        rows_b = [b.documents[d][category].headline for d in doc_ids]
    else:
        keyed_a: dict[tuple, Counts] = {}
        keyed_b: dict[tuple, Counts] = {}
        for d in doc_ids:
            for item in a.documents[d][category].items:
                keyed_a[item.key] = keyed_a.get(item.key, Counts()) + item.counts
            for item in b.documents[d][category].items:
                keyed_b[item.key] = keyed_b.get(item.key, Counts()) + item.counts
        keys = sorted(set(keyed_a) | set(keyed_b), key=repr)
        rows_a = [keyed_a.get(k, Counts()) for k in keys]
        rows_b = [keyed_b.get(k, Counts()) for k in keys]
    return [(c.tp, c.fp, c.fn) for c in rows_a], [(c.tp, c.fp, c.fn) for c in rows_b]


def _right_only(x: EvaluationResult, y: EvaluationResult, category: str) -> tuple[ItemOutcome, ...]:
    out = []
    for doc_id in sorted(x.documents):
        hits_y = {i.key for i in y.documents[doc_id][category].items if i.status == "tp"}
        out += [i for i in x.documents[doc_id][category].items if i.status == "tp" and i.key not in hits_y]
    return tuple(out)


def compare_predictions(corpus: Iterable[Annotations], predictions_a: Mapping[str, Any],
                        predictions_b: Mapping[str, Any], options: ScoringOptions | None = None, *,
                        resamples: int = 1000, seed: int = 0) -> Comparison:
    """Score both prediction sets on ``corpus`` and test their F1 difference per category."""
    from .statistics import approximate_randomization, paired_bootstrap

    gold = list(corpus)
    options = options or ScoringOptions()
    a = evaluate(gold, predictions_a, options)
    b = evaluate(gold, predictions_b, options)
    categories = {}
    for name in CATEGORIES:
        if name not in a.categories or name not in b.categories:
            continue
        units_a, units_b = _units(a, b, name)
        delta, ci, p_bootstrap = paired_bootstrap(units_a, units_b, resamples=resamples, seed=seed,
                                                  confidence=options.confidence)
        p_randomization = approximate_randomization(units_a, units_b, resamples=resamples, seed=seed)
        categories[name] = CategoryComparison(
            name, a.categories[name].f1, b.categories[name].f1, delta, ci, p_bootstrap, p_randomization,
            _right_only(a, b, name), _right_only(b, a, name), len(units_a))
    unit = "documents" if len(gold) > 1 else "items of the one document"
    method = (f"paired bootstrap ({resamples} resamples of {unit}, seed {seed}; two-sided p from the shifted "
              f"null) and approximate randomization ({resamples} random swaps, seed {seed}); delta = b - a")
    return Comparison(a, b, categories, method)
