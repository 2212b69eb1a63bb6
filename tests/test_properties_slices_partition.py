"""Property: the slices of a field partition the corpus, and a slice scores as its documents alone.

Scores merge by addition, so each slice's counts equal scoring its
documents on their own, and the slices' counts add up to the whole corpus.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.model import CATEGORIES, Corpus
from harness.scoring import evaluate
from harness.slices import partition, restrict

from slice_corpus import make_corpus, predictions_for

DOMAINS = st.sampled_from(["sports", "business", "weather", None])


@given(st.lists(st.tuples(DOMAINS, st.integers(0, 6)), min_size=1, max_size=6),
       st.sampled_from(["domain", "publisher_style", "length", "boilerplate_share"]))
def test_slices_partition_the_corpus_and_score_as_their_documents_alone(example_annotations, documents, field):
    corpus = make_corpus(example_annotations, [domain for domain, _ in documents])
    predictions = predictions_for(corpus, [drop for _, drop in documents])
    whole = evaluate(corpus, predictions)
    slices = partition(corpus, field)

    ids = [doc_id for s in slices for doc_id in s.doc_ids]
    assert sorted(ids) == sorted(a.document.id for a in corpus) and len(set(ids)) == len(ids)
    totals = {c: [0.0, 0.0, 0.0] for c in CATEGORIES}
    for piece in slices:
        alone = evaluate(Corpus(tuple(a for a in corpus if a.document.id in piece.doc_ids)),
                         {d: predictions[d] for d in piece.doc_ids})
        sliced = restrict(whole, piece.doc_ids)
        for category, result in sliced.categories.items():
            expected = alone.categories[category]
            assert (result.tp, result.fp, result.fn, result.f1) == (expected.tp, expected.fp, expected.fn,
                                                                    expected.f1)
            assert result.documents == len(piece.doc_ids)
            for i, count in enumerate((result.tp, result.fp, result.fn)):
                totals[category][i] += count
    for category, result in whole.categories.items():
        assert totals[category] == [result.tp, result.fp, result.fn]
