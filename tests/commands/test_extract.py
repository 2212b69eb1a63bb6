"""`harness extract`: raw article files in, schema-valid predictions out as JSON Lines."""

import json
import sys

from click.testing import CliRunner

from harness.cli import cli
from harness.predictions import prediction_problems

ARTICLE = "Police said 12 people were arrested in Leeds on Friday.\n"


def test_text_files_give_one_valid_record_each(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "leeds arrests.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("Nothing happened.\n")
    result = CliRunner().invoke(cli, ["extract", "--adapter", "rules", "leeds arrests.txt", "b.txt"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc_id"] for r in records] == ["leeds-arrests", "b"]
    assert all(prediction_problems(r, "out") == [] for r in records)
    assert "12 people" in [f["text"] for f in records[0]["figures"]]


def test_html_is_cleaned_first(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(f"<html><body><nav>Home</nav><p>{ARTICLE}</p><script>x=1</script></body></html>")
    result = CliRunner().invoke(cli, ["extract", "--adapter", "rules", "--html", "page.html"])
    record = json.loads(result.stdout)
    assert "Leeds" in [e["text"] for e in record["entities"]]
    assert "Home" not in [e["text"] for e in record["entities"]]


def test_set_overrides_and_a_failing_file_is_reported_while_others_are_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    program = tmp_path / "x.py"
    program.write_text("import json,sys\nd=json.load(sys.stdin)\n"
                       "sys.exit('bad input') if 'fail' in d['text'] else print(json.dumps({'entities': []}))\n")
    (tmp_path / "ok.txt").write_text("fine\n")
    (tmp_path / "bad.txt").write_text("fail\n")
    argv = json.dumps([sys.executable, str(program)])
    result = CliRunner().invoke(
        cli, ["extract", "--adapter", "command", "--set", f"argv={argv}", "--out", "p.jsonl", "ok.txt", "bad.txt"])
    assert result.exit_code == 3  # a file failed, the others were written
    assert "bad.txt" in result.stderr and "bad input" in result.stderr
    assert [json.loads(line)["doc_id"] for line in (tmp_path / "p.jsonl").read_text().splitlines()] == ["ok"]


def test_unknown_adapter_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = CliRunner().invoke(cli, ["extract", "--adapter", "nope", "a.txt"])
    assert result.exit_code == 2 and "unknown adapter 'nope'" in result.stderr and "Traceback" not in result.stderr


def test_an_html_file_without_html_is_a_usage_error_naming_the_fix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    result = CliRunner().invoke(cli, ["extract", "--adapter", "rules", "page.html"])
    assert result.exit_code == 2
    assert "page.html is an HTML page" in result.output
    assert "harness extract --adapter rules --html page.html" in result.output


def test_html_content_under_another_suffix_is_recognised(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text(f"<!DOCTYPE html><html><body><p>{ARTICLE}</p></body></html>")
    result = CliRunner().invoke(cli, ["extract", "--adapter", "rules", "page.txt"])
    assert result.exit_code == 2 and "--html" in result.output


def test_print_text_shows_the_text_the_offsets_count(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(f"<html><body><nav>Home</nav><p>{ARTICLE}</p></body></html>")
    text = CliRunner().invoke(cli, ["extract", "--adapter", "rules", "--html", "--print-text", "page.html",
                                    "--out", "p.jsonl"])
    assert text.exit_code == 0, text.output
    [record] = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    leeds = next(e for e in record["entities"] if e["text"] == "Leeds")
    assert text.stdout[leeds["start"]:leeds["end"]] == "Leeds"
