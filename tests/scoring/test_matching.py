"""Matching: maximum matchings where pairs compete."""

from harness.model import Annotations, Event
from harness.predictions import PredictedEvent, TextSpan

from .builders import document, score_category


def test_trigger_identification_is_a_maximum_matching():
    text = "struck bombed"
    doc = document(text)
    gold = Annotations(doc, events=(Event("V0", "Attack", doc.span(0, 6)), Event("V1", "Attack", doc.span(7, 13))))
    predicted = [PredictedEvent("Attack", TextSpan("struck bombed", 0, 13)), PredictedEvent("Die", TextSpan("struck", 0, 6))]
    result = score_category(gold, "events", predicted)
    assert result.subscores["trigger_identification"].tp == 2
    assert result.subscores["trigger_classification"].tp == 1
