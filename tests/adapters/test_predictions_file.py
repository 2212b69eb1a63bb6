"""The predictions adapter: precomputed records from JSON, JSONL or a folder."""

import json

import pytest

from harness.adapters import get_adapter, run_extractor
from harness.model import Document

A = Document("a", "Alpha text here.")
B = Document("b", "Beta text here.")


def records(*items):
    return "\n".join(json.dumps(i) for i in items) + "\n"


def test_jsonl_records_are_served_by_doc_id(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(records({"doc_id": "a", "entities": [{"text": "Alpha", "type": "ORG"}]}, {"doc_id": "b", "entities": []}))
    extractor = get_adapter("predictions", overrides={"path": str(path)})
    assert run_extractor(extractor, A).predictions.entities[0].text == "Alpha"
    assert run_extractor(extractor, B).predictions.entities == ()
    assert extractor.categories == ("entities",)


def test_a_folder_of_json_files(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"doc_id": "a", "figures": []}))
    (tmp_path / "b.json").write_text(json.dumps([{"doc_id": "b", "figures": []}]))
    extractor = get_adapter("predictions", overrides={"path": str(tmp_path)})
    assert run_extractor(extractor, A).ok and run_extractor(extractor, B).ok


def test_a_broken_line_costs_only_its_document(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"doc_id": "a", "entities": []}\n{"doc_id": "b", "entities": [\n')
    extractor = get_adapter("predictions", overrides={"path": str(path)})
    assert run_extractor(extractor, A).ok
    error = run_extractor(extractor, B).error
    assert error["kind"] == "no-record" and "p.jsonl:2" in error["message"]


def test_a_record_failing_the_schema_is_an_error_for_that_document(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(records({"doc_id": "a", "entities": [{"text": "x"}]}, {"doc_id": "b"}))
    extractor = get_adapter("predictions", overrides={"path": str(path)})
    assert run_extractor(extractor, A).error["pointer"] == "/entities/0"
    assert run_extractor(extractor, B).ok


def test_duplicate_records_are_an_error_naming_both_lines(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(records({"doc_id": "a"}, {"doc_id": "a"}))
    error = run_extractor(get_adapter("predictions", overrides={"path": str(path)}), A).error
    assert error["kind"] == "duplicate-record" and "p.jsonl:1" in error["message"] and "p.jsonl:2" in error["message"]


def test_new_content_new_fingerprint(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(records({"doc_id": "a"}))
    before = get_adapter("predictions", overrides={"path": str(path)}).fingerprint
    path.write_text(records({"doc_id": "a", "entities": []}))
    assert get_adapter("predictions", overrides={"path": str(path)}).fingerprint != before


def test_a_missing_path_is_a_config_error(tmp_path):
    from harness.errors import ConfigError

    with pytest.raises(ConfigError, match="does not exist"):
        get_adapter("predictions", overrides={"path": str(tmp_path / "nope.jsonl")})
