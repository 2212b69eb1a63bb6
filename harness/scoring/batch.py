"""Entity scoring of many documents at once (numpy), for the documents where no choice is made.

``score_entities`` (entities.py) is the exact scorer of one document. Most
documents never need its choices: every prediction carries offsets, no two
predictions name the same mention, and each prediction overlaps at most one
gold mention and each gold mention at most one prediction, so the maximum
matching is simply every overlapping pair. For those documents this module
computes the same counts as ``score_entities`` with array operations over
a block of documents at once (``score_entity_blocks``): overlaps by binary
search over the sorted spans (O(n log n)), boilerplate shares from prefix
sums of the boilerplate regions, entity-level names normalised once per
distinct string and looked up by sorted integer keys.

Any other document (a text-only or unplaced prediction, a duplicate
mention, an empty span, a contested overlap, a value of an unexpected
type ...) is left to the exact scorer, which is also what computes the
item outcomes of every document when they are asked for.
``tests/scoring/test_properties_batch_equals_exact.py`` checks that both
give the same numbers.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from itertools import chain, islice
from operator import attrgetter, itemgetter
from typing import Any, Sequence

import numpy as np

from .normalize import normalize_name

_SCORES = (int, float, type(None))
_INT64_MIN, _INT64_MAX = -(2 ** 63), 2 ** 63 - 1
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_ENTITIES = attrgetter("entities")


@dataclass(frozen=True, eq=False)
class EntityBatch:
    """Counts of the documents scored here, as arrays indexed by job (a job not ``fast`` holds zeros).

    Tally events are ``(job, type, kind)`` rows, kind 0 a true positive, 1
    a false positive, 2 a false negative; the per-type ones carry
    ``order``, their place in the exact scorer's tally sequence of their
    document, so that types are listed in the order it lists them.
    """

    fast: np.ndarray  # bool per job
    headline: np.ndarray  # (jobs, 3) tp, fp, fn
    semeval: np.ndarray  # (jobs, 4, 5): strict, exact, partial, type x correct ... spurious
    leakage: np.ndarray  # (jobs, 3)
    ranked_ok: np.ndarray  # bool per job: every prediction carried a score
    types: tuple[str, ...]
    tally_job: np.ndarray
    tally_type: np.ndarray
    tally_kind: np.ndarray
    tally_order: np.ndarray
    entity_job: np.ndarray
    entity_type: np.ndarray
    entity_kind: np.ndarray
    confusion_job: np.ndarray
    confusion_gold: np.ndarray
    confusion_predicted: np.ndarray
    ranked_job: np.ndarray
    ranked_key: np.ndarray  # float score
    ranked_hit: np.ndarray
    ranked_order: np.ndarray  # place in the canonical order of predicted mentions, also an index of ranked_score
    ranked_score: list  # the scores as given, of every predicted mention

    @classmethod
    def nothing(cls, jobs: int) -> "EntityBatch":
        """A batch that scored none of ``jobs`` jobs (all are left to the exact scorer)."""
        empty = np.zeros(0, dtype=np.int64)
        return cls(np.zeros(jobs, dtype=bool), np.zeros((jobs, 3), np.int64), np.zeros((jobs, 4, 5), np.int64),
                   np.zeros((jobs, 3), np.int64), np.zeros(jobs, dtype=bool), (), empty, empty,
                   empty, empty, empty, empty, empty, empty, empty, empty,
                   empty, np.zeros(0), np.zeros(0, dtype=bool), empty, ())


BLOCK_ITEMS = 40_000  # gold entities and predictions scored together in one block


def score_entity_blocks(jobs: Sequence[tuple[Any, Sequence[Any], bool]], options) -> list[tuple[int, EntityBatch]]:
    """``score_entity_batch`` over blocks of consecutive jobs: ``(first job, batch)`` of each block.

    A block holds about ``BLOCK_ITEMS`` entities and predictions (a job is
    never split). Its arrays stay in the processor's cache, and the memory one
    block frees is reused by the next instead of being asked from the system
    again, which at 5,000 documents cost about a quarter of the time.
    """
    sizes = (np.fromiter(map(len, map(_ENTITIES, map(_FIRST, jobs))), dtype=np.int64, count=len(jobs))
             + np.fromiter(map(len, map(_SECOND, jobs)), dtype=np.int64, count=len(jobs)))
    ends = np.cumsum(sizes)
    firsts, first = [], 0
    while first < len(jobs):
        firsts.append(first)
        # the next block starts after the job that reaches BLOCK_ITEMS items past this block's start
        reached = int(np.searchsorted(ends, (ends[first - 1] if first else 0) + BLOCK_ITEMS, side="left"))
        first = max(first + 1, min(reached + 1, len(jobs)))
    tables = _Tables()  # shared by the blocks: a value one block has coded is not coded again
    return [(start, score_entity_batch(jobs[start:end], options, tables))
            for start, end in zip(firsts, firsts[1:] + [len(jobs)])]


def score_entity_batch(jobs: Sequence[tuple[Any, Sequence[Any], bool]], options,
                       tables: "_Tables | None" = None) -> EntityBatch:
    """Score ``(annotations, predicted entities, leakage applies)`` jobs; see the module docstring.

    A value of an unexpected type leaves its job to the exact scorer; one the
    batch cannot even code (a name that is not a string, an unhashable value)
    leaves every job of the call to it rather than guessing what it would do.
    ``tables`` carries the codes of earlier blocks of the same corpus.
    """
    if not jobs:
        return EntityBatch.nothing(0)
    try:
        return _score(jobs, options, tables if tables is not None else _Tables())
    except (TypeError, ValueError, AttributeError, OverflowError):
        return EntityBatch.nothing(len(jobs))


class _Keys(dict):
    """Raw name -> integer key of its normalised form; each distinct raw string is normalised once."""

    def __init__(self) -> None:
        super().__init__()
        self.normal: dict[str, int] = {}

    def __missing__(self, raw: str) -> int:
        key = self.normal.setdefault(normalize_name(raw), len(self.normal))
        self[raw] = key
        return key


class _Tables:
    """The codes of types, ids and names, shared by the blocks of one corpus, and the ranks of the ids
    (recomputed only when a block brings new ones)."""

    def __init__(self) -> None:
        self.types, self.ids, self.keys = _Codes(), _Codes(), _Keys()
        self._distinct: list = []
        self._ranks: tuple[int, dict, np.ndarray] | None = None

    def distinct_ids(self) -> list:
        """Every id coded so far, in the order of its code."""
        if len(self._distinct) < len(self.ids):
            self._distinct.extend(islice(self.ids, len(self._distinct), None))
        return self._distinct

    def id_ranks(self) -> dict:
        """Id -> its rank among every id coded so far (see ``_ranks``)."""
        return self._ranked()[1]

    def rank_of_code(self) -> np.ndarray:
        """The rank of each id code."""
        return self._ranked()[2]

    def _ranked(self) -> tuple[int, dict, np.ndarray]:
        if self._ranks is None or self._ranks[0] != len(self.ids):
            distinct = self.distinct_ids()
            rank_of = _ranks(distinct)
            self._ranks = (len(distinct), rank_of, _codes(distinct, rank_of))
        return self._ranks


class _Codes(dict):
    """Value -> integer code in the order values first appear: distinct values and codes in one pass."""

    def __missing__(self, value) -> int:
        code = self[value] = len(self)
        return code


def _lengths(collections: list) -> np.ndarray:
    return np.fromiter(map(len, collections), dtype=np.int64, count=len(collections))


def _flag(jobs: int, job_of: np.ndarray, mask: np.ndarray) -> np.ndarray:
    flags = np.zeros(jobs, dtype=bool)
    flags[job_of[mask]] = True
    return flags


def _overlapping(starts: np.ndarray, ends: np.ndarray, q_start: np.ndarray, q_end: np.ndarray,
                 starts_sorted: bool = False) -> np.ndarray:
    """How many of the non-empty spans ``starts, ends`` each non-empty query span overlaps."""
    return (np.searchsorted(starts if starts_sorted else np.sort(starts), q_end, side="left")
            - np.searchsorted(_sorted(ends), q_start, side="right"))


def _sorted(values: np.ndarray) -> np.ndarray:
    """``values`` sorted; checked first, since the ends of spans in order of their starts usually are."""
    return values if len(values) < 2 or bool((values[1:] >= values[:-1]).all()) else np.sort(values)


def _order(keys: np.ndarray, bound: int) -> np.ndarray:
    """A stable argsort of integer ``keys`` in ``[0, bound)``.

    When the index fits under the key in 63 bits, key and index are sorted as
    one integer: numpy sorts plain integers several times faster than it
    argsorts them, and the index breaks ties in the order given.
    """
    size = len(keys)
    if size < 2 or bool((keys[1:] >= keys[:-1]).all()):  # sorted already, as gold often is
        return np.arange(size)
    if bound * size < 2 ** 62:
        return np.sort(keys * size + np.arange(size)) % size
    return np.argsort(keys, kind="stable")


def _distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of an integer array (``np.unique``, which hashes first, is slower here)."""
    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return ordered[first]


