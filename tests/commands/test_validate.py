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
