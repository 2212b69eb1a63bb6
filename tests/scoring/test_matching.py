"""Matching: maximum matchings where pairs compete."""

from harness.model import Annotations, Event
from harness.predictions import PredictedEvent, TextSpan
from harness.scoring.matching import match_by_stage

from .builders import document, score_category


def test_trigger_identification_is_a_maximum_matching():
    text = "struck bombed"
    doc = document(text)
    gold = Annotations(doc, events=(Event("V0", "Attack", doc.span(0, 6)), Event("V1", "Attack", doc.span(7, 13))))
    predicted = [PredictedEvent("Attack", TextSpan("struck bombed", 0, 13)), PredictedEvent("Die", TextSpan("struck", 0, 6))]
    result = score_category(gold, "events", predicted)
    assert result.subscores["trigger_identification"].tp == 2
    assert result.subscores["trigger_classification"].tp == 1


def test_preferences_are_asked_only_for_a_contested_component():
    asked = []

    def preference(g, p):
        asked.append((g, p))
        return (abs(g - p),)

    # (0, 0) and (2, 2) stand alone; 1 and 3 compete for prediction 1
    chosen = match_by_stage([[(0, 0), (1, 1), (3, 1), (2, 2)]], preference)
    assert chosen == {0: (0, 0), 1: (1, 0), 2: (2, 0)}
    assert sorted(asked) == [(1, 1), (3, 1)]


def test_a_matching_is_taken_whole_without_preferences():
    def preference(g, p):
        raise AssertionError("no choice to make, so no preference to ask for")

    assert match_by_stage([[(0, 1)], [(1, 0), (2, 2)]], preference) == {0: (1, 0), 1: (0, 1), 2: (2, 1)}
