"""The article layers report.html and harness view draw: outcomes in words, marks, the gold speaker."""

from __future__ import annotations

import pytest

from harness.model import Annotations, Document, Entity, Mention, Quote, Region, Span
from harness.report.layers import (GOLD_LAYER, OUTCOMES, document_view, gold_items, layer_items, outcome_changes,
                                   outcome_counts, outcome_of, scored_item)
from harness.scoring.outcomes import ItemOutcome

TEXT = "Jane Doe said the plan works. Read more: Acme Corp"
JANE = Span(0, 8, "Jane Doe")


def _annotations() -> Annotations:
    document = Document("d", TEXT, regions=(Region(0, 30, "body"), Region(30, len(TEXT), "boilerplate")))
    jane = Entity("E1", "PERSON", "Jane Doe", (Mention(0, 8, "Jane Doe"),))
    quote = Quote("Q1", Span(14, 28, "the plan works"), "indirect", speaker_entity="E1")
    return Annotations(document, (jane,), (quote,))


@pytest.mark.parametrize("status, gold, predicted, note, expected", [
    ("tp", True, True, "PERSON mention found", "hit"),
    ("fn", True, False, "PERSON mention missed", "missed"),
    ("fp", False, True, "spurious ORG mention", "false alarm"),
    ("fp", False, False, "not found in the text: 'x'", "false alarm"),
    ("boilerplate", False, True, "spurious ORG mention; in boilerplate", "leaked from boilerplate"),
    ("fp", True, True, "wrong type: predicted ORG 'Jane Doe', gold PERSON 'Jane Doe'", "wrong type"),
    ("fn", True, True, "PERSON mention matched only loosely (wrong type)", "wrong type"),
    ("fp", True, True, "wrong span: predicted PERSON 'Jane', gold PERSON 'Jane Doe'", "wrong span"),
    ("fn", True, True, "PERSON mention matched only loosely (wrong span)", "wrong span"),
])
def test_each_outcome_is_named(status, gold, predicted, note, expected):
    assert outcome_of(status, gold, predicted, note) == expected


QUOTE = Span(14, 28, "the plan works")


def _said(speaker: str | None, right: bool) -> ItemOutcome:
    verdict = f"speaker {speaker!r} {'right' if right else 'wrong'}" if speaker else "no speaker given"
    return ItemOutcome("tp", "quotes", "indirect", QUOTE, QUOTE, f"indirect quote found; {verdict}", None,
                       speaker, right)


@pytest.mark.parametrize("said, outcome, note", [
    (_said("Jane Doe", True), "hit", "indirect quote found; speaker 'Jane Doe' right"),
    (_said("Bob", False), "wrong speaker", "indirect quote found; speaker 'Bob' wrong; gold speaker 'Jane Doe'"),
    (_said(None, False), "wrong speaker", "indirect quote found; no speaker given; gold speaker 'Jane Doe'"),
])
def test_a_quote_found_with_the_wrong_speaker_or_none_is_a_wrong_speaker(said, outcome, note):
    found = scored_item(_annotations(), "a", "quotes", said)
    assert (found["outcome"], found["note"], found["speaker"]) == (outcome, note, said.speaker)
    assert outcome in OUTCOMES


def _loose(what: str, predicted: Span, label: str, status: str = "fp") -> tuple[ItemOutcome, ItemOutcome]:
    alarm = ItemOutcome(status, "entities", label, JANE, predicted,
                        f"{what}: predicted {label} {predicted.text!r}, gold PERSON 'Jane Doe'")
    miss = ItemOutcome("fn", "entities", "PERSON", JANE, predicted, f"PERSON mention matched only loosely ({what})")
    return alarm, miss


@pytest.mark.parametrize("what, predicted, label", [("wrong type", JANE, "ORG"),
                                                    ("wrong span", Span(0, 4, "Jane"), "PERSON")])
def test_a_loose_match_is_one_item_the_pair_marked_at_the_gold(what, predicted, label):
    alarm, miss = _loose(what, predicted, label)
    (pair,) = layer_items(_annotations(), "a", "entities", (alarm, miss))
    assert (pair["outcome"], pair["label"], pair["start"], pair["end"]) == (what, "PERSON", 0, 8)
    assert pair["predicted"]["text"] == predicted.text and pair["note"] == alarm.description
    assert pair["counts"] == {"tp": 0, "fp": 1, "fn": 1}