def _canonical(starts: np.ndarray, ends: np.ndarray, types: np.ndarray) -> np.ndarray:
    """Indices that put spans in canonical order: by start, end, then type (codes follow the names' order)."""
    if not len(starts):
        return np.zeros(0, dtype=np.int64)
    low, width = int(starts.min()), int((ends - starts).max()) + 1
    kinds = int(types.max()) + 1
    bound = (int(starts.max()) - low + 1) * width * kinds
    if bound < 2 ** 62:  # one integer key sorts faster than three
        return _order(((starts - low) * width + (ends - starts)) * kinds + types, bound)
    return np.lexsort((types, ends, starts))


def _boilerplate(documents, offsets: np.ndarray):
    """A function telling, for global spans, whether each is in boilerplate (``Document.in_boilerplate``)."""
    lefts, rights = [], []
    for index, document in enumerate(documents):
        parts = [(r.start, r.end) for r in document.regions if r.kind == "boilerplate"]
        if not parts:
            continue
        parts.sort()
        size, base = len(document.text), int(offsets[index])
        merged: list[list[int]] = []
        for left, right in parts:
            left, right = max(0, left), min(size, right)  # spans lie in the text: nothing outside counts
            if right <= left:
                continue
            if merged and left <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], right)
            else:
                merged.append([left, right])
        for left, right in merged:
            lefts.append(base + left)
            rights.append(base + right)
    if not lefts:
        return lambda s, e: np.zeros(len(s), dtype=bool)
    left_at, right_at = np.array(lefts, dtype=np.int64), np.array(rights, dtype=np.int64)
    before = np.concatenate(([0], np.cumsum(right_at - left_at)[:-1]))

    def covered(x: np.ndarray) -> np.ndarray:  # boilerplate characters before offset x
        k = np.searchsorted(left_at, x, side="right") - 1
        at = np.maximum(k, 0)
        inside = before[at] + np.clip(x - left_at[at], 0, right_at[at] - left_at[at])
        return np.where(k >= 0, inside, 0)

    return lambda s, e: (covered(e) - covered(s)) * 2 > (e - s)


