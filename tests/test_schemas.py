"""The schemas are the file formats' documentation: every property must say what it is."""

import json

import jsonschema
import pytest

from harness.schemas import schema_dir

SCHEMAS = sorted(schema_dir().glob("*.schema.json"))


def _properties(node, path="#"):
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            yield f"{path}/properties/{name}", child
        for key, child in node.items():
            yield from _properties(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _properties(child, f"{path}/{index}")


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_2020_12_with_id_and_title(path):
    schema = json.loads(path.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["$id"].endswith(path.name)
    assert schema["title"] and schema["description"]


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_property_is_described(path):
    schema = json.loads(path.read_text())
    undocumented = [where for where, prop in _properties(schema)
                    if isinstance(prop, dict) and not prop.get("description")]
    assert undocumented == []


def test_gold_and_predictions_schemas_exist():
    names = {p.name for p in SCHEMAS}
    assert {"gold.schema.json", "predictions.schema.json"} <= names


def _messages(instance):
    from harness.schemas import schema_problems

    return [p.message for p in schema_problems("gold", instance, "f.json")]


def _gold(folder):
    return json.loads((folder / "annotations" / "example-harbour-tech.json").read_text())


def test_a_number_written_as_a_string_suggests_the_number(example_gold_dir):
    raw = _gold(example_gold_dir)
    raw["figures"][0]["value"] = "35"
    [message] = _messages(raw)
    assert "should be a number, e.g. 35" in message


def test_a_string_where_a_list_belongs_suggests_a_list(example_gold_dir):
    raw = _gold(example_gold_dir)
    raw["entities"][0]["mentions"] = "Jane Doe"
    [message] = _messages(raw)
    assert "should be a list, e.g. [...]" in message


def test_an_offset_written_as_a_string_suggests_the_whole_number(example_gold_dir):
    raw = _gold(example_gold_dir)
    raw["entities"][0]["mentions"][0]["start"] = "12"
    [message] = _messages(raw)
    assert "should be a whole number, e.g. 12" in message


def test_a_misspelt_property_names_the_closest(example_gold_dir):
    raw = _gold(example_gold_dir)
    raw["entities"][0]["mentons"] = raw["entities"][0].pop("mentions")
    messages = _messages(raw)
    assert any("'mentons' was unexpected" in m and "Did you mean 'mentions'?" in m for m in messages)
