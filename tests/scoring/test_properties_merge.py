"""Property: results for shards of a corpus merge by addition and equal scoring the union."""

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.scoring import EvaluationResult, ScoringOptions, evaluate

from .strategies import gold_documents, noisy_predictions

FAST = ScoringOptions(resamples=50)


@st.composite
def corpora(draw):
    size = draw(st.integers(2, 5))
    documents = [draw(gold_documents(doc_id=f"doc-{i}", max_segments=5)) for i in range(size)]
    predictions = {a.doc_id: draw(noisy_predictions(a)) for a in documents}
    cut = draw(st.integers(1, size - 1))
    return documents, predictions, cut


@settings(max_examples=30)
@given(corpora())
def test_merged_shards_equal_the_union(case):
    documents, predictions, cut = case
    union = evaluate(documents, predictions, FAST)
    first = evaluate(documents[:cut], {a.doc_id: predictions[a.doc_id] for a in documents[:cut]}, FAST)
    second = evaluate(documents[cut:], {a.doc_id: predictions[a.doc_id] for a in documents[cut:]}, FAST)
    assert first.merge(second).to_dict(items=True) == union.to_dict(items=True)
    assert EvaluationResult.merge([second, first]).to_dict() == union.to_dict()
