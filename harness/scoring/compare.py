"""Paired comparison of two prediction sets on the same gold.

For each category both sets predict: F1 of each, the difference (b - a)
with a paired-bootstrap interval and p-value, an approximate-randomization
p-value, the exact sign (McNemar) test on the items one set got right and
the other did not, and those items. The paired units follow
``statistics.interval_method``: documents when there are at least
``min_documents_for_interval``, else the gold items and false alarms of
each document, keyed so that the same item lines up in both sets (a gold
item is one unit whether hit or missed). On items the resampling tests are
never more confident than the exact test: their p-values are at least its
p-value, and the interval of the difference contains 0 whenever the exact
test does not reject at the interval's level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from ..model import CATEGORIES, Annotations
from .options import ScoringOptions
from .outcomes import ItemOutcome
from .result import EvaluationResult, evaluate
from .score import Counts
from .statistics import IntervalMethod, counts_row


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
    p_value_exact: float = 1.0  # exact sign test on the discordant items
    discordant: tuple[int, int] = (0, 0)  # items where a does better, where b does better
    false_alarms_a_only: tuple[ItemOutcome, ...] = ()  # false alarms of a that b does not make
    false_alarms_b_only: tuple[ItemOutcome, ...] = ()  # false alarms of b that a does not make

    def to_dict(self) -> dict:
        return {"f1_a": self.f1_a, "f1_b": self.f1_b, "delta_f1": self.delta_f1, "ci95": list(self.ci95),
                "p_value_bootstrap": self.p_value_bootstrap, "p_value_randomization": self.p_value_randomization,
                "p_value_exact": self.p_value_exact, "discordant": list(self.discordant),
                "units": self.units,
                "right_in_a_only": [i.to_dict() for i in self.only_a],
                "right_in_b_only": [i.to_dict() for i in self.only_b],
                "false_alarms_in_a_only": [i.to_dict() for i in self.false_alarms_a_only],
                "false_alarms_in_b_only": [i.to_dict() for i in self.false_alarms_b_only]}


@dataclass(frozen=True)
class Comparison:
    """A paired comparison: both results and one ``CategoryComparison`` per shared category."""

    a: EvaluationResult
    b: EvaluationResult
    categories: Mapping[str, CategoryComparison]
    method: str
    interval: IntervalMethod | None = None

    def to_dict(self) -> dict:
        interval = None if self.interval is None else self.interval.to_dict()
        return {"method": self.method, "interval": interval,
                "categories": {k: v.to_dict() for k, v in self.categories.items()}}


def _item_units(a: EvaluationResult, b: EvaluationResult, category: str) -> tuple[list, list, list]:
    """Paired item rows of both sets, and the index of each row's document."""
    rows_a, rows_b, strata = [], [], []
    for index, doc_id in enumerate(sorted(a.documents)):
        keyed_a: dict[tuple, Counts] = {}
        keyed_b: dict[tuple, Counts] = {}
        for item in a.documents[doc_id][category].items:
            keyed_a[item.key] = keyed_a.get(item.key, Counts()) + item.counts
        for item in b.documents[doc_id][category].items:
            keyed_b[item.key] = keyed_b.get(item.key, Counts()) + item.counts
        for key in sorted(set(keyed_a) | set(keyed_b), key=repr):
            rows_a.append(counts_row(keyed_a.get(key, Counts())))
            rows_b.append(counts_row(keyed_b.get(key, Counts())))
            strata.append(index)
    return rows_a, rows_b, strata


def _units(a: EvaluationResult, b: EvaluationResult, category: str,
           method: IntervalMethod | None = None) -> tuple[list, list, list | None]:
    """The paired units of both sets under ``method`` (by default a's), and their strata.

    Documents: one row per document, no strata. Items: one row per gold
    item or false alarm of either set, stratified by document.
    """
    from .statistics import interval_units

    method = method or a.interval_method
    if method.unit == "items":
        return _item_units(a, b, category)
    doc_ids = sorted(a.documents)
    units_a, _ = interval_units([a.documents[d][category] for d in doc_ids], method)
    units_b, _ = interval_units([b.documents[d][category] for d in doc_ids], method)
    return units_a, units_b, None


