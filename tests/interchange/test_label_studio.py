"""Label Studio JSON exports: labels results, the annotation-choice rule, --annotator, UTF-16 offsets."""

import json

from harness.interchange.label_studio import choose_annotation

from .helpers import imported, mentions, round_trip

TEXT = "Acme hired Jane Doe in Oslo."


def _result(start, end, label, kind="labels"):
    return {"id": f"r{start}", "from_name": "label", "to_name": "text", "type": kind,
            "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}}


def _export(tmp_path, annotations, data=None):
    task = {"id": 7, "data": data or {"text": TEXT}, "annotations": annotations}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]))
    return path


def test_labels_results_are_read_and_other_results_counted(tmp_path):
    path = _export(tmp_path, [{"id": 1, "completed_by": 3, "result": [
        _result(0, 4, "ORG"), _result(11, 19, "PER"), _result(23, 27, "LOC"),
        {"type": "choices", "value": {"choices": ["news"]}}]}])
    gold, reading, _ = imported("label-studio", path)
    assert mentions(gold["task-7"]) == [(0, 4, "Acme", "ORG"), (11, 19, "Jane Doe", "PERSON"), (23, 27, "Oslo", "GPE")]
    assert reading.skipped == {"Label Studio choices results (ignored)": 1}


def test_the_rule_prefers_ground_truth_then_the_latest_and_skips_cancelled():
    older = {"id": 1, "updated_at": "2024-01-01T00:00:00Z"}
    newer = {"id": 2, "updated_at": "2024-02-01T00:00:00Z"}
    cancelled = {"id": 3, "updated_at": "2024-03-01T00:00:00Z", "was_cancelled": True}
    assert choose_annotation([older, newer, cancelled], None)[1]["id"] == 2
    assert choose_annotation([{**older, "ground_truth": True}, newer], None)[1]["id"] == 1
    assert choose_annotation([cancelled], None) is None


def test_annotator_picks_by_id_or_email(tmp_path):
    path = _export(tmp_path, [
        {"id": 1, "completed_by": {"id": 3, "email": "ann@example.org"}, "result": [_result(0, 4, "ORG")]},
        {"id": 2, "completed_by": {"id": 4, "email": "bob@example.org"}, "updated_at": "2025-01-01",
         "result": [_result(0, 4, "PER")]}])
    by_email, _, _ = imported("label-studio", path, annotator="ann@example.org")
    by_id, _, _ = imported("label-studio", path, annotator="4")
    assert mentions(by_email["task-7"])[0][3] == "ORG"
    assert mentions(by_id["task-7"])[0][3] == "PERSON"


def test_utf16_offsets_from_a_browser_are_converted(tmp_path):
    text = "\U0001F600 Acme"  # the emoji is two UTF-16 units, one code point
    task = {"id": 1, "data": {"text": text, "doc_id": "emoji"},
            "annotations": [{"result": [{"type": "labels", "value": {"start": 3, "end": 7, "text": "Acme", "labels": ["ORG"]}}]}]}
    (tmp_path / "export.json").write_text(json.dumps([task]))
    gold, _, built = imported("label-studio", tmp_path / "export.json")
    assert not built.problems and mentions(gold["emoji"]) == [(2, 6, "Acme", "ORG")]


def test_a_wrong_span_text_names_the_json_pointer(tmp_path):
    bad = _result(0, 4, "ORG")
    bad["value"]["text"] = "Acne"
    path = _export(tmp_path, [{"id": 1, "result": [bad]}])
    _, _, built = imported("label-studio", path)
    [problem] = built.problems
    assert problem.file == f"{path}#/0/annotations/0/result/0" and problem.value == "Acne"


def test_export_then_import_gives_the_same_mentions(example_corpus, tmp_path):
    for original, back in round_trip("label-studio", example_corpus, tmp_path, "tasks.json"):
        assert back.document.text == original.document.text and mentions(back) == mentions(original)
