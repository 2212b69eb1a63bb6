"""Property: every matcher finds an exact maximum matching under its preference order.

Each is compared with an exhaustive search (``exact.best_counts``) or with
scipy on small generated inputs: the staged core; the four SemEval schemes,
leftovers split into "incorrect" included; quote detection; figures (span
and value, and span alone); event trigger identification, classification
and the wrong-type leftovers; argument identification and classification.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.model import Annotations, Argument, Event
from harness.predictions import PredictedArgument, PredictedEvent, Predictions, TextSpan
from harness.scoring import ScoringOptions, evaluate, score_mentions
from harness.scoring.figures import predicted_value, values_agree
from harness.scoring.grounding import placements
from harness.scoring.matching import match_by_stage, maximum_matching
from harness.scoring.normalize import token_f1, token_spans, trim

from .builders import document
from .exact import best_counts, matched_counts
from .strategies import crowded_cases

FAST = ScoringOptions(resamples=10)

staged_graphs = st.dictionaries(st.tuples(st.integers(0, 5), st.integers(0, 5)), st.integers(0, 2), max_size=14)


@settings(max_examples=300)
@given(staged_graphs, st.integers(1, 3))
def test_staged_core_is_lexicographically_maximum(staged, stages):
    staged = {edge: min(stage, stages - 1) for edge, stage in staged.items()}
    by_stage = [[edge for edge, s in sorted(staged.items()) if s == stage] for stage in range(stages)]
    pairs = match_by_stage(by_stage, lambda g, p: (abs(g - p),))
    assert len({p for p, _ in pairs.values()}) == len(pairs)
    assert all(staged[(g, p)] == stage for g, (p, stage) in pairs.items())
    assert matched_counts(pairs, stages) == best_counts(staged, stages)


@settings(max_examples=200)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=20))
def test_maximum_matching_equals_an_optimal_assignment(edges):
    from scipy.optimize import linear_sum_assignment

    matched = maximum_matching(edges)
    weights = np.zeros((7, 7))
    for g, p in edges:
        weights[g, p] = 1
    rows, cols = linear_sum_assignment(weights, maximize=True)
    assert len(matched) == int(weights[rows, cols].sum())
    assert set(matched) <= set(edges) and len({p for _, p in matched}) == len(matched)


mentions = st.lists(st.tuples(st.integers(0, 20), st.integers(1, 6), st.sampled_from(("PER", "ORG"))).map(
    lambda t: (t[0], t[0] + t[1], t[2])), max_size=6, unique=True)


def _scheme_graph(gold, predicted, correct):
    return {(g, p): 0 if correct(a, b) else 1 for g, a in enumerate(gold) for p, b in enumerate(predicted)
            if a[0] < b[1] and b[0] < a[1]}


@settings(max_examples=300)
@given(mentions, mentions)
def test_semeval_schemes_are_maximum_and_split_leftovers_maximally(gold, predicted):
    counts = score_mentions(gold, predicted)
    same_span = lambda a, b: a[:2] == b[:2]
    rules = {"strict": lambda a, b: a == b, "exact": same_span, "partial": same_span,
             "type": lambda a, b: a[2] == b[2]}
    for scheme, correct in rules.items():
        best = best_counts(_scheme_graph(gold, predicted, correct), 2)
        leftovers = counts[scheme].partial if scheme == "partial" else counts[scheme].incorrect
        assert (counts[scheme].correct, counts[scheme].correct + leftovers) == best, scheme


def _graph(annotations, gold_spans, placed, qualifies):
    """Pair -> 0 for every gold and placed prediction with a place outside boilerplate that qualifies."""
    document = annotations.document
    graph = {}
    for g, (gs, ge) in enumerate(gold_spans):
        for p, placement in enumerate(placed):
            if any(s < ge and gs < e and not document.in_boilerplate(s, e) and qualifies(g, p, (s, e))
                   for s, e in placement.spans):
                graph[(g, p)] = 0
    return graph


def _score(annotations, record, category):
    return evaluate([annotations], {annotations.doc_id: record}, FAST).categories[category]


@settings(max_examples=150)
@given(crowded_cases())
def test_quote_detection_is_maximum(case):
    annotations, record = case
    text = annotations.document.text
    gold = sorted(annotations.quotes, key=lambda q: (q.content.start, q.content.end, q.id))
    gold_spans = [trim(q.content.start, q.content.end, text) for q in gold]
    strip = lambda q: (q.text.strip().strip("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb "), q.start, q.end)
    placed = placements(annotations.document, record.quotes, strip, lambda s, e: trim(s, e, text))
    single = {}
    placed = [pl for pl in placed if len(pl.spans) != 1 or single.setdefault(pl.spans[0], pl) is pl]

    def qualifies(g, p, span):
        return span == gold_spans[g] or token_f1(token_spans(text, *gold_spans[g]), token_spans(text, *span)) >= 0.5

    best = best_counts(_graph(annotations, gold_spans, placed, qualifies), 1)
    assert (_score(annotations, record, "quotes").tp,) == best


@settings(max_examples=150)
@given(crowded_cases())
def test_figure_matchings_are_maximum(case):
    annotations, record = case
    gold = sorted(annotations.figures, key=lambda f: (f.span.start, f.span.end, f.id))
    gold_spans = [(f.span.start, f.span.end) for f in gold]
    placed = placements(annotations.document, record.figures, lambda f: (f.text, f.start, f.end))
    agree = lambda g, p, span: values_agree(gold[g], predicted_value(placed[p].prediction), FAST)
    result = _score(annotations, record, "figures")
    assert (result.tp,) == best_counts(_graph(annotations, gold_spans, placed, agree), 1)
    assert (result.subscores["span"].tp,) == best_counts(_graph(annotations, gold_spans, placed, lambda *_: True), 1)


@settings(max_examples=150)
@given(crowded_cases())
def test_trigger_matchings_are_maximum(case):
    annotations, record = case
    gold = sorted(annotations.events, key=lambda v: (v.trigger.start, v.trigger.end, v.type, v.id))
    gold_spans = [(v.trigger.start, v.trigger.end) for v in gold]
    placed = placements(annotations.document, record.events, lambda v: (v.trigger.text, v.trigger.start, v.trigger.end))
    same_type = lambda g, p, span: gold[g].type == placed[p].prediction.type
    overlapping = _graph(annotations, gold_spans, placed, lambda *_: True)
    typed = _graph(annotations, gold_spans, placed, same_type)
    result = _score(annotations, record, "events")
    assert result.subscores["trigger_identification"].tp == best_counts(overlapping, 1)[0]
    assert result.subscores["trigger_classification"].tp == result.tp == best_counts(typed, 1)[0]
    staged = {pair: 0 if pair in typed else 1 for pair in overlapping}
    wrong_type = sum(1 for item in evaluate([annotations], {"doc": record}, FAST).items("doc", "events")
                     if item.status == "fn" and item.predicted is not None)
    assert (result.tp, result.tp + wrong_type) == best_counts(staged, 2)


argument_slots = st.lists(st.tuples(st.integers(0, 5), st.sampled_from(("agent", "target", "Agent"))), max_size=5)


@settings(max_examples=200)
@given(argument_slots, argument_slots)
def test_argument_matchings_are_maximum(gold_slots, predicted_slots):
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_bipartite_matching

    words = [f"w{i}x" for i in range(6)]
    text = "went " + " ".join(words)
    doc = document(text)
    at = lambda i: (text.index(words[i]), text.index(words[i]) + len(words[i]))
    gold_arguments = tuple(Argument(role, span=doc.span(*at(i))) for i, role in gold_slots)
    predicted_arguments = tuple(dict.fromkeys(PredictedArgument(role, words[i], *at(i)) for i, role in predicted_slots))
    annotations = Annotations(doc, events=(Event("V0", "Movement", doc.span(0, 4), gold_arguments),))
    record = Predictions("doc", events=(PredictedEvent("Movement", TextSpan("went", 0, 4), predicted_arguments),))
    result = _score(annotations, record, "events")

    def peer(same_role: bool) -> int:
        edges = [(g, p) for g, a in enumerate(gold_arguments) for p, b in enumerate(predicted_arguments)
                 if (a.span.start, a.span.end) == (b.start, b.end)
                 and (not same_role or a.role.casefold() == b.role.casefold())]
        if not edges:
            return 0
        rows, cols = zip(*edges)
        graph = csr_matrix((np.ones(len(edges)), (rows, cols)), shape=(len(gold_arguments), len(predicted_arguments)))
        return int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())

    assert result.subscores["argument_identification"].tp == peer(False)
    assert result.subscores["argument_classification"].tp == peer(True)