def _compare_category(a: EvaluationResult, b: EvaluationResult, name: str, method: IntervalMethod
                      ) -> CategoryComparison:
    from .statistics import approximate_randomization, discordant, exact_sign_test, paired_bootstrap

    items_a, items_b, _ = _item_units(a, b, name)
    p_exact = exact_sign_test(items_a, items_b)
    units_a, units_b, unit_strata = _units(a, b, name, method)
    delta, ci, p_bootstrap = paired_bootstrap(units_a, units_b, resamples=method.resamples, seed=method.seed,
                                              confidence=method.confidence, strata=unit_strata)
    p_randomization = approximate_randomization(units_a, units_b, resamples=method.resamples, seed=method.seed)
    if method.unit == "items":
        # items of a few documents are not independent draws: claim no more than the discordant items support
        p_bootstrap, p_randomization = max(p_bootstrap, p_exact), max(p_randomization, p_exact)
        if p_exact >= 1 - method.confidence:
            ci = (min(ci[0], 0.0), max(ci[1], 0.0))
    return CategoryComparison(
        name, a.categories[name].f1, b.categories[name].f1, delta, ci, p_bootstrap, p_randomization,
        _right_only(a, b, name), _right_only(b, a, name), len(units_a), p_exact, discordant(items_a, items_b),
        _false_only(a, b, name), _false_only(b, a, name))


def _right_only(x: EvaluationResult, y: EvaluationResult, category: str) -> tuple[ItemOutcome, ...]:
    out = []
    for doc_id in sorted(x.documents):
        hits_y = {i.key for i in y.documents[doc_id][category].items if i.status == "tp"}
        out += [i for i in x.documents[doc_id][category].items if i.status == "tp" and i.key not in hits_y]
    return tuple(out)


def _false_only(x: EvaluationResult, y: EvaluationResult, category: str) -> tuple[ItemOutcome, ...]:
    """The false alarms of ``x`` (in boilerplate too) that ``y`` does not make, by the same key."""
    def false(item: ItemOutcome) -> bool:
        return item.status not in ("tp", "fn")

    out = []
    for doc_id in sorted(x.documents):
        alarms_y = {i.key for i in y.documents[doc_id][category].items if false(i)}
        out += [i for i in x.documents[doc_id][category].items if false(i) and i.key not in alarms_y]
    return tuple(out)


def compare_predictions(corpus: Iterable[Annotations], predictions_a: Mapping[str, Any],
                        predictions_b: Mapping[str, Any], options: ScoringOptions | None = None, *,
                        resamples: int | None = None, seed: int | None = None) -> Comparison:
    """Score both prediction sets on ``corpus`` and test their F1 difference per category.

    ``resamples`` and ``seed`` default to those of ``options``.
    """
    from .statistics import interval_method

    gold = list(corpus)
    options = options or ScoringOptions()
    changes = {k: v for k, v in (("resamples", resamples), ("seed", seed)) if v is not None}
    if changes:
        options = options.replace(**changes)
    a = evaluate(gold, predictions_a, options)
    b = evaluate(gold, predictions_b, options)
    method = interval_method(len(gold), options)
    categories = {name: _compare_category(a, b, name, method) for name in CATEGORIES
                  if name in a.categories and name in b.categories}
    return Comparison(a, b, categories, comparison_method(method), method)


def comparison_method(method: IntervalMethod) -> str:
    """The paired tests of ``method``, in words (the comparison's ``method``)."""
    text = (f"paired {method.describe}, seed {method.seed}; two-sided p from the shifted null; approximate "
            f"randomization ({method.resamples} random swaps); exact sign test on the discordant items; "
            "delta = b - a")
    if method.optimistic:
        text += (f"; {method.warning}, so the p-values are never below the exact test's and the interval "
                 "contains 0 unless the exact test rejects")
    return text
