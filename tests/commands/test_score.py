"""``harness score``: the oracle file scores 1.0, an empty file recall 0, bad input a clear error."""

import json
import subprocess
import sys

from click.testing import CliRunner

from harness.cli import cli
from harness.commands.score import score
from harness.predictions import corpus_predictions


def write_records(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_oracle_predictions_score_one(tmp_path, example_gold_dir, example_corpus):
    file = write_records(tmp_path / "oracle.jsonl", [p.to_dict() for p in corpus_predictions(example_corpus).values()])
    outcome = CliRunner().invoke(score, [str(example_gold_dir), str(file), "--json", "--resamples", "50"])
    assert outcome.exit_code == 0, outcome.output
    result = json.loads(outcome.output)
    assert {name: c["f1"] for name, c in result["categories"].items()} == dict.fromkeys(
        ["entities", "quotes", "figures", "events"], 1.0)


def test_empty_predictions_give_recall_zero(tmp_path, example_gold_dir):
    file = write_records(tmp_path / "empty.jsonl", [{"doc_id": "example-harbour-tech", "entities": [], "quotes": []}])
    outcome = CliRunner().invoke(score, [str(example_gold_dir), str(file), "--json"])
    assert outcome.exit_code == 0, outcome.output
    result = json.loads(outcome.output)
    assert [c["recall"] for c in result["categories"].values()] == [0.0, 0.0]
    assert result["unsupported"] == ["figures", "events"]


def test_table_output_and_bad_record_in_a_real_process(tmp_path, example_gold_dir):
    good = write_records(tmp_path / "good.jsonl", [{"doc_id": "example-harbour-tech", "entities": []}])
    shown = subprocess.run([sys.executable, "-m", "harness", "score", str(example_gold_dir), str(good)],
                           capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0 and "entities" in shown.stdout and "bootstrap" in shown.stdout
    bad = write_records(tmp_path / "bad.jsonl", [{"doc_id": "example-harbour-tech", "entities": [{"text": "x"}]}])
    failed = subprocess.run([sys.executable, "-m", "harness", "score", str(example_gold_dir), str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert failed.returncode != 0
    assert "bad.jsonl" in failed.stderr and "Traceback" not in failed.stderr


def test_unknown_setting_in_pyproject_is_a_config_error(tmp_path, example_gold_dir, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.harness.scoring]\nquote_mode = "exact"\n', encoding="utf-8")
    file = write_records(tmp_path / "p.jsonl", [{"doc_id": "example-harbour-tech", "entities": []}])
    monkeypatch.chdir(tmp_path)
    failed = subprocess.run([sys.executable, "-m", "harness", "score", str(example_gold_dir), str(file)],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert failed.returncode == 2 and "quote_mode" in failed.stderr and "Traceback" not in failed.stderr


def test_swapped_arguments_are_named_as_such(tmp_path, example_gold_dir):
    file = write_records(tmp_path / "p.jsonl", [{"doc_id": "example-harbour-tech", "entities": []}])
    outcome = CliRunner().invoke(cli, ["score", str(file), str(example_gold_dir)])
    assert outcome.exit_code == 2
    assert "looks like a predictions file and the second" in outcome.output
    assert f"harness score {example_gold_dir} {file}" in outcome.output


def test_unknown_types_are_warnings_and_still_scored(tmp_path, example_gold_dir):
    file = write_records(tmp_path / "p.jsonl", [{
        "doc_id": "example-harbour-tech",
        "entities": [{"text": "Jane Doe", "type": "PERSN"}, {"text": "Oslo", "type": "PERSN"}],
        "events": [{"type": "Conflict.Atack", "trigger": "strike"}]}])
    outcome = CliRunner().invoke(cli, ["score", str(example_gold_dir), str(file), "--json", "--resamples", "50"])
    assert outcome.exit_code == 0, outcome.output
    warnings = json.loads(outcome.stdout)["warnings"]
    assert [(w["kind"], w["value"]) for w in warnings] == [("unknown-entity-type", "PERSN"),
                                                          ("unknown-event-type", "Conflict.Atack")]
    assert "2 entities of type 'PERSN'" in outcome.stderr and "Did you mean 'PERSON'?" in outcome.stderr
    assert "Did you mean 'Conflict.Attack'?" in outcome.stderr


def test_records_for_documents_not_in_the_gold_are_a_warning(tmp_path, example_gold_dir):
    file = write_records(tmp_path / "p.jsonl", [{"doc_id": "example-harbour-tech", "entities": []},
                                                {"doc_id": "example-harbour-tec", "entities": []}])
    outcome = CliRunner().invoke(cli, ["score", str(example_gold_dir), str(file), "--json", "--resamples", "50"])
    assert outcome.exit_code == 0, outcome.output
    [warning] = json.loads(outcome.stdout)["warnings"]
    assert warning["kind"] == "unknown-document" and warning["doc_ids"] == ["example-harbour-tec"]
    assert "Did you mean 'example-harbour-tech'?" in outcome.stderr


def test_predictions_for_no_gold_document_are_an_error(tmp_path, example_gold_dir):
    file = write_records(tmp_path / "p.jsonl", [{"doc_id": "another-corpus-1", "entities": []}])
    outcome = CliRunner().invoke(cli, ["score", str(example_gold_dir), str(file)])
    assert outcome.exit_code == 2
    assert "none of its 1 record(s) is for a gold document" in outcome.output


def test_a_predictions_file_given_as_gold_is_named(tmp_path):
    file = write_records(tmp_path / "p.jsonl", [{"doc_id": "example-harbour-tech", "entities": []}])
    outcome = CliRunner().invoke(cli, ["score", str(file), str(file)])
    assert outcome.exit_code == 2
    assert "looks like a predictions file, but it must be the gold" in outcome.output
