"""Scoring a corpus: ``evaluate`` and the result types it returns.

The result keeps per-document counts and items; every rate is derived from
their sums, so results for shards of a corpus merge by addition and equal
scoring the union.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Iterable, Mapping

from ..errors import UsageError
from ..model import CATEGORIES, Annotations
from .curves import Curve, pr_curve
from .options import ScoringOptions
from .outcomes import DocumentCategory, ItemOutcome, Leakage, add_maps
from .score import Counts, Score

HEADLINES = {
    "entities": "mention-level strict: same span and same type (name mentions unless include_pronouns)",
    "quotes": "detection: quote content matched under the configured mode",
    "figures": "span overlap and equal value",
    "events": "trigger classification: overlapping trigger and same event type",
}


def _scorers():
    from .entities import score_entities
    from .events import score_events
    from .figures import score_figures
    from .quotes import score_quotes

    return {"entities": score_entities, "quotes": score_quotes, "figures": score_figures, "events": score_events}


@dataclass(frozen=True)
class ScoringFault:
    """A document and category the scorer could not score (scored as predicting nothing)."""

    doc_id: str
    category: str
    message: str

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "category": self.category, "message": self.message}


@dataclass(frozen=True)
class CategoryResult:
    """The scores of one category over the corpus; ``tp`` ... ``ci95`` are the headline."""

    name: str
    tp: float
    fp: float
    fn: float
    precision: float
    recall: float
    f1: float
    ci95: tuple[float, float]
    subscores: Mapping[str, Score]
    per_type: Mapping[str, Score]
    macro: Mapping[str, float] | None  # None: no type with gold or predictions to average over
    leakage: Leakage
    ungrounded: int
    curve: Curve | None
    groups: Mapping[str, Mapping[str, Score]]
    tallies: Mapping[str, Mapping[str, int]]
    documents: int

    @property
    def score(self) -> Score:
        return Score(self.tp, self.fp, self.fn, self.precision, self.recall, self.f1, self.ci95)

    def confusion_matrix(self) -> tuple[list[str], list[list[int]]]:
        """Entities: gold type (rows) against predicted type (columns) for same-span mentions.

        A small count table over the tallied pairs: summed here rather than
        with a statistics library, whose import would cost every run a second.
        """
        pairs = self.tallies.get("confusion", {})
        if not pairs:
            return [], []
        cells: dict[tuple[str, str], int] = {}
        for key, count in pairs.items():
            gold, predicted = key.split("\t")
            cells[gold, predicted] = cells.get((gold, predicted), 0) + count
        labels = sorted({label for pair in cells for label in pair})
        return labels, [[cells.get((row, column), 0) for column in labels] for row in labels]

    def to_dict(self) -> dict:
        out = self.score.to_dict()
        out.pop("kind")
        out["headline"] = HEADLINES[self.name]
        out["subscores"] = {name: score.to_dict() for name, score in self.subscores.items()}
        out["per_type"] = {name: score.to_dict() for name, score in sorted(self.per_type.items())}
        out["macro"] = None if self.macro is None else dict(self.macro)
        out["micro"] = {k: out[k] for k in ("precision", "recall", "f1")}
        out["leakage"] = self.leakage.to_dict()
        out["ungrounded"] = self.ungrounded
        out["curve"] = None if self.curve is None else self.curve.to_dict()
        for group, scores in self.groups.items():
            out[f"{group}_per_type"] = {name: score.to_dict() for name, score in sorted(scores.items())}
        tallies = {name: dict(values) for name, values in self.tallies.items() if name != "confusion"}
        if tallies:
            out["semeval"] = {name.split(":", 1)[1]: values for name, values in tallies.items()}
        if "confusion" in self.tallies:
            labels, matrix = self.confusion_matrix()
            out["confusion"] = {"labels": labels, "matrix": matrix}
        out["documents"] = self.documents
        return out


class _either:
    """A method callable on the class with a list (``EvaluationResult.merge(results)``)
    or on an instance with another result (``result.merge(other)``)."""

    def __init__(self, function):
        self.function = function

    def __get__(self, instance, owner):
        if instance is None:
            return lambda results: self.function(list(results))
        return lambda *others: self.function([instance, *others])


def _macro(type_scores: Mapping[str, Score]) -> dict[str, float] | None:
    """Mean precision, recall and F1 over the types that have gold or predictions (None when none has).

    A type with neither would score 1.0 by the empty-input rule and pull the
    mean up for nothing, so it is left out.
    """
    present = [score for score in type_scores.values() if score.tp + score.fp + score.fn > 0]
    if not present:
        return None
    return {key: sum(getattr(score, key) for score in present) / len(present) for key in ("precision", "recall", "f1")}


def _sum_tallies(values: Iterable[Mapping[str, Mapping[str, int]]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for tallies in values:
        for name, table in tallies.items():
            target = out.setdefault(name, {})
            for key, count in table.items():
                target[key] = target.get(key, 0) + count
    return out


@dataclass(frozen=True)
class EvaluationResult:
    """Scores of one prediction set against gold: per-document outcomes and their aggregates.

    ``documents`` maps doc id to category to ``DocumentCategory`` (counts and
    items). ``supported`` lists the categories some record predicted; the
    others are absent from ``categories`` rather than scored as zero.
    """

    documents: Mapping[str, Mapping[str, DocumentCategory]]
    supported: tuple[str, ...]
    options: ScoringOptions = field(default_factory=ScoringOptions)
    faults: tuple[ScoringFault, ...] = ()
    unknown_documents: tuple[str, ...] = ()  # predicted documents that have no gold

    @cached_property
    def categories(self) -> dict[str, CategoryResult]:
        return {name: self._aggregate(name) for name in CATEGORIES if name in self.supported}

    @property
    def interval_method(self):
        """What the intervals resample (``statistics.IntervalMethod``), over this result's documents."""
        from .statistics import interval_method

        return interval_method(len(self.documents), self.options)

    @property
    def method(self) -> str:
        method = self.interval_method
        warning = f"; {method.warning}" if method.warning else ""
        return (f"{self.options.confidence:.0%} percentile bootstrap interval of F1: {method.describe}, "
                f"seed {self.options.seed}{warning}")

    def _aggregate(self, name: str) -> CategoryResult:
        from .statistics import bootstrap_ci, interval_units

        outcomes = [self.documents[d][name] for d in sorted(self.documents) if name in self.documents[d]]
        headline = sum((o.headline for o in outcomes), Counts())
        units, strata = interval_units(outcomes, self.interval_method)
        ci = bootstrap_ci(units, resamples=self.options.resamples, seed=self.options.seed,
                          confidence=self.options.confidence, strata=strata)
        score = Score.of(headline, ci)
        subscores: dict[str, Counts] = {}
        per_type: dict[str, Counts] = {}
        groups: dict[str, dict[str, Counts]] = {}
        rates: set[str] = set()
        leakage = Leakage()
        ungrounded = 0
        ranked: list[tuple[float, bool]] | None = []
        for o in outcomes:
            subscores = add_maps(subscores, o.subscores)
            per_type = add_maps(per_type, o.per_type)
            for group, table in o.groups.items():
                groups[group] = add_maps(groups.get(group, {}), table)
            rates |= set(o.rates)
            leakage = leakage + o.leakage
            ungrounded += o.ungrounded
            ranked = None if ranked is None or o.ranked is None else ranked + list(o.ranked)
        type_scores = {t: Score.of(c) for t, c in per_type.items()}
        macro = _macro(type_scores)
        return CategoryResult(
            name, score.tp, score.fp, score.fn, score.precision, score.recall, score.f1, ci,
            {k: Score.of(c, kind="rate" if k in rates else "prf") for k, c in subscores.items()},
            type_scores, macro, leakage, ungrounded,
            None if ranked is None else pr_curve(ranked, int(headline.tp + headline.fn)),
            {g: {t: Score.of(c) for t, c in table.items()} for g, table in groups.items()},
            _sum_tallies(o.tallies for o in outcomes), len(outcomes),
        )

    def items(self, doc_id: str, category: str) -> tuple[ItemOutcome, ...]:
        """Item outcomes of one document and category (empty when the category was not predicted)."""
        if doc_id not in self.documents:
            raise UsageError(f"no scored document {doc_id!r}; scored: {', '.join(sorted(self.documents)) or 'none'}.")
        if category not in CATEGORIES:
            raise UsageError(f"unknown category {category!r}; use one of: {', '.join(CATEGORIES)}.")
        outcome = self.documents[doc_id].get(category)
        return () if outcome is None else outcome.items

    @_either
    def merge(results: list["EvaluationResult"]) -> "EvaluationResult":  # noqa: N805 (see _either)
        """Combine results for disjoint sets of documents scored with the same options."""
        if not results:
            return EvaluationResult({}, ())
        options = results[0].options
        documents: dict[str, Mapping[str, DocumentCategory]] = {}
        for result in results:
            if result.options != options:
                raise UsageError("cannot merge results scored with different options "
                                 f"({options.to_dict()} and {result.options.to_dict()}); score them alike.")
            for doc_id, outcome in result.documents.items():
                if doc_id in documents:
                    raise UsageError(f"document {doc_id!r} is in two of the results being merged; "
                                     "merge results of disjoint shards.")
                documents[doc_id] = outcome
        supported = tuple(c for c in CATEGORIES if any(c in r.supported for r in results))
        if any(set(r.supported) != set(supported) for r in results if r.documents):
            # a shard that did not predict a category predicted nothing in it
            documents = {d: {c: o.get(c) or _nothing(c, d, results) for c in supported}
                         for d, o in documents.items()}
        return EvaluationResult(
            documents, supported, options,
            tuple(f for r in results for f in r.faults),
            tuple(sorted({u for r in results for u in r.unknown_documents})),
        )

    def to_dict(self, *, items: bool = False) -> dict:
        """JSON-safe form (no NaN or infinity); with ``items`` the item outcomes per document too."""
        out: dict[str, Any] = {
            "method": self.method,
            "interval": self.interval_method.to_dict(),
            "options": self.options.to_dict(),
            "documents": len(self.documents),
            "categories": {name: result.to_dict() for name, result in self.categories.items()},
            "unsupported": [c for c in CATEGORIES if c not in self.supported],
            "faults": [f.to_dict() for f in self.faults],
            "unknown_documents": list(self.unknown_documents),
        }
        if items:
            out["items"] = {doc_id: {c: [i.to_dict() for i in o.items] for c, o in outcome.items()}
                            for doc_id, outcome in sorted(self.documents.items())}
        return out


