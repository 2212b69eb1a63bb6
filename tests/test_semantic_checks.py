"""Semantic checks: each problem names its JSON pointer and the bad value, whatever the path to it."""

from harness.model import sha256_text
from harness.validate import iter_spans, semantic_problems

TEXT = "Ann Lee said rain fell. Ann Lee left."


def _annotations(**lists) -> dict:
    raw = {"doc_id": "d", "text_sha256": sha256_text(TEXT),
           "entities": [{"id": "E1", "type": "PERSON", "mentions": [{"start": 0, "end": 7, "text": "Ann Lee"}]}],
           "regions": [{"start": 0, "end": len(TEXT), "kind": "body"}]}
    raw.update(lists)
    return raw


def _found(raw: dict) -> list[tuple[str, str]]:
    return [(p.pointer, p.message) for p in semantic_problems(raw, TEXT, "a.json")]


def test_span_problems_name_the_nested_pointer():
    mention = {"start": 24, "end": 30, "text": "Ann Lx"}
    raw = _annotations(entities=[{"id": "E1", "type": "PERSON", "mentions": [
        {"start": 0, "end": 7, "text": "Ann Lee"}, mention, {"start": 9, "end": 3, "text": "x"}]}])
    raw["events"] = [{"id": "V1", "type": "Movement.Transport", "trigger": {"start": 33, "end": 33, "text": ""},
                      "arguments": [{"role": "Agent", "span": {"start": 30, "end": 99, "text": "left"}}]}]
    assert _found(raw) == [
        ("/entities/0/mentions/1/text", "span text 'Ann Lx' differs from the document text at [24, 30): 'Ann Le'."),
        ("/entities/0/mentions/2", "end 3 is before start 9."),
        ("/events/0/trigger", "empty span at offset 33."),
        ("/events/0/arguments/0/span", f"offsets [30, 99) run past the end of the text ({len(TEXT)} characters)."),
    ]


def test_id_problems_name_both_places_and_the_reference():
    raw = _annotations(
        figures=[{"id": "E1", "span": {"start": 13, "end": 17, "text": "rain"}}],
        quotes=[{"id": "Q1", "kind": "indirect", "content": {"start": 13, "end": 22, "text": "rain fell"},
                 "speaker_entity": "E9", "addressee": "E1/x~y"}],
        events=[{"id": "V1", "type": "Movement.Transport", "trigger": {"start": 32, "end": 36, "text": "left"},
                 "place": "E7", "arguments": [{"role": "Agent", "entity": "E8"}]}])
    found = _found(raw)
    assert ("/figures/0/id", "duplicate id 'E1'; first used at /entities/0/id.") in found
    assert ("/quotes/0/speaker_entity", "speaker_entity 'E9' is not the id of any entity.") in found
    assert ("/quotes/0/addressee", "addressee 'E1/x~y' is not the id of any entity.") in found
    assert ("/events/0/place", "place 'E7' is not the id of any entity.") in found
    assert ("/events/0/arguments/0/entity", "argument entity 'E8' is not the id of any entity.") in found


def test_iter_spans_gives_the_pointer_of_every_span():
    raw = _annotations(quotes=[{"id": "Q1", "content": {"start": 13, "end": 22, "text": "rain fell"},
                                "cue": {"start": 8, "end": 12, "text": "said"}}])
    assert [where for where, _ in iter_spans(raw)] == ["/entities/0/mentions/0", "/quotes/0/content", "/quotes/0/cue"]


def test_a_clean_file_has_no_problem():
    assert _found(_annotations()) == []
