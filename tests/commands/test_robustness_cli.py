"""``harness robustness`` end to end with the oracle on the example gold."""

import json

from click.testing import CliRunner

from harness.cli import cli


def test_oracle_run_prints_the_table_and_writes_the_report(example_gold_dir, tmp_path):
    result = CliRunner().invoke(cli, ["robustness", "--adapter", "oracle", "--examples", "5", "--seed", "2",
                                      "--gold", str(example_gold_dir), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "ΔF1" in result.output and "worst" in result.output and "entities" in result.output  # two-line headers
    report = json.loads((tmp_path / "robustness-oracle.json").read_text())
    assert report["documents"][0]["examples"] == 5 and report["documents"][0]["broken"] == 0


def test_unknown_document_is_a_usage_error(example_gold_dir, tmp_path):
    result = CliRunner().invoke(cli, ["robustness", "--adapter", "oracle", "--doc", "nope",
                                      "--gold", str(example_gold_dir), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "nope" in result.output and "Traceback" not in result.output


def test_replay_of_a_bad_file_is_an_error_without_traceback(example_gold_dir, tmp_path):
    bad = tmp_path / "fixture.json"
    bad.write_text("[]")
    result = CliRunner().invoke(cli, ["robustness", "--adapter", "oracle", "--replay", str(bad),
                                      "--gold", str(example_gold_dir)])
    assert result.exit_code == 2 and "not a robustness fixture" in result.output
