"""Property: the fast schema check agrees with jsonschema on every input, for every schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.fastschema import compile_schema, json_equal
from harness.schemas import load_schema, schema_dir, validator

from fuzz.strategies import corrupted, json_values

DATA = Path(__file__).parent / "data" / "gold" / "annotations" / "example-harbour-tech.json"
VALID = {
    "gold": json.loads(DATA.read_text()),
    "predictions": {
        "doc_id": "d", "entities": [{"text": "A", "type": "ORG", "start": 0, "end": 1, "score": 0.5}],
        "quotes": [{"text": "hi", "speaker": {"text": "he", "start": 3, "end": 5}, "cue": "said", "kind": "direct"}],
        "figures": [{"text": "two", "value": [1, 3]}, {"text": "3", "value": 3.0}],
        "events": [{"type": "Life.Die", "trigger": "died", "arguments": [{"role": "Victim", "text": "A"}],
                    "place": None, "modality": "negated"}],
    },
}


def _agree(name: str, instance) -> None:
    # the peer is jsonschema itself, with the harness's one change: "integer" excludes 12.0
    expected = validator(name).is_valid(instance)
    assert compile_schema(load_schema(name))(instance) == expected


@pytest.mark.parametrize("name", sorted(VALID))
def test_the_valid_examples_pass_both(name):
    _agree(name, VALID[name])
    assert compile_schema(load_schema(name))(VALID[name])


@settings(max_examples=300)
@given(data=st.data())
def test_corrupted_records_are_judged_alike(data):
    name = data.draw(st.sampled_from(sorted(VALID)))
    _agree(name, data.draw(corrupted(VALID[name])))


@settings(max_examples=200)
@given(name=st.sampled_from(["gold", "predictions", "report"]), instance=json_values)
def test_arbitrary_json_is_judged_alike(name, instance):
    _agree(name, instance)


@pytest.mark.parametrize("offset", [12.0, 1e1, True, -1, "12"])
def test_an_offset_that_is_not_a_whole_number_fails_both(offset):
    record = {"doc_id": "d", "entities": [{"text": "A", "type": "ORG", "start": 0, "end": offset}]}
    _agree("predictions", record)
    assert not compile_schema(load_schema("predictions"))(record)


def test_every_schema_compiles():
    for path in schema_dir().glob("*.schema.json"):
        compile_schema(json.loads(path.read_text()))


@pytest.mark.parametrize("a, b, equal", [(1, 1.0, True), (True, 1, False), ([1, {"x": False}], [1.0, {"x": False}], True),
                                         ("1", 1, False), (None, False, False)])
def test_json_equality(a, b, equal):
    assert json_equal(a, b) is equal


TREE = {"$defs": {"node": {"type": "object", "required": ["name"], "additionalProperties": False,
                           "properties": {"name": {"type": "string", "minLength": 1},
                                          "kind": {"oneOf": [{"const": 1}, {"type": "number", "minimum": 1}]},
                                          "children": {"type": "array", "maxItems": 2,
                                                       "items": {"$ref": "#/$defs/node"}}}}},
        "$ref": "#/$defs/node"}


@settings(max_examples=200)
@given(instance=st.recursive(st.fixed_dictionaries({"name": st.sampled_from(["", "a"])},
                                                   optional={"kind": st.sampled_from([1, 1.0, 2, 0, "1", True])}),
                             lambda inner: st.fixed_dictionaries({"name": st.just("a"),
                                                                  "children": st.lists(inner, max_size=3)}),
                             max_leaves=6))
def test_a_recursive_schema_with_one_of_is_judged_alike(instance):
    import jsonschema

    assert compile_schema(TREE)(instance) == jsonschema.Draft202012Validator(TREE).is_valid(instance)