def _nothing(category: str, doc_id: str, results) -> DocumentCategory:
    raise UsageError(f"document {doc_id!r} has no {category} outcome: its shard did not predict {category}. "
                     "Score every shard with the same extractor.")


def evaluate(corpus: Iterable[Annotations], predictions: Mapping[str, Any],
             options: ScoringOptions | Mapping[str, Any] | None = None) -> EvaluationResult:
    """Score ``predictions`` (doc id -> ``Predictions``) against the gold ``corpus``.

    A gold document without a record predicted nothing. A category that no
    record predicts (None in every record) is left out of the result. A
    category outside a document's ``layers`` is not applicable there and has
    no outcome for it (nor does leakage for a page without regions). A
    document whose scoring fails is recorded in ``faults`` and scored as
    predicting nothing, so one bad document never stops the run.
    """
    if options is None:
        options = ScoringOptions()
    elif isinstance(options, Mapping):
        options = ScoringOptions.from_mapping(options)
    gold = list(corpus)
    ids = [a.document.id for a in gold]
    if len(set(ids)) != len(ids):
        raise UsageError("the gold has two documents with the same id; give each document its own id.")
    supported = tuple(c for c in CATEGORIES if any(getattr(r, c, None) is not None for r in predictions.values())
                      and (not gold or any(c in a.layers for a in gold)))
    scorers = _scorers()
    documents: dict[str, dict[str, DocumentCategory]] = {}
    faults: list[ScoringFault] = []
    for annotations in gold:
        doc_id = annotations.document.id
        record = predictions.get(doc_id)
        outcome = {}
        # a layer the document is not annotated for is not applicable: no outcome at all
        for category in (c for c in supported if c in annotations.layers):
            predicted = (getattr(record, category, None) if record is not None else None) or ()
            try:
                outcome[category] = scorers[category](annotations, predicted, options)
            except Exception as exc:  # one bad record must not stop the corpus
                faults.append(ScoringFault(doc_id, category, f"{type(exc).__name__}: {exc}"))
                outcome[category] = scorers[category](annotations, (), options)
            if not annotations.document.regions:  # an undivided page: leakage is not applicable
                outcome[category] = replace(outcome[category], leakage=Leakage())
        documents[doc_id] = outcome
    unknown = tuple(sorted(set(predictions) - set(ids)))
    return EvaluationResult(documents, supported, options, tuple(faults), unknown)
