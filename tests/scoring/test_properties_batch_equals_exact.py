"""Property: the batch entity path (numpy, whole corpus) gives the same numbers as the exact scorer.

The corpora are crowded on purpose: few distinct words, so many mentions
share one name; gold mentions that overlap each other and predictions that
overlap several gold mentions (contested: left to the exact scorer);
duplicate, text-only, unplaced, nominal and boilerplate predictions;
scores on some records only. The exact path is ``evaluate`` with the batch
turned off.
"""

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.model import Annotations, Document, Entity, Mention, Region
from harness.predictions import PredictedEntity, Predictions
from harness.scoring import ScoringOptions, evaluate
from harness.scoring import batch as batch_module
from harness.scoring.entities import score_entities

WORDS = ("Smith", "Smith", "Jones", "Acme", "the", "company", "he", "Smith's", "5", "Mr")
TYPES = ("PER", "ORG", "GPE")
IDS = ("E1", "E2", "E10", "E11", "E3", "e0", "E20")


@st.composite
def documents(draw, doc_id: str):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=12))
    spans, position = [], 0
    for word in words:
        spans.append((position, position + len(word)))
        position += len(word) + 1
    text = " ".join(words)
    layout = draw(st.sampled_from(("body", "boilerplate tail", "undivided")))
    if layout == "undivided":
        regions = ()
    elif layout == "body" or len(words) < 3:
        regions = (Region(0, len(text), "body"),)
    else:
        cut = spans[draw(st.integers(1, len(words) - 1))][0]
        regions = (Region(0, cut, "body"), Region(cut, len(text), "boilerplate", "comments"))
    document = Document(doc_id, text, regions=regions)
    # a tidy document (one-word mentions on distinct words, predictions with offsets) is mostly uncontested
    tidy = draw(st.booleans())
    free_words = list(range(len(words)))

    def word_range(longest: int = 2) -> tuple[int, int]:
        if tidy and longest == 1:
            first = draw(st.sampled_from(free_words)) if free_words else 0
            if first in free_words:
                free_words.remove(first)
            return spans[first]
        first = draw(st.integers(0, len(words) - 1))
        last = min(len(words) - 1, first + draw(st.integers(0, longest - 1)))
        return spans[first][0], spans[last][1]

    entities = []
    for entity_id in draw(st.lists(st.sampled_from(IDS), unique=True, max_size=5)):
        mentions = []
        for _ in range(draw(st.integers(1, 3))):
            start, end = word_range(1 if tidy else 2)
            form = draw(st.sampled_from(("name", "name", "name", "nominal", "pronoun")))
            mentions.append(Mention(start, end, text[start:end], form))
        canonical = draw(st.sampled_from((mentions[0].text, "Smith", "Mr Smith", "Jones", "")))
        aliases = tuple(draw(st.lists(st.sampled_from(("Smith", "Acme", "Jones", "")), max_size=2)))
        entities.append(Entity(entity_id, draw(st.sampled_from(TYPES)), canonical, tuple(mentions), aliases))

    gold_spans = [(m.start, m.end) for e in entities for m in e.mentions]
    predictions = []
    scored = draw(st.booleans())
    for _ in range(draw(st.integers(0, 8))):
        kinds = ("offsets", "near gold") if tidy else \
            ("offsets", "offsets", "offsets", "near gold", "text only", "unplaced", "duplicate")
        kind = draw(st.sampled_from(kinds))
        label = draw(st.sampled_from(TYPES))
        score = draw(st.floats(0, 1)) if scored else None
        if kind == "duplicate" and predictions:
            predictions.append(draw(st.sampled_from(predictions)))
            continue
        if kind == "near gold" and gold_spans:
            start, end = draw(st.sampled_from(gold_spans))
        else:
            start, end = word_range(1 if tidy else 3)
        said = text[start:end]
        if kind == "text only":
            start = end = None
        elif kind == "unplaced":
            start, end = len(text) + 1, len(text) + 3
        form = draw(st.sampled_from((None, None, "name", "nominal")))
        canonical = draw(st.sampled_from((None, None, "Smith", "")))
        predictions.append(PredictedEntity(said, label, start, end, form, canonical, score))
    return Annotations(document, tuple(entities)), Predictions(doc_id, entities=tuple(predictions))


@st.composite
def corpora(draw):
    count = draw(st.integers(1, 6))
    pairs = [draw(documents(f"doc{i}")) for i in range(count)]
    options = ScoringOptions(resamples=30, min_documents_for_interval=2,
                             include_pronouns=draw(st.booleans()))
    return [a for a, _ in pairs], {p.doc_id: p for _, p in pairs}, options


def _exact(corpus, records, options):
    original = batch_module.score_entity_batch
    batch_module.score_entity_batch = lambda jobs, options, *_: batch_module.EntityBatch.nothing(len(jobs))
    try:
        return evaluate(corpus, records, options)
    finally:
        batch_module.score_entity_batch = original


@settings(max_examples=150, deadline=None)
@given(corpora())
def test_batch_and_exact_paths_give_identical_results(case):
    corpus, records, options = case
    fast, exact = evaluate(corpus, records, options), _exact(corpus, records, options)
    assert fast.categories == exact.categories
    for name, category in fast.categories.items():  # the macro average sums types in this order
        assert list(category.per_type) == list(exact.categories[name].per_type)
    assert json.dumps(fast.to_dict()) == json.dumps(exact.to_dict())  # same numbers, same types, same order
    assert fast.faults == exact.faults


