import json
import subprocess
import sys

from click.testing import CliRunner

from harness.cli import cli


def test_clean_gold_exits_zero(example_gold_dir):
    result = CliRunner().invoke(cli, ["validate", str(example_gold_dir)])
    assert result.exit_code == 0, result.output
    assert "1 document(s) valid: OK" in result.output


def test_broken_gold_lists_problems_and_exits_one(example_gold_copy):
    path = example_gold_copy / "annotations" / "example-harbour-tech.json"
    raw = json.loads(path.read_text())
    raw["figures"][0]["span"]["start"] += 1
    raw["events"][1]["arguments"][0]["entity"] = "E404"
    path.write_text(json.dumps(raw))
    result = CliRunner().invoke(cli, ["validate", str(example_gold_copy), "--json"])
    assert result.exit_code == 1
    pointers = [p["pointer"] for p in json.loads(result.output)["problems"]]
    assert pointers == ["/figures/0/span/text", "/events/1/arguments/0/entity"]


def test_invalid_json_is_a_message_not_a_traceback(example_gold_copy):
    (example_gold_copy / "annotations" / "example-harbour-tech.json").write_text("{oops")
    proc = subprocess.run([sys.executable, "-m", "harness", "validate", str(example_gold_copy)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "invalid JSON at line 1, column 2" in proc.stdout


def test_unknown_option_is_a_usage_error():
    result = CliRunner().invoke(cli, ["validate", "--bogus"])
    assert result.exit_code == 2


def _break(gold, change) -> None:
    path = gold / "annotations" / "example-harbour-tech.json"
    raw = json.loads(path.read_text())
    change(raw)
    path.write_text(json.dumps(raw))


def _problems(gold) -> list[dict]:
    result = CliRunner().invoke(cli, ["validate", str(gold), "--json"])
    assert result.exit_code == 1, result.output
    return json.loads(result.output)["problems"]


def test_a_type_error_does_not_hide_an_offset_error(example_gold_copy):
    def change(raw):
        raw["entities"][0]["type"] = "PERSN"  # a schema error
        raw["entities"][1]["mentions"][0]["start"] += 1  # a semantic error elsewhere in the same file
    _break(example_gold_copy, change)
    problems = _problems(example_gold_copy)
    assert [p["pointer"] for p in problems] == ["/entities/0/type", "/entities/1/mentions/0/text"]


def test_a_type_error_in_an_item_leaves_its_own_offsets_checked(example_gold_copy):
    def change(raw):
        raw["entities"][0]["type"] = "PERSN"
        raw["entities"][0]["mentions"][0]["start"] += 1
    _break(example_gold_copy, change)
    assert [p["pointer"] for p in _problems(example_gold_copy)] == ["/entities/0/type",
                                                                   "/entities/0/mentions/0/text"]


def test_an_unknown_entity_type_suggests_the_closest(example_gold_copy):
    _break(example_gold_copy, lambda raw: raw["entities"][0].update(type="PERSN"))
    [problem] = _problems(example_gold_copy)
    assert "Did you mean 'PERSON'?" in problem["message"]


def test_an_unknown_event_type_suggests_the_closest(example_gold_copy):
    _break(example_gold_copy, lambda raw: raw["events"][0].update(type="Conflict.Atack"))
    [problem] = _problems(example_gold_copy)
    assert problem["pointer"] == "/events/0/type"
    assert "Did you mean 'Conflict.Attack'?" in problem["message"]


def test_a_rejected_entity_is_no_dangling_reference(example_gold_copy):
    # the entity's mentions are malformed, but quotes and events that name its id still point at it
    def change(raw):
        raw["entities"][0]["mentions"] = "not a list"
    _break(example_gold_copy, change)
    problems = _problems(example_gold_copy)
    assert [p["pointer"] for p in problems] == ["/entities/0/mentions"]
    assert "a list, e.g. [...]" in problems[0]["message"]


def test_problems_are_in_document_order_with_indices_as_numbers(example_gold_copy):
    def change(raw):
        mentions = raw["entities"][0]["mentions"]
        while len(mentions) < 12:
            mentions.append(dict(mentions[0]))
        for index in (2, 10):
            mentions[index]["start"] = str(mentions[index]["start"])  # a schema error at index 2 and 10
        raw["entities"][0]["mentions"][11]["end"] += 1  # a semantic error at index 11
        raw["figures"][0]["value"] = "35"
        raw["doc_id"] = raw["doc_id"]  # unchanged: its key comes before every list in the file
    _break(example_gold_copy, change)
    pointers = [p["pointer"] for p in _problems(example_gold_copy)]
    assert pointers == ["/entities/0/mentions/2/start", "/entities/0/mentions/10/start",
                        "/entities/0/mentions/11/text", "/figures/0/value"]


def test_validate_json_is_one_document_on_stdout(example_gold_copy):
    _break(example_gold_copy, lambda raw: raw["entities"][0].update(type="PERSN"))
    proc = subprocess.run([sys.executable, "-m", "harness", "validate", str(example_gold_copy), "--json"],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    document = json.loads(proc.stdout)
    assert set(document) == {"files", "documents", "problems"}


def test_a_path_that_does_not_exist_is_an_input_error_naming_init(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for arguments in ([], ["missing"], ["--json"]):
        result = CliRunner().invoke(cli, ["validate", *arguments])
        assert result.exit_code == 2, (arguments, result.output)
        assert "harness init" in result.output and result.stdout == ""


def test_without_a_path_the_configured_gold_folder_is_checked(tmp_path, example_gold_dir, monkeypatch):
    import shutil

    shutil.copytree(example_gold_dir, tmp_path / "data" / "gold")
    (tmp_path / "pyproject.toml").write_text('[tool.harness.paths]\ngold = "data/gold"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert "1 document(s) valid: OK" in result.output
