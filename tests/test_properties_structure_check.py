"""Property: the fast structural check of the harness's own predictions passes a record
exactly when the full check (schema, surrogates, offsets) finds no problem."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.predictions import _well_formed, prediction_problems, structure_problems

from fuzz.strategies import corrupted, json_values

VALID = {
    "doc_id": "d", "adapter": "rules",
    "entities": [{"text": "A", "type": "ORG", "start": 0, "end": 1, "score": 0.5, "form": "name"}],
    "quotes": [{"text": "hi", "speaker": {"text": "he", "start": 3, "end": 5}, "cue": "said", "kind": "direct"}],
    "figures": [{"text": "two", "value": [1, 3]}, {"text": "3", "value": 3.0, "unit": None},
                {"text": "2-0", "value": {"pair": [2, 0]}}],
    "events": [{"type": "Life.Die", "trigger": "died", "arguments": [{"role": "Victim", "text": "A"}],
                "place": None, "modality": "negated", "time": "2024-01-01"}],
}


def _agree(record, text_length=None) -> None:
    full_ok = not prediction_problems(record, "f", text_length=text_length)
    assert _well_formed(record, text_length) == full_ok
    assert (not structure_problems(record, "f", text_length=text_length)) == full_ok


def test_the_valid_example_passes_both():
    _agree(VALID)
    assert _well_formed(VALID, 10)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_corrupted_records_are_judged_alike(data):
    _agree(data.draw(corrupted(VALID)), data.draw(st.sampled_from([None, 2, 10])))


@settings(max_examples=150, deadline=None)
@given(instance=json_values)
def test_arbitrary_json_is_judged_alike(instance):
    _agree(instance)


def test_a_lone_surrogate_is_explained_with_its_pointer():
    record = {"doc_id": "d", "entities": [{"text": "A\ud800", "type": "ORG"}]}
    problems = structure_problems(record, "f")
    assert problems and problems[0].pointer == "/entities/0/text"


def test_numbers_json_cannot_hold_are_refused_by_both():
    for record in ({"doc_id": "d", "entities": [{"text": "A", "type": "ORG", "score": float("nan")}]},
                   {"doc_id": "d", "figures": [{"text": "two", "value": [1, float("inf")]}]},
                   {"doc_id": "d", "figures": [{"text": "2-0", "value": {"pair": [float("nan"), 0]}}]}):
        _agree(record)
        assert structure_problems(record, "f")[0].pointer.startswith(("/entities/0/score", "/figures/0/value"))