def test_the_listed_items_count_what_the_scorer_counted():
    """Pairs merged or not, the items' counts add up to the sum of the scorer's item counts."""
    alarm, miss = _loose("wrong type", JANE, "ORG")
    spurious = ItemOutcome("boilerplate", "entities", "ORG", None, Span(41, 50, "Acme Corp"), "spurious; in boilerplate")
    other_miss = ItemOutcome("fn", "entities", "PERSON", Span(0, 4, "Jane"), None, "PERSON mention missed")
    scored = (miss, spurious, alarm, other_miss)
    listed = layer_items(_annotations(), "a", "entities", scored)
    assert len(listed) == 3
    for kind in ("tp", "fp", "fn"):
        assert sum(item["counts"][kind] for item in listed) == sum(getattr(i.counts, kind) for i in scored)


def test_a_gold_item_that_moved_between_errors_is_a_change_and_a_lost_hit_is_not():
    annotations = _annotations()
    wrong_type = _loose("wrong type", JANE, "ORG")
    wrong_span = _loose("wrong span", Span(0, 4, "Jane"), "PERSON")
    changes = outcome_changes(annotations, "entities", wrong_type, wrong_span)
    assert [(c["outcome_a"], c["outcome_b"], c["gold"]["text"]) for c in changes] == \
           [("wrong type", "wrong span", "Jane Doe")]
    hit = (ItemOutcome("tp", "entities", "PERSON", JANE, JANE, "PERSON mention found"),)
    assert outcome_changes(annotations, "entities", hit, wrong_span) == []
    assert [(c["outcome_a"], c["outcome_b"]) for c in outcome_changes(
        annotations, "quotes", (_said("Bob", False),), (_said("Jane Doe", True),))] == [("wrong speaker", "hit")]


def test_a_false_alarm_is_marked_where_it_was_predicted_and_a_miss_where_the_gold_is():
    annotations = _annotations()
    wrong = ItemOutcome("fp", "entities", "PERSON", JANE, Span(0, 4, "Jane"), "wrong span: ...")
    missed = ItemOutcome("fn", "entities", "PERSON", JANE, Span(0, 4, "Jane"), "matched only loosely (wrong span)")
    assert (scored_item(annotations, "a", "entities", wrong)["start"],
            scored_item(annotations, "a", "entities", wrong)["end"]) == (0, 4)
    assert (scored_item(annotations, "a", "entities", missed)["start"],
            scored_item(annotations, "a", "entities", missed)["end"]) == (0, 8)


def test_an_item_with_no_place_in_the_text_is_listed_unmarked():
    far = ItemOutcome("fp", "entities", "ORG", None, Span(40, 99, "far"), "spurious")
    ungrounded = ItemOutcome("fp", "entities", "ORG", None, None, "not found in the text: 'x'")
    for item in (far, ungrounded):
        found = scored_item(_annotations(), "a", "entities", item)
        assert (found["start"], found["end"]) == (None, None) and found["outcome"] == "false alarm"


def test_a_quote_carries_its_gold_speaker():
    said = ItemOutcome("tp", "quotes", "indirect", Span(14, 28, "the plan works"), Span(14, 28, "the plan works"),
                       "indirect quote found; speaker 'Bob' wrong")
    assert scored_item(_annotations(), "a", "quotes", said)["gold_speaker"] == "Jane Doe"


def test_the_gold_layer_holds_every_annotated_item_and_notes_boilerplate():
    items = gold_items(_annotations())
    assert [(i["category"], i["start"], i["end"], i["label"]) for i in items] == [
        ("entities", 0, 8, "PERSON"), ("quotes", 14, 28, "indirect")]
    assert all(i["layer"] == GOLD_LAYER and i["outcome"] == "gold" for i in items)
    assert items[1]["gold_speaker"] == "Jane Doe"


def test_a_document_view_numbers_its_items_and_counts_outcomes_per_adapter():
    leak = ItemOutcome("boilerplate", "entities", "ORG", None, Span(41, 50, "Acme Corp"), "spurious; in boilerplate")
    hit = ItemOutcome("tp", "entities", "PERSON", JANE, JANE, "PERSON mention found")
    view = document_view(_annotations(), {"rules": {"entities": (hit, leak)}, "other": {}})
    assert view["layers"] == ["gold", "rules", "other"]
    assert [i["id"] for i in view["items"]] == list(range(len(view["items"])))
    assert view["boilerplate"] == [[30, len(TEXT)]] and view["text"] == TEXT
    assert outcome_counts(view) == {"rules": {"hit": 1, "leaked from boilerplate": 1}}
