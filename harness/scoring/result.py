"""Scoring a corpus: ``evaluate`` and the result types it returns.

The result keeps per-document counts and items; every rate is derived from
their sums, so results for shards of a corpus merge by addition and equal
scoring the union.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import repeat
from operator import attrgetter, is_not, itemgetter
from types import MappingProxyType
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

    def odd_type(self) -> Any:
        """The first type that is not a string (a report keys per-type scores by type name), else None."""
        for table in (self.per_type, *self.groups.values()):
            for label in table:
                if type(label) is not str:
                    return label
        return None

    def to_dict(self) -> dict:
        odd = self.odd_type()
        if odd is not None:
            raise UsageError(f"{self.name}: type {odd!r} ({type(odd).__name__}) is not a string; a report keys "
                             f"per-type scores by type name: give every type as a string (such as {str(odd)!r}).")
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

        documents = self.documents
        doc_ids = [d for d in sorted(documents) if name in documents[d]]
        method = self.interval_method
        pending = [_pending(documents[d], name) for d in doc_ids]
        if method.unit == "items" or not any(pending):
            outcomes = [self.documents[d][name] for d in doc_ids]
            units, strata = interval_units(outcomes, method)
            parts = _Parts.of_outcomes(enumerate(outcomes), len(outcomes))
        else:
            # counted in batches: only the documents scored one by one are looked at one by one
            parts = _Parts.of_outcomes(((rank, self.documents[d][name]) for rank, (d, p) in
                                        enumerate(zip(doc_ids, pending)) if p is None), len(doc_ids))
            batches: dict[int, tuple[Any, list[int], list[int]]] = {}
            for rank, p in enumerate(pending):
                if p is not None:
                    entry = batches.get(id(p[0]))
                    if entry is None:
                        entry = batches[id(p[0])] = (p[0], [], [])
                    entry[1].append(p[1])
                    entry[2].append(rank)
            for batch, rows, ranks in batches.values():
                parts.add_batch(batch, rows, ranks)
            units, strata = parts.headlines, None
        headline = parts.headline
        ci = bootstrap_ci(units, resamples=self.options.resamples, seed=self.options.seed,
                          confidence=self.options.confidence, strata=strata)
        score = Score.of(headline, ci)
        type_scores = {t: Score.of(c) for t, c in parts.per_type.items()}
        macro = _macro(type_scores)
        ranked = parts.ranked
        return CategoryResult(
            name, score.tp, score.fp, score.fn, score.precision, score.recall, score.f1, ci,
            {k: Score.of(c, kind="rate" if k in parts.rates else "prf") for k, c in parts.subscores.items()},
            type_scores, macro, parts.leakage, parts.ungrounded,
            None if ranked is None else pr_curve(ranked, int(headline.tp + headline.fn)),
            {g: {t: Score.of(c) for t, c in table.items()} for g, table in parts.groups.items()},
            parts.tallies, len(doc_ids),
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
        for name, category in self.categories.items():
            odd = category.odd_type()
            if odd is not None:
                raise UsageError(_odd_type_message(self.documents, name, odd))
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


def _odd_type_message(documents: Mapping[str, Mapping[str, DocumentCategory]], category: str, odd: Any) -> str:
    """Where a type that is not a string was given: the first document and item bearing it."""
    fix = f"give every {category} type, gold and predicted, as a string (such as {str(odd)!r})"
    for doc_id in sorted(documents):
        outcomes = documents[doc_id]
        if _pending(outcomes, category) is not None:  # counted in a batch, which only counts string types
            continue
        outcome = outcomes.get(category)
        for item in () if outcome is None else outcome.items:
            if type(item.label) is type(odd) and item.label == odd:
                gold = item.status in ("tp", "fn") and item.gold is not None
                span = item.gold if gold else item.predicted
                where = (f"{span.text!r} at [{span.start}, {span.end})" if span is not None
                         else repr(item.description))
                return (f"document {doc_id!r}: the {'gold' if gold else 'predicted'} {category} item {where} has "
                        f"type {odd!r} ({type(odd).__name__}), not a string; a report keys per-type scores by "
                        f"type name: {fix}.")
    return f"{category}: type {odd!r} ({type(odd).__name__}) is not a string; {fix}."


def _pending(outcomes: Mapping[str, DocumentCategory], category: str) -> tuple | None:
    return outcomes.deferred(category) if isinstance(outcomes, Outcomes) else None


class _Parts:
    """The sums a category result is made of, gathered from documents in the order of their ids.

    Documents scored one by one are added as they are; documents counted in
    a batch are added column by column. Where the order of addition shows
    (the order types are listed in, which the macro average sums in), each
    entry remembers where it first appeared: (document rank, place within
    the document).
    """

    def __init__(self, documents: int) -> None:
        import numpy as np

        self.headlines = np.zeros((documents, 3))
        self.headline = Counts()
        self.subscores: dict[str, Counts] = {}
        self.rates: set[str] = set()
        self.leakage = Leakage()
        self.ungrounded = 0
        self.groups: dict[str, dict[str, Counts]] = {}
        self._per_type: dict[str, Counts] = {}
        self._first: dict[str, tuple[int, int]] = {}
        self._tallies: list[tuple[tuple[int, int], Mapping[str, Mapping[str, int]]]] = []
        self._ranked: list[tuple[int, list]] | None = []

    @classmethod
    def of_outcomes(cls, outcomes: Iterable[tuple[int, DocumentCategory]], documents: int) -> "_Parts":
        parts = cls(documents)
        for rank, outcome in outcomes:
            parts.add(rank, outcome)
        return parts

    def add(self, rank: int, o: DocumentCategory) -> None:
        headline = o.headline
        self.headlines[rank] = (headline.tp, headline.fp, headline.fn)
        self.headline = self.headline + headline
        self.subscores = add_maps(self.subscores, o.subscores)
        for place, (label, counts) in enumerate(o.per_type.items()):
            self._add_type(label, counts, (rank, place))
        for group, table in o.groups.items():
            self.groups[group] = add_maps(self.groups.get(group, {}), table)
        self.rates |= set(o.rates)
        self.leakage = self.leakage + o.leakage
        self.ungrounded += o.ungrounded
        self._tallies.append(((rank, 0), o.tallies))
        if self._ranked is not None:
            self._ranked = None if o.ranked is None else self._ranked + [(rank, list(o.ranked))]

    def _add_type(self, label: str, counts: Counts, first: tuple[int, int]) -> None:
        self._per_type[label] = self._per_type.get(label, Counts()) + counts
        if label not in self._first or first < self._first[label]:
            self._first[label] = first

    def add_batch(self, batch, rows: list[int], ranks: list[int]) -> None:
        """Add the documents of ``batch`` (an ``EntityBatch``) at ``rows``, whose ranks are ``ranks``."""
        import numpy as np

        from .semeval import SemEvalCounts

        rows_at, ranks_at = np.asarray(rows), np.asarray(ranks)
        rank_of = np.full(len(batch.fast), -1)
        rank_of[rows_at] = ranks_at
        self.headlines[ranks_at] = batch.headline[rows_at]
        self.headline = self.headline + Counts(*(int(x) for x in batch.headline[rows_at].sum(axis=0)))
        semeval = batch.semeval[rows_at].sum(axis=0)
        chosen = rank_of[batch.entity_job] >= 0
        level = _type_sums(batch, batch.entity_type[chosen], batch.entity_kind[chosen])
        sums = {scheme: SemEvalCounts(*(int(x) for x in semeval[k])) for k, scheme in
                enumerate(("strict", "exact", "partial", "type"))}
        self.subscores = add_maps(self.subscores, {**{k: v.counts for k, v in sums.items()},
                                                   "entity_level": sum(level.values(), Counts())})
        self.groups["entity_level"] = add_maps(self.groups.get("entity_level", {}), level)
        self.leakage = self.leakage + Leakage(*(int(x) for x in batch.leakage[rows_at].sum(axis=0)))
        chosen = rank_of[batch.tally_job] >= 0
        tally_rank, tally_order = rank_of[batch.tally_job][chosen], batch.tally_order[chosen]
        tally_type, tally_kind = batch.tally_type[chosen], batch.tally_kind[chosen]
        # where each type first appears: the smallest (rank, order), as one integer
        width = int(tally_order.max()) + 1 if len(tally_order) else 1
        first = np.full(len(batch.types), np.iinfo(np.int64).max)
        np.minimum.at(first, tally_type, tally_rank * width + tally_order)
        for label, counts in _type_sums(batch, tally_type, tally_kind).items():
            at = int(first[batch.types.index(label)])
            self._add_type(label, counts, (at // width, at % width))
        confusion: dict[str, int] = {}
        chosen = rank_of[batch.confusion_job] >= 0
        pairs = batch.confusion_gold[chosen] * len(batch.types) + batch.confusion_predicted[chosen]
        for pair, count in zip(*(x.tolist() for x in np.unique(pairs, return_counts=True))):
            confusion[f"{batch.types[pair // len(batch.types)]}\t{batch.types[pair % len(batch.types)]}"] = count
        first_rank = int(ranks_at.min()) if len(ranks_at) else 0
        self._tallies.append(((first_rank, -1), {**{f"semeval:{k}": v.to_dict() for k, v in sums.items()},
                                                 "confusion": confusion}))
        if self._ranked is not None:
            if not batch.ranked_ok[rows_at].all():
                self._ranked = None
                return
            chosen = np.flatnonzero(rank_of[batch.ranked_job] >= 0)
            r_rank = rank_of[batch.ranked_job][chosen]
            order = chosen[np.lexsort((batch.ranked_order[chosen], batch.ranked_hit[chosen],
                                       batch.ranked_key[chosen], r_rank))]
            scored = list(zip(map(batch.ranked_score.__getitem__, batch.ranked_order[order].tolist()),
                              batch.ranked_hit[order].tolist()))
            ranks_sorted = rank_of[batch.ranked_job][order].tolist()
            start = 0
            for end in range(1, len(scored) + 1):
                if end == len(scored) or ranks_sorted[end] != ranks_sorted[start]:
                    self._ranked.append((ranks_sorted[start], scored[start:end]))
                    start = end

    @property
    def per_type(self) -> dict[str, Counts]:
        return {label: self._per_type[label] for label in sorted(self._first, key=self._first.__getitem__)}

    @property
    def tallies(self) -> dict[str, dict[str, int]]:
        return _sum_tallies(t for _, t in sorted(self._tallies, key=lambda entry: entry[0]))

    @property
    def ranked(self) -> list[tuple[float, bool]] | None:
        if self._ranked is None:
            return None
        return [pair for _, pairs in sorted(self._ranked, key=lambda entry: entry[0]) for pair in pairs]


def _type_sums(batch, codes, kinds) -> dict[str, Counts]:
    """Counts per type name of batch tally rows (kind 0 tp, 1 fp, 2 fn)."""
    import numpy as np

    sums = np.bincount(codes * 3 + kinds, minlength=3 * len(batch.types)).reshape(-1, 3)
    present = np.flatnonzero(sums.any(axis=1)).tolist()
    return {batch.types[code]: Counts(*(int(x) for x in sums[code])) for code in present}


def _nothing(category: str, doc_id: str, results) -> DocumentCategory:
    raise UsageError(f"document {doc_id!r} has no {category} outcome: its shard did not predict {category}. "
                     "Score every shard with the same extractor.")


def _score_one(category: str, annotations: Annotations, predicted, options: ScoringOptions,
               faults: list[ScoringFault]) -> DocumentCategory:
    """One document's outcome in one category by its exact scorer (a failure is a fault, scored as nothing)."""
    scorer = _scorers()[category]
    try:
        outcome = scorer(annotations, predicted, options)
    except Exception as exc:  # one bad record must not stop the corpus
        faults.append(ScoringFault(annotations.document.id, category, f"{type(exc).__name__}: {exc}"))
        try:
            outcome = scorer(annotations, (), options)
        except Exception as gold_exc:  # not even nothing can be scored: the gold is at fault, stop
            from .gold_offsets import offset_problem

            raise UsageError(offset_problem(annotations, category) or (
                f"gold document {annotations.document.id!r} cannot be scored for {category} "
                f"({type(gold_exc).__name__}: {gold_exc}); check its {category} with `harness validate`."
            )) from None
    if not annotations.document.regions:  # an undivided page: leakage is not applicable
        outcome = replace(outcome, leakage=Leakage())
    return outcome