def _ints(values: list) -> np.ndarray:
    return np.fromiter(values, dtype=np.int64, count=len(values))


def _ranks(ids) -> dict:
    """Each distinct entity id -> its rank in Python's order of strings; an id of another type (its document is
    left to the exact scorer) ranks after them, so one such id never stops the ranking of the others."""
    names = sorted(i for i in ids if type(i) is str)
    others = [i for i in ids if type(i) is not str]
    return {entity_id: rank for rank, entity_id in enumerate(names + others)}


def _codes(values: list, table: dict) -> np.ndarray:
    return np.fromiter(map(table.__getitem__, values), dtype=np.int64, count=len(values))


def _score(jobs, options, tables: "_Tables") -> EntityBatch:
    n = len(jobs)
    include_all = options.include_pronouns
    job_index = np.arange(n)
    documents = [annotations.document for annotations, _, _ in jobs]
    lengths = np.fromiter((len(d.text) for d in documents), dtype=np.int64, count=n)
    # each document gets its own stretch of one global axis, so spans of two documents never meet
    offsets = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    leaks = np.fromiter((leak for _, _, leak in jobs), dtype=bool, count=n)
    in_boilerplate = _boilerplate(documents, offsets)

    entity_lists = list(map(_ENTITIES, map(_FIRST, jobs)))
    entities = list(chain.from_iterable(entity_lists))
    entity_job = np.repeat(job_index, _lengths(entity_lists))
    # One comprehension per attribute: the interpreter specialises ``x.name`` on slotted objects, which
    # makes this faster than ``map(attrgetter(name), ...)`` or reading every attribute in one pass. Types,
    # ids and names become integer codes as they are read (codes in order of first appearance; names by
    # their normalised form), so no list of the strings themselves is built and freed.
    type_seen, id_seen, keys = tables.types, tables.ids, tables.keys
    known_ids = len(id_seen)
    e_first = _ints([type_seen[e.type] for e in entities])
    id_first = _ints([id_seen[e.id] for e in entities])
    canonical_key = _ints([keys[e.canonical_name] for e in entities])
    mention_lists, alias_lists = [e.mentions for e in entities], [e.aliases for e in entities]
    mentions = list(chain.from_iterable(mention_lists))
    mention_entity = np.repeat(np.arange(len(entities)), _lengths(mention_lists))
    mention_job = entity_job[mention_entity]
    prediction_lists = [predicted for _, predicted, _ in jobs]
    predictions = list(chain.from_iterable(prediction_lists))
    prediction_job = np.repeat(job_index, _lengths(prediction_lists))

    m_start, m_end, m_form = [m.start for m in mentions], [m.end for m in mentions], [m.form for m in mentions]
    m_key = _ints([keys[m.text] for m in mentions])
    p_first = _ints([type_seen[p.type] for p in predictions])
    p_start, p_end = [p.start for p in predictions], [p.end for p in predictions]
    p_form, p_score = [p.form for p in predictions], [p.score for p in predictions]
    said_key = _ints([keys[p.canonical_name or p.text] for p in predictions])  # the name it gives: canonical, else text
    # most entities have no aliases: the empty tuple is one object, so counting it is a cheap identity test
    aliases = list(chain.from_iterable(alias_lists)) if alias_lists.count(()) < len(alias_lists) else []
    alias_entity = np.repeat(np.arange(len(entities)), _lengths(alias_lists)) if aliases else np.zeros(0, np.int64)
    alias_key = _ints([keys[alias] for alias in aliases])

    # a value of an unexpected type leaves its document to the exact scorer (a name that is not a string
    # fails normalisation above, which leaves every document to it); checked on distinct values or types
    exact = np.zeros(n, dtype=bool)

    def odd(values: list, types: set, allowed: tuple, job_of: np.ndarray) -> None:
        """Send the jobs of values whose type is not ``allowed`` to the exact scorer (``types``: those present)."""
        if not types <= set(allowed):
            exact[job_of[np.fromiter((type(v) not in allowed for v in values), dtype=bool, count=len(values))]] = True

    def odd_code(codes: np.ndarray, seen: dict, allowed: tuple, job_of: np.ndarray) -> None:
        """``odd`` for values read as codes (``seen``: value -> code)."""
        bad = np.fromiter((type(value) not in allowed for value in seen), dtype=bool, count=len(seen))
        if bad.any():
            exact[job_of[bad[codes]]] = True

    def as_int(values: list, job_of: np.ndarray) -> np.ndarray:
        try:  # ints, bools, numpy integers (what Python takes as an index); three times faster than np.array
            return np.frombuffer(array("q", values), dtype=np.int64)
        except (TypeError, OverflowError):
            pass
        try:
            converted = np.array(values)
        except (TypeError, ValueError, OverflowError):
            converted = np.zeros(0, dtype=object)
        if converted.dtype.kind in "iub" and converted.ndim == 1 and len(converted) == len(values):
            return converted.astype(np.int64)  # bools are offsets to Python too; wrapped uint64 turn negative
        # a value that is not an int, or one wider than 64 bits, leaves only its own document to the exact scorer
        bad = np.fromiter((type(v) not in (int, bool) or not _INT64_MIN <= v <= _INT64_MAX for v in values),
                          dtype=bool, count=len(values))
        exact[job_of[bad]] = True
        return np.array([0 if wrong else v for v, wrong in zip(values, bad.tolist())], dtype=np.int64).reshape(-1)

    distinct_types = set(type_seen)
    # predictions usually give no form: counting Nones is faster than a set
    distinct_p_forms = {None} if p_form.count(None) == len(p_form) else set(p_form)
    distinct_m_forms = set(m_form)
    type_of = lambda distinct: set(map(type, distinct))
    odd_code(p_first, type_seen, (str,), prediction_job)
    odd_code(e_first, type_seen, (str,), entity_job)
    unscored_all = p_score.count(None) == len(p_score)
    if not unscored_all:
        odd(p_score, type_of(p_score), _SCORES, prediction_job)
    odd(p_form, type_of(distinct_p_forms), (str, type(None)), prediction_job)
    odd(m_form, type_of(distinct_m_forms), (str,), mention_job)
    odd_code(id_first, id_seen, (str,), entity_job)

    def is_name(forms: list, distinct: set, none_is_name: bool) -> np.ndarray:
        if distinct <= ({"name", None} if none_is_name else {"name"}):
            return np.ones(len(forms), dtype=bool)
        return np.fromiter((f == "name" or (none_is_name and f is None) for f in forms), dtype=bool,
                           count=len(forms))

    type_names = tuple(sorted(t for t in distinct_types if type(t) is str))
    type_code = {t: i for i, t in enumerate(type_names)}
    type_code.update({t: -1 for t in distinct_types if type(t) is not str})
    # the rank of each type code among the names; an odd type (-1) stays inside its own document
    type_rank = np.maximum(_codes(list(type_seen), type_code), 0)
    e_code = type_rank[e_first]

    # gold mentions: scored, unscored (other forms) or in boilerplate (not scored at all)
    gs, ge = as_int(m_start, mention_job), as_int(m_end, mention_job)
    bad_gold = (gs < 0) | (ge <= gs) | (ge > lengths[mention_job])
    exact |= _flag(n, mention_job, bad_gold)
    gs, ge = gs + offsets[mention_job], ge + offsets[mention_job]
    g_bp = in_boilerplate(gs, ge) & ~bad_gold
    name_form = is_name(m_form, distinct_m_forms, False)
    scored_form = np.ones(len(mentions), dtype=bool) if include_all else name_form
    g_scored = ~bad_gold & ~g_bp & scored_form
    g_unscored = ~bad_gold & ~g_bp & ~scored_form
    g_type = e_code[mention_entity]

    # predictions: kept (a scored form), placed at their offsets, not ignored
    ps, pe = as_int(p_start, prediction_job), as_int(p_end, prediction_job)
    unplaced = (ps < 0) | (pe <= ps) | (pe > lengths[prediction_job])
    p_kept = np.ones(len(predictions), dtype=bool) if include_all else is_name(p_form, distinct_p_forms, True)
    exact |= _flag(n, prediction_job, p_kept & unplaced)
    ps, pe = ps + offsets[prediction_job], pe + offsets[prediction_job]
    live = p_kept & ~unplaced
    if not include_all and g_unscored.any():
        ignored = ((_overlapping(gs[g_scored], ge[g_scored], ps, pe) == 0)
                   & (_overlapping(gs[g_unscored], ge[g_unscored], ps, pe) > 0))
        live &= ~ignored
    pt = type_rank[p_first]

    # predicted mentions in canonical order; the same mention twice leaves the choice of its prediction
    # to the exact scorer
    live_index = np.flatnonzero(live)
    order = live_index[_canonical(ps[live_index], pe[live_index], pt[live_index])]
    same = (ps[order][1:] == ps[order][:-1]) & (pe[order][1:] == pe[order][:-1]) & (pt[order][1:] == pt[order][:-1])
    exact |= _flag(n, prediction_job[order][1:], same)
    q_job, q_s, q_e, q_t = prediction_job[order], ps[order], pe[order], pt[order]
    q_bp = in_boilerplate(q_s, q_e)
    q_match = ~q_bp
    if unscored_all:  # nothing scored (the usual case): nothing to reorder
        scores = [None] * len(order)
    else:
        scores = list(map(p_score.__getitem__, order.tolist()))
    unscored = scores.count(None)
    if unscored == 0:
        q_scored, q_key = np.ones(len(scores), dtype=bool), np.array(scores, dtype=float).reshape(-1)
    elif unscored == len(scores):
        q_scored, q_key = np.zeros(len(scores), dtype=bool), np.zeros(len(scores))
    else:
        q_scored = np.fromiter((s is not None for s in scores), dtype=bool, count=len(scores))
        q_key = np.array([s if s is not None else 0.0 for s in scores], dtype=float).reshape(-1)
    exact |= _flag(n, q_job, np.isnan(q_key))  # the exact scorer's order of NaN scores is its own

    # gold mentions in canonical order, duplicates once
    g_index = np.flatnonzero(g_scored)
    g_order = g_index[_canonical(gs[g_index], ge[g_index], g_type[g_index])]
    a_s, a_e, a_t, a_job = gs[g_order], ge[g_order], g_type[g_order], mention_job[g_order]
    first = np.ones(len(a_s), dtype=bool)
    first[1:] = (a_s[1:] != a_s[:-1]) | (a_e[1:] != a_e[:-1]) | (a_t[1:] != a_t[:-1])
    a_s, a_e, a_t, a_job = a_s[first], a_e[first], a_t[first], a_job[first]

    # contested: a gold mention or a matchable prediction overlapping two of the other side
    m_index = np.flatnonzero(q_match)
    m_s, m_e = q_s[m_index], q_e[m_index]
    gold_before_end = np.searchsorted(a_s, m_e, side="left")  # gold mentions starting before each one's end
    per_prediction = gold_before_end - np.searchsorted(_sorted(a_e), m_s, side="right")
    per_gold = _overlapping(m_s, m_e, a_s, a_e, starts_sorted=True)
    exact |= _flag(n, q_job[m_index], per_prediction > 1) | _flag(n, a_job, per_gold > 1)

    # the one gold mention a prediction overlaps is the one reaching furthest among those starting before its end
    alone = per_prediction == 1
    pair_p = m_index[alone]
    pair_g = np.zeros(0, dtype=np.int64)
    if len(a_s):
        reach = np.maximum.accumulate(a_e)
        furthest = np.maximum.accumulate(np.where(a_e == reach, np.arange(len(a_s)), 0))
        pair_g = furthest[gold_before_end[alone] - 1]
    span_equal = (a_s[pair_g] == q_s[pair_p]) & (a_e[pair_g] == q_e[pair_p])
    type_equal = a_t[pair_g] == q_t[pair_p]
    strict = span_equal & type_equal
    pair_job = q_job[pair_p]

    # entity level: names normalised once per distinct string, looked up as integer keys
    named = name_form.all()
    name_entity = np.concatenate((np.arange(len(entities)), alias_entity,
                                  mention_entity if named else mention_entity[name_form])).astype(np.int64)
    name_key = np.concatenate((canonical_key, alias_key, m_key if named else m_key[name_form]))
    wanted = np.zeros(len(entities), dtype=bool)
    wanted[mention_entity[g_scored]] = True
    s_key = said_key[live_index]
    n_keys, n_types = max(len(keys.normal), 1), max(len(type_names), 1)
    if n * n_keys * n_types >= 2 ** 62:
        raise OverflowError("too many distinct names to key")
    keep = wanted[name_entity] & (name_key != keys.normal.get("", -1))
    name_entity, name_key = name_entity[keep], name_key[keep]
    group = (entity_job[name_entity] * n_keys + name_key) * n_types + e_code[name_entity]
    # the smallest id of each group of entities sharing a name and type; ids are ranked in Python's order
    id_rank = None
    distinct_ids = tables.distinct_ids()  # in the order of their codes
    if len(id_seen) - known_ids < len(entities):  # ids repeat (E1, E2 ... in every document): rank the distinct ones
        rank_of = tables.id_ranks()
        id_rank = tables.rank_of_code()[id_first]
        twice = np.sort(entity_job * len(rank_of) + id_rank)  # an id given to two entities of one document
        exact[twice[1:][twice[1:] == twice[:-1]] // len(rank_of)] = True
        bound = n * n_keys * n_types * len(rank_of)
        if bound < 2 ** 62:  # one key: group, then id
            by_group = _order(group * len(rank_of) + id_rank[name_entity], bound)
        else:
            by_group = np.lexsort((id_rank[name_entity], group))
    else:
        by_group = _order(group, n * n_keys * n_types)
    group_sorted = group[by_group]
    leader = np.ones(len(group_sorted), dtype=bool)
    leader[1:] = group_sorted[1:] != group_sorted[:-1]
    shared = ~leader | np.r_[~leader[1:], False]
    if id_rank is None and shared.any():  # every id differs: rank only those in groups of several
        members = name_entity[by_group][shared]
        member_ids = list(map(distinct_ids.__getitem__, id_first[members].tolist()))
        id_rank = np.zeros(len(entities), dtype=np.int64)
        id_rank[members] = _codes(member_ids, _ranks(set(member_ids)))
        by_group = np.lexsort((id_rank[name_entity], group))
        group_sorted = group[by_group]
    groups, group_entity = group_sorted[leader], name_entity[by_group][leader]  # the smallest id of each group
    s_job, s_type = prediction_job[live_index], pt[live_index]
    s_group = (s_job * n_keys + s_key) * n_types + s_type
    at = np.minimum(np.searchsorted(groups, s_group), max(len(groups) - 1, 0))
    hit = (groups[at] == s_group) if len(groups) else np.zeros(len(s_group), dtype=bool)
    found = np.zeros(len(entities), dtype=bool)
    found[group_entity[at[hit]]] = True
    spurious = _distinct(s_group[~hit])
    spurious_job, spurious_type = spurious // (n_keys * n_types), spurious % n_types

    # the exact scorer's tally sequence: matched pairs by gold, unmatched gold, unmatched predictions
    matched_gold = np.zeros(len(a_s), dtype=bool)
    matched_gold[pair_g] = True
    matched_prediction = np.zeros(len(q_s), dtype=bool)
    matched_prediction[pair_p] = True
    loose = ~strict
    free_g = np.flatnonzero(~matched_gold)
    free_p = np.flatnonzero(~matched_prediction)
    tally_job = np.concatenate((pair_job[strict], pair_job[loose], pair_job[loose], a_job[free_g], q_job[free_p]))
    tally_type = np.concatenate((a_t[pair_g[strict]], q_t[pair_p[loose]], a_t[pair_g[loose]], a_t[free_g],
                                 q_t[free_p]))
    tally_kind = np.repeat(np.array([0, 1, 2, 2, 1], dtype=np.int8),
                           [strict.sum(), loose.sum(), loose.sum(), len(free_g), len(free_p)])
    big = len(a_s) + len(q_s) + 1
    tally_order = np.concatenate((pair_g[strict] * 2, pair_g[loose] * 2, pair_g[loose] * 2 + 1,
                                  2 * big + free_g, 3 * big + free_p))

    def per_job(job_of: np.ndarray, weights=None) -> np.ndarray:
        return np.bincount(job_of, weights=weights, minlength=n).astype(np.int64)

    pairs, g_count, p_count = per_job(pair_job), per_job(a_job), per_job(q_job)
    correct_strict, correct_span, correct_type = per_job(pair_job, strict), per_job(pair_job, span_equal), \
        per_job(pair_job, type_equal)
    missed, spurious_count = g_count - pairs, p_count - pairs
    semeval = np.zeros((n, 4, 5), dtype=np.int64)
    for scheme, correct in enumerate((correct_strict, correct_span, correct_span, correct_type)):
        semeval[:, scheme, 0] = correct
        semeval[:, scheme, 2 if scheme == 2 else 1] = pairs - correct
        semeval[:, scheme, 3] = missed
        semeval[:, scheme, 4] = spurious_count
    headline = np.stack((correct_strict, pairs - correct_strict + spurious_count,
                         pairs - correct_strict + missed), axis=1)
    in_bp = per_job(q_job, q_bp)
    leakage = np.stack((p_count, in_bp, in_bp), axis=1) * leaks[:, None]
    ranked_ok = per_job(q_job, ~q_scored) == 0

    level_job = np.concatenate((entity_job[wanted], spurious_job))
    level_type = np.concatenate((e_code[wanted], spurious_type))
    level_kind = np.concatenate((np.where(found[wanted], 0, 2), np.ones(len(spurious), dtype=np.int64)))

    fast = ~exact
    keep_tally, keep_level = fast[tally_job], fast[level_job]
    confusion = span_equal & fast[pair_job]
    keep_ranked = fast[q_job]
    hits = np.zeros(len(q_s), dtype=bool)
    hits[pair_p[strict]] = True
    return EntityBatch(
        fast, headline * fast[:, None], semeval * fast[:, None, None], leakage * fast[:, None], ranked_ok & fast,
        type_names, tally_job[keep_tally], tally_type[keep_tally], tally_kind[keep_tally],
        tally_order[keep_tally], level_job[keep_level], level_type[keep_level],
        level_kind[keep_level], pair_job[confusion], a_t[pair_g[confusion]],
        q_t[pair_p[confusion]], q_job[keep_ranked], q_key[keep_ranked], hits[keep_ranked],
        np.arange(len(q_s))[keep_ranked], scores,
    )

