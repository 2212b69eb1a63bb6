"""A layer a document is not annotated for is not applicable: no hits, misses or false alarms there."""

import dataclasses

from harness.predictions import PredictedQuote, Predictions
from harness.scoring import evaluate

from .builders import entity_gold, entity_predictions, word_spans, word_text


def _two_documents():
    text = word_text(6)
    spans = word_spans(text)
    full = entity_gold(text, [(*spans[0], "PERSON")], doc_id="a")
    partial = dataclasses.replace(entity_gold(text, [(*spans[1], "ORG")], doc_id="b"), layers=("entities",))
    quote = PredictedQuote(text[spans[2][0]:spans[3][1]], spans[2][0], spans[3][1], "direct")
    predictions = {
        "a": dataclasses.replace(entity_predictions(text, [(*spans[0], "PERSON")], doc_id="a"), quotes=(quote,)),
        "b": dataclasses.replace(entity_predictions(text, [(*spans[1], "ORG")], doc_id="b"), quotes=(quote,)),
    }
    return [full, partial], predictions


def test_quotes_in_a_document_without_the_quote_layer_are_not_scored():
    gold, predictions = _two_documents()
    result = evaluate(gold, predictions)
    assert "quotes" not in result.documents["b"]
    quotes = result.categories["quotes"]
    # only document a counts: its gold has no quotes, so the one quote is one false alarm, not two
    assert (quotes.tp, quotes.fp, quotes.fn, quotes.documents) == (0, 1, 0, 1)
    assert result.categories["entities"].documents == 2


def test_a_layer_no_document_annotates_is_left_out():
    gold, predictions = _two_documents()
    only_b = evaluate(gold[1:], predictions)
    assert set(only_b.categories) == {"entities"}
    assert only_b.items("b", "quotes") == ()


def test_a_page_without_regions_has_no_leakage_to_measure():
    gold, predictions = _two_documents()
    undivided = [dataclasses.replace(a, document=dataclasses.replace(a.document, regions=())) for a in gold]
    divided = evaluate(gold, predictions).categories["entities"].leakage
    assert divided.grounded == 2
    assert evaluate(undivided, predictions).categories["entities"].leakage.grounded == 0