@settings(max_examples=150, deadline=None)
@given(corpora())
def test_every_document_the_batch_counts_has_the_exact_scorers_counts(case):
    corpus, records, options = case
    jobs = [(a, records[a.doc_id].entities, bool(a.document.regions)) for a in corpus]
    counted = batch_module.score_entity_batch(jobs, options)
    for job, (annotations, predicted, leaks) in enumerate(jobs):
        if not counted.fast[job]:
            continue
        outcome = score_entities(annotations, predicted, options)
        headline = outcome.headline
        assert tuple(counted.headline[job]) == (headline.tp, headline.fp, headline.fn)
        semeval = [[outcome.tallies[f"semeval:{s}"][k] for k in ("correct", "incorrect", "partial", "missed",
                                                                 "spurious")]
                   for s in ("strict", "exact", "partial", "type")]
        assert counted.semeval[job].tolist() == semeval
        leakage = outcome.leakage
        expected = (leakage.grounded, leakage.in_boilerplate, leakage.false_positives) if leaks else (0, 0, 0)
        assert tuple(counted.leakage[job]) == expected
        assert bool(counted.ranked_ok[job]) == (outcome.ranked is not None)
        level = {}
        for row in (counted.entity_job == job).nonzero()[0]:
            label = counted.types[counted.entity_type[row]]
            counts = list(level.get(label, (0, 0, 0)))
            counts[counted.entity_kind[row]] += 1
            level[label] = tuple(counts)
        assert level == {label: (c.tp, c.fp, c.fn) for label, c in outcome.groups["entity_level"].items()}


def _slots(count: int, shared_name: bool, doc_id: str = "doc"):
    """One ten-character slot per mention: nothing to choose, every document counted in the batch."""
    pieces, entities, predicted = [], [], []
    for i in range(count):
        word = "Smith" if shared_name else f"N{i:03d}"
        start = i * 10 + 2
        pieces.append(f"  {word}".ljust(10))
        entities.append(Entity(f"E{i}", TYPES[i % 2], word, (Mention(start, start + len(word), word),)))
        if i % 3:
            predicted.append(PredictedEntity(word, TYPES[(i // 3) % 2], start, start + len(word) + i % 2))
    text = "".join(pieces)
    document = Document(doc_id, text, regions=(Region(0, len(text), "body"),))
    return Annotations(document, tuple(entities)), Predictions(doc_id, entities=tuple(predicted))


@pytest.mark.parametrize("shared_name", [False, True])
def test_uncontested_documents_are_counted_in_the_batch_and_agree(shared_name):
    pairs = [_slots(30, shared_name, f"doc{i}") for i in range(6)]
    corpus, records = [a for a, _ in pairs], {p.doc_id: p for _, p in pairs}
    jobs = [(a, records[a.doc_id].entities, True) for a in corpus]
    assert batch_module.score_entity_batch(jobs, ScoringOptions()).fast.all()
    options = ScoringOptions(resamples=50)
    assert evaluate(corpus, records, options).to_dict() == _exact(corpus, records, options).to_dict()


def test_a_contested_document_is_left_to_the_exact_scorer():
    text = "Jane Smith spoke"
    gold = Annotations(Document("doc", text, regions=(Region(0, len(text), "body"),)), (
        Entity("E1", "PER", "Jane", (Mention(0, 4, "Jane"),)),
        Entity("E2", "PER", "Smith", (Mention(5, 10, "Smith"),)),
    ))
    both = PredictedEntity("Jane Smith", "PER", 0, 10)  # overlaps two gold mentions: a choice to make
    counted = batch_module.score_entity_batch([(gold, (both,), True)], ScoringOptions())
    assert not counted.fast[0]


def test_a_name_borne_by_several_entities_finds_the_smallest_id_on_both_paths():
    # "Smith" names E10 and E2 (E10 < E2 as strings); "Jones" names E10 only: both predictions find E10,
    # so E2 is missed (a largest-id rule would find both)
    text = "  Smith   Smith   Jones   Smith   Jones"
    spans = [(2, 7), (10, 15), (18, 23), (26, 31), (34, 39)]
    document = Document("doc", text, regions=(Region(0, len(text), "body"),))
    entities = (Entity("E2", "PER", "Smith", (Mention(*spans[0], "Smith"),)),
                Entity("E10", "PER", "Smith", (Mention(*spans[1], "Smith"), Mention(*spans[2], "Jones"))))
    predicted = (PredictedEntity("Smith", "PER", *spans[3]), PredictedEntity("Jones", "PER", *spans[4]))
    corpus = [Annotations(replace(document, id=doc_id), entities) for doc_id in ("doc1", "doc2")]
    records = {doc_id: Predictions(doc_id, entities=predicted) for doc_id in ("doc1", "doc2")}
    options = ScoringOptions(resamples=10, min_documents_for_interval=2)  # two documents: the batch counts
    assert batch_module.score_entity_batch([(a, predicted, True) for a in corpus], options).fast.all()
    for result in (evaluate(corpus, records, options), _exact(corpus, records, options)):
        level = result.categories["entities"].subscores["entity_level"]
        assert (level.tp, level.fp, level.fn) == (2, 0, 2)
