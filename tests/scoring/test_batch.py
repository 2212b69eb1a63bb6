"""The entity batch on values of unexpected types: the document is left to the exact scorer, the numbers agree."""

from dataclasses import replace

import numpy as np
import pytest

from harness.predictions import PredictedEntity, Predictions
from harness.scoring import ScoringOptions, evaluate
from harness.scoring import batch as batch_module

from .builders import entity_gold, word_spans, word_text

OPTIONS = ScoringOptions(resamples=20, min_documents_for_interval=2)


def _corpus(documents: int = 4):
    """Uncontested documents: one entity per word, an exact or a wrong-type prediction on most of them."""
    corpus, records = [], {}
    for d in range(documents):
        text = word_text(8)
        spans = word_spans(text)
        doc_id = f"doc{d}"
        corpus.append(entity_gold(text, [(s, e, ("PER", "ORG")[i % 2]) for i, (s, e) in enumerate(spans)], doc_id))
        predicted = tuple(PredictedEntity(text[s:e], ("PER", "ORG")[(i // 3) % 2], s, e)
                          for i, (s, e) in enumerate(spans) if i % 4)
        records[doc_id] = Predictions(doc_id, entities=predicted)
    return corpus, records


def _exact(corpus, records, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(batch_module, "score_entity_batch",
                      lambda jobs, options, *_: batch_module.EntityBatch.nothing(len(jobs)))
        return evaluate(corpus, records, OPTIONS)


def _first_entity(change):
    def edit(corpus, records):
        gold = corpus[0]
        corpus = [replace(gold, entities=(change(gold.entities[0], gold),) + gold.entities[1:]), *corpus[1:]]
        return corpus, records
    return edit


def _first_prediction(change):
    def edit(corpus, records):
        record = records["doc0"]
        return corpus, {**records, "doc0": replace(record, entities=(change(record.entities[0]),)
                                                   + record.entities[1:])}
    return edit


def _mention(**fields):
    return lambda entity, _: replace(entity, mentions=(replace(entity.mentions[0], **fields),))


ODD = {
    "entity type not a string": _first_entity(lambda e, _: replace(e, type=7)),
    "entity type None": _first_entity(lambda e, _: replace(e, type=None)),
    "entity id shared by two entities": _first_entity(lambda e, gold: replace(e, id=gold.entities[1].id)),
    "mention form None": _first_entity(_mention(form=None)),
    "predicted type not a string": _first_prediction(lambda p: replace(p, type=5)),
    "predicted start a float": _first_prediction(lambda p: replace(p, start=float(p.start))),
    "predicted start a numpy float": _first_prediction(lambda p: replace(p, start=np.float64(p.start))),
    "score a string": _first_prediction(lambda p: replace(p, score="0.5")),
    "score NaN": _first_prediction(lambda p: replace(p, score=float("nan"))),
    "predicted form not a string": _first_prediction(lambda p: replace(p, form=3)),
    "entity id not a string": _first_entity(lambda e, _: replace(e, id=3)),
    "entity id None": _first_entity(lambda e, _: replace(e, id=None)),
    "predicted end beyond 64 bits": _first_prediction(lambda p: replace(p, end=2 ** 70)),
    "predicted start below -2**63": _first_prediction(lambda p: replace(p, start=-(2 ** 64))),
    "mention end beyond 64 bits": _first_entity(_mention(end=2 ** 64)),
}


@pytest.mark.parametrize("case", sorted(ODD))
def test_a_document_with_an_odd_value_is_left_to_the_exact_scorer(case, monkeypatch):
    corpus, records = ODD[case](*_corpus())
    jobs = [(a, records[a.doc_id].entities, True) for a in corpus]
    assert batch_module.score_entity_batch(jobs, OPTIONS).fast.tolist() == [False, True, True, True]
    fast, exact = evaluate(corpus, records, OPTIONS), _exact(corpus, records, monkeypatch)
    assert fast.categories == exact.categories
    assert list(fast.categories["entities"].per_type) == list(exact.categories["entities"].per_type)
    assert fast.faults == exact.faults


def test_a_name_the_batch_cannot_normalise_leaves_every_document_to_the_exact_scorer(monkeypatch):
    corpus, records = _first_prediction(lambda p: replace(p, text=3))(*_corpus())
    jobs = [(a, records[a.doc_id].entities, True) for a in corpus]
    assert not batch_module.score_entity_batch(jobs, OPTIONS).fast.any()
    fast, exact = evaluate(corpus, records, OPTIONS), _exact(corpus, records, monkeypatch)
    assert fast.categories == exact.categories
    assert fast.faults == exact.faults


def test_numpy_integer_offsets_are_counted_in_the_batch_and_agree(monkeypatch):
    corpus, records = _first_entity(_mention(start=np.int64(0)))(*_corpus())
    jobs = [(a, records[a.doc_id].entities, True) for a in corpus]
    assert batch_module.score_entity_batch(jobs, OPTIONS).fast.all()
    assert evaluate(corpus, records, OPTIONS).categories == _exact(corpus, records, monkeypatch).categories


def test_aliases_and_scores_take_part_when_present(monkeypatch):
    corpus, records = _corpus()
    gold = corpus[1]
    aliased = replace(gold.entities[2], aliases=(gold.entities[3].canonical_name, "Elsewhere"))
    corpus[1] = replace(gold, entities=(*gold.entities[:2], aliased, *gold.entities[3:]))
    records = {d: replace(r, entities=tuple(replace(p, score=(i % 5) / 5) for i, p in enumerate(r.entities)))
               for d, r in records.items()}
    fast, exact = evaluate(corpus, records, OPTIONS), _exact(corpus, records, monkeypatch)
    assert fast.categories["entities"].curve is not None
    assert fast.categories == exact.categories


def test_blocks_cover_every_job_once_in_order_and_never_split_one(monkeypatch):
    corpus, records = _corpus(7)
    jobs = [(a, records[a.doc_id].entities, True) for a in corpus]
    monkeypatch.setattr(batch_module, "BLOCK_ITEMS", 20)  # a document holds 8 entities and 6 predictions
    blocks = batch_module.score_entity_blocks(jobs, OPTIONS)
    firsts = [first for first, _ in blocks]
    sizes = [len(batch.fast) for _, batch in blocks]
    assert firsts == [sum(sizes[:k]) for k in range(len(blocks))] and sum(sizes) == len(jobs)
    assert sizes == [2, 2, 2, 1]  # 14 items are fewer than 20, so the second document joins the first
    whole = batch_module.score_entity_batch(jobs, OPTIONS)
    assert np.array_equal(np.concatenate([batch.semeval for _, batch in blocks]), whole.semeval)


def test_results_scored_in_blocks_equal_one_block_and_the_exact_scorer(monkeypatch):
    corpus, records = ODD["mention form None"](*_corpus(6))
    one = evaluate(corpus, records, OPTIONS)
    monkeypatch.setattr(batch_module, "BLOCK_ITEMS", 1)  # one document per block
    blocks = evaluate(corpus, records, OPTIONS)
    assert blocks.categories == one.categories == _exact(corpus, records, monkeypatch).categories
    assert blocks.to_dict(items=True) == one.to_dict(items=True)


def test_a_document_counted_in_the_batch_holds_no_outcome_table_until_one_is_computed():
    import gc

    corpus, records = _corpus(2)
    outcomes = evaluate(corpus, records, OPTIONS).documents["doc1"]
    assert not [x for x in gc.get_referents(outcomes) if isinstance(x, dict)]
    assert outcomes["entities"].headline.tp == 4  # computed on demand, then kept
    assert [x for x in gc.get_referents(outcomes) if isinstance(x, dict)] == [{"entities": outcomes["entities"]}]
