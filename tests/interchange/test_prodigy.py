"""Prodigy JSONL: accepted examples only, document ids from meta, bad spans by line."""

import json

from .helpers import imported, mentions


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_only_accepted_examples_are_gold(tmp_path):
    path = _write(tmp_path / "ner.jsonl", [
        {"text": "Acme hired Jane.", "spans": [{"start": 0, "end": 4, "label": "ORG"}], "answer": "accept",
         "meta": {"id": "hire"}},
        {"text": "Nope.", "spans": [], "answer": "reject"},
        {"text": "Skip.", "spans": [], "answer": "ignore"},
    ])
    gold, reading, _ = imported("prodigy", path)
    assert list(gold) == ["hire"] and mentions(gold["hire"]) == [(0, 4, "Acme", "ORG")]
    assert reading.skipped == {"Prodigy examples not accepted": 2}


def test_a_line_without_an_id_is_named_by_file_and_line(tmp_path):
    path = _write(tmp_path / "ner.jsonl", [{"text": "Oslo.", "spans": [{"start": 0, "end": 4, "label": "GPE"}]}])
    gold, _, _ = imported("prodigy", path)
    assert list(gold) == ["ner-0001"]


def test_a_bad_span_names_the_line_and_value(tmp_path):
    path = _write(tmp_path / "ner.jsonl", [
        {"text": "Oslo.", "spans": []},
        {"text": "Oslo.", "spans": [{"start": 0, "end": 9, "label": "GPE"}], "meta": {"id": "b"}}])
    _, _, built = imported("prodigy", path)
    [problem] = built.problems
    assert problem.file == f"{path}:2 span 0" and problem.value == [0, 9]
