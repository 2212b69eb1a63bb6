"""Suspicious predictions in a run: warnings in the terminal and every report; no match at all is exit 2."""

import json

import jsonschema
from click.testing import CliRunner

from harness.cli import cli
from harness.schemas import load_schema


def _project(tmp_path, example_gold_dir, records):
    import shutil

    shutil.copytree(example_gold_dir, tmp_path / "gold")
    (tmp_path / "p.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (tmp_path / "pyproject.toml").write_text('[tool.harness.adapters.predictions]\npath = "p.jsonl"\n')
    return tmp_path


def _run(project, monkeypatch):
    monkeypatch.chdir(project)
    return CliRunner().invoke(cli, ["run", "--adapters", "predictions", "--no-cache"], env={"COLUMNS": "200"})


def test_unknown_types_and_documents_are_warned_in_terminal_and_reports(tmp_path, example_gold_dir, monkeypatch):
    project = _project(tmp_path, example_gold_dir, [
        {"doc_id": "example-harbour-tech", "entities": [{"text": "Jane Doe", "type": "PER"}]},
        {"doc_id": "not-in-the-gold", "entities": []},
    ])
    result = _run(project, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "warning: predictions: 1 entity of type 'PER'" in result.output
    assert "1 record(s) in p.jsonl for documents not in the gold, ignored: not-in-the-gold" in result.output
    report = json.loads((project / "reports/latest/report.json").read_text())
    jsonschema.validate(report, load_schema("report"))
    assert [(w["kind"], w["value"]) for w in report["warnings"]] == [("unknown-entity-type", "PER"),
                                                                    ("unknown-document", "not-in-the-gold")]
    markdown = (project / "reports/latest/report.md").read_text()
    html = (project / "reports/latest/report.html").read_text()
    assert "## Warnings (2)" in markdown and "Warnings (2)</h2>" in html


def test_a_clean_run_has_no_warnings_section(tmp_path, example_gold_dir, monkeypatch):
    project = _project(tmp_path, example_gold_dir, [
        {"doc_id": "example-harbour-tech", "entities": [{"text": "Jane Doe", "type": "PERSON"}]}])
    result = _run(project, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert json.loads((project / "reports/latest/report.json").read_text())["warnings"] == []
    assert "Warnings" not in (project / "reports/latest/report.md").read_text()


def test_a_predictions_file_for_no_gold_document_stops_the_run(tmp_path, example_gold_dir, monkeypatch):
    project = _project(tmp_path, example_gold_dir, [{"doc_id": "other-corpus", "entities": []}])
    result = _run(project, monkeypatch)
    assert result.exit_code == 2
    assert "none of its 1 record(s) is for a gold document" in result.output
    assert "Traceback" not in result.output