_NO_OUTCOMES: Mapping[str, DocumentCategory] = MappingProxyType({})


class Outcomes(Mapping):
    """One document's outcomes by category, where the entity outcome was counted in a corpus batch.

    The counts the aggregates need are in the batch already; the full
    ``DocumentCategory`` (item outcomes included) is computed by the exact
    scorer the first time it is asked for, and kept. Both give the same
    counts (see ``batch.py``). Slots, and nothing allocated per document
    beyond this object, keep a large corpus from waking the garbage collector.
    """

    __slots__ = ("_annotations", "_outcome", "_batch", "_job", "_predicted", "_options")

    def __init__(self, annotations: Annotations, outcome: dict[str, DocumentCategory] | None, batch, job: int,
                 predicted, options: ScoringOptions) -> None:
        self._annotations = annotations
        self._outcome = outcome  # None until an outcome is computed: no empty dict per document
        self._batch, self._job, self._predicted = batch, job, predicted
        self._options = options

    def _computed(self) -> Mapping[str, DocumentCategory]:
        return self._outcome if self._outcome is not None else _NO_OUTCOMES

    def deferred(self, category: str) -> tuple | None:
        """``(batch, job)`` when ``category`` is counted in a batch and not computed yet, else None."""
        if category != "entities" or "entities" in self._computed():
            return None
        return self._batch, self._job

    def __getitem__(self, category: str) -> DocumentCategory:
        if category not in self._computed():
            if category != "entities":
                raise KeyError(category)
            if self._outcome is None:
                self._outcome = {}
            self._outcome[category] = _score_one(category, self._annotations, self._predicted, self._options, [])
        return self._outcome[category]

    def __iter__(self):
        computed = self._computed()
        return (c for c in CATEGORIES if c == "entities" or c in computed)

    def __len__(self) -> int:
        computed = self._computed()
        return len(computed) + ("entities" not in computed)

    def __contains__(self, category) -> bool:
        return category == "entities" or category in self._computed()

    def __repr__(self) -> str:
        return f"Outcomes({self._annotations.document.id!r}, {list(self)})"


