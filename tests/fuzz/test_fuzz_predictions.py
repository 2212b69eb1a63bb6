"""Fuzz: prediction files as arbitrary JSON, with one field corrupted, and as raw bytes."""

from __future__ import annotations

from hypothesis import given, settings

from harness.errors import HarnessError
from harness.predictions import load_predictions, predictions_to_dict

from .strategies import corrupted, dumps, json_values, mangled_bytes

VALID = {
    "doc_id": "example-harbour-tech",
    "entities": [{"text": "Jane Doe", "type": "PERSON", "start": 47, "end": 55, "score": 0.9},
                 {"text": "Berlin", "type": "GPE"}],
    "quotes": [{"text": "We are growing faster than ever,", "speaker": {"text": "Doe", "start": 169, "end": 172},
                "kind": "direct", "cue": "told"}],
    "figures": [{"text": "nearly 200 engineers", "value": 200, "unit": "engineer"},
                {"text": "several", "value": [3, 9]}],
    "events": [{"type": "Justice.Arrest-Jail", "trigger": {"text": "arrested"},
                "arguments": [{"role": "Agent", "text": "Police"}], "modality": "reported", "place": "Berlin"}],
}
FUZZ = settings(max_examples=500)


def _load(tmp_path_factory, content: bytes, suffix: str = ".json"):
    path = tmp_path_factory.mktemp("preds") / f"p{suffix}"
    path.write_bytes(content)
    try:
        records = load_predictions(path)
    except HarnessError as error:
        assert str(error)
        return None
    for record in records.values():
        # a record that loads serialises back to something that loads to the same record
        again = tmp_path_factory.mktemp("again") / "p.json"
        again.write_text(dumps(predictions_to_dict(record)))
        assert load_predictions(again)[record.doc_id] == record
    return records


def test_the_valid_example_loads(tmp_path_factory):
    assert _load(tmp_path_factory, dumps(VALID).encode())


@FUZZ
@given(value=json_values)
def test_arbitrary_json(tmp_path_factory, value):
    _load(tmp_path_factory, dumps(value).encode())


@FUZZ
@given(value=corrupted(VALID))
def test_valid_record_with_one_field_corrupted(tmp_path_factory, value):
    _load(tmp_path_factory, dumps(value).encode())


@FUZZ
@given(content=mangled_bytes((dumps(VALID) + "\n" + dumps({**VALID, "doc_id": "b"})).encode()))
def test_raw_bytes_jsonl(tmp_path_factory, content):
    _load(tmp_path_factory, content, ".jsonl")
