"""`harness init`: a project that validates and runs, without overwriting anything the user has."""

from __future__ import annotations

import json
import tomllib

import pytest
from click.testing import CliRunner

from harness.cli import cli
from harness.commands.init import EXAMPLE_ID


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_then_validate_then_run_scores_the_example(folder):
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    validated = runner.invoke(cli, ["validate"])
    assert validated.exit_code == 0, validated.output
    ran = runner.invoke(cli, ["run"])
    assert ran.exit_code == 0, ran.output
    report = json.loads((folder / "reports" / "latest" / "report.json").read_text())
    assert [d["doc_id"] for d in report["gold"]["documents"]] == [EXAMPLE_ID]
    assert report["adapters"]["rules"]["scores"]["quotes"]["tp"] >= 1  # the example's one quote is found
    assert len(list((folder / "reports" / "runs").iterdir())) == 1


def test_the_example_has_every_layer_and_boilerplate(folder):
    CliRunner().invoke(cli, ["init"])
    annotations = json.loads((folder / "gold" / "annotations" / f"{EXAMPLE_ID}.json").read_text())
    assert all(annotations[layer] for layer in ("entities", "quotes", "figures", "events"))
    assert {e["type"] for e in annotations["entities"]} >= {"PERSON", "ORG"}
    assert any(region["kind"] == "boilerplate" for region in annotations["regions"])
    assert "GUIDELINES.md" in (folder / "gold" / "README.md").read_text()


def test_the_settings_have_the_gate_commented_out(folder):
    CliRunner().invoke(cli, ["init", "project"])
    text = (folder / "project" / "pyproject.toml").read_text()
    settings = tomllib.loads(text)["tool"]["harness"]
    assert "gate" not in settings and '# "rules.entities.f1"' in text and settings["keep_runs"] == 20


def test_an_existing_pyproject_is_appended_to(folder):
    (folder / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0 and "added a [tool.harness] section" in result.output
    document = tomllib.loads((folder / "pyproject.toml").read_text())
    assert document["project"] == {"name": "mine"} and "paths" in document["tool"]["harness"]


def test_an_existing_harness_section_and_gold_files_are_left_alone(folder):
    original = '[tool.harness]\nslice_by = ["domain"]\n'
    (folder / "pyproject.toml").write_text(original)
    (folder / "gold").mkdir()
    (folder / "gold" / "README.md").write_text("my notes")
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0 and "already has a [tool.harness] section" in result.output
    assert (folder / "pyproject.toml").read_text() == original
    assert (folder / "gold" / "README.md").read_text() == "my notes"
    assert (folder / "gold" / "documents" / f"{EXAMPLE_ID}.txt").exists()


def test_a_gold_folder_with_annotated_documents_gets_no_example_article(folder):
    (folder / "gold" / "annotations").mkdir(parents=True)
    (folder / "gold" / "annotations" / "mine.json").write_text("{}")
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    assert not (folder / "gold" / "annotations" / f"{EXAMPLE_ID}.json").exists()
    assert not (folder / "gold" / "documents" / f"{EXAMPLE_ID}.txt").exists()
    assert "1 annotated document" in result.output and "harness show" not in result.output


def test_a_broken_pyproject_is_not_touched(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "pyproject.toml").write_text("[project\n")
    result = CliRunner().invoke(cli, ["init", "sub"])
    assert result.exit_code == 2 and "invalid TOML" in result.output
    assert (folder / "sub" / "pyproject.toml").read_text() == "[project\n"


@pytest.mark.parametrize("command", [["run"], ["validate"], ["robustness", "--adapter", "rules"],
                                     ["gate", "--run"], ["export", "--format", "hf", "out"]])
def test_outside_a_project_the_no_gold_message_names_init(folder, command):
    result = CliRunner().invoke(cli, command)
    assert result.exit_code in (1, 2) and "harness init" in result.output, result.output