def _predicted(records: list, category: str) -> bool:
    """Whether some record predicts ``category`` (has it, not None); without a Python loop when all have the field."""
    try:
        return any(map(is_not, map(attrgetter(category), records), repeat(None)))
    except AttributeError:  # a record of another shape
        return any(getattr(r, category, None) is not None for r in records)


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
    records = list(predictions.values())
    supported = tuple(c for c in CATEGORIES
                      if _predicted(records, c) and (not gold or any(c in a.layers for a in gold)))
    others = tuple(c for c in supported if c != "entities")
    jobs: list = []
    job_of: dict[str, int] = {}
    if "entities" in supported:  # counted in blocks of documents where no choice is to be made
        annotated = [(a, doc_id) for a, doc_id in zip(gold, ids) if "entities" in a.layers]
        record_of = predictions.get  # a missing record (None) has no entities: predicted nothing
        jobs = [(a, getattr(record_of(doc_id), "entities", None) or (), bool(a.document.regions))
                for a, doc_id in annotated]
        job_of = {doc_id: job for job, (_, doc_id) in enumerate(annotated)}
    from .batch import score_entity_blocks

    fast: list[bool] = []
    owner: list = []  # the batch that counted each job, and the job's row in it
    rows: list[int] = []
    for _, batch in score_entity_blocks(jobs, options):
        fast += batch.fast.tolist()
        owner += [batch] * len(batch.fast)
        rows += range(len(batch.fast))
    faults: list[ScoringFault] = []
    if not others and len(jobs) == len(gold) and all(fast):  # every document counted: no choice to make per document
        documents: dict[str, Mapping[str, DocumentCategory]] = dict(zip(ids, map(
            Outcomes, gold, repeat(None), owner, rows, map(itemgetter(1), jobs), repeat(options))))
        return EvaluationResult(documents, supported, options, (), _unknown(predictions, ids))
    documents = {}
    for annotations, doc_id in zip(gold, ids):
        job = job_of.get(doc_id)
        counted = job is not None and fast[job]  # entities counted in the batch, computed when asked for
        if counted and not others:
            documents[doc_id] = Outcomes(annotations, None, owner[job], rows[job], jobs[job][1], options)
            continue
        record = predictions.get(doc_id)
        outcome: dict[str, DocumentCategory] | None = None
        # a layer the document is not annotated for is not applicable: no outcome at all
        for category in (c for c in supported if c in annotations.layers):
            if counted and category == "entities":
                continue
            predicted = (getattr(record, category, None) if record is not None else None) or ()
            if outcome is None:
                outcome = {}
            outcome[category] = _score_one(category, annotations, predicted, options, faults)
        if counted:
            documents[doc_id] = Outcomes(annotations, outcome, owner[job], rows[job], jobs[job][1], options)
        else:
            documents[doc_id] = outcome if outcome is not None else {}
    return EvaluationResult(documents, supported, options, tuple(faults), _unknown(predictions, ids))


def _unknown(predictions: Mapping[str, Any], ids: list[str]) -> tuple[str, ...]:
    """The predicted documents that have no gold, in order."""
    return tuple(sorted(set(predictions) - set(ids)))
