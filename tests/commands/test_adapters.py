"""`harness adapters` lists every adapter with its status."""

import json

import pytest

from click.testing import CliRunner

from harness.cli import cli


def test_lists_all_six_builtins_with_status(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["adapters"])
    assert result.exit_code == 0, result.output
    header, *rows = [line for line in result.output.splitlines() if line and not line.startswith(" ")]
    assert header.split() == ["adapter", "status", "source", "categories"]
    lines = {line.split()[0]: line.split()[1] for line in rows}
    assert lines == {"oracle": "ready", "rules": "ready", "spacy": "ready", "llm": "unconfigured",
                     "command": "unconfigured", "predictions": "unconfigured"}


def test_configured_variant_and_json_output(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.harness.adapters.spacy-xx]\nadapter = "spacy"\nmodel = "xx_missing_model"\n'
        '[tool.harness.adapters.llm]\nbase_url = "http://127.0.0.1:9/v1"\nmodel = "m"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["adapters", "--json"])
    infos = {i["name"]: i for i in json.loads(result.output)}
    assert infos["spacy-xx"]["status"] == "missing-dependency"
    assert infos["spacy-xx"]["install_hint"] == "python -m spacy download xx_missing_model"
    assert infos["llm"]["status"] == "ready"



def test_the_spacy_adapter_says_which_layers_it_borrows(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    listed = CliRunner().invoke(cli, ["adapters"]).output.splitlines()
    at = next(i for i, line in enumerate(listed) if line.startswith("spacy "))
    note = " ".join(line.strip() for line in listed[at + 1:at + 4] if line.startswith(" "))
    assert listed[at + 1].strip().startswith("note:") and "rules' layer" in note
    infos = {i["name"]: i for i in json.loads(CliRunner().invoke(cli, ["adapters", "--json"]).output)}
    assert "rules' layer" in infos["spacy"]["note"] and infos["rules"]["note"] == ""


@pytest.mark.parametrize("columns", [80, 200])
def test_adapters_lines_fit_the_terminal_and_json_is_stdout_only(tmp_path, monkeypatch, columns):
    monkeypatch.chdir(tmp_path)
    shown = CliRunner().invoke(cli, ["adapters"], env={"COLUMNS": str(columns)})
    assert shown.exit_code == 0 and all(len(line) <= columns for line in shown.output.splitlines())
    names = [line.split()[0] for line in shown.output.splitlines() if line and not line.startswith(" ")]
    assert names[0] == "adapter" and {"rules", "oracle", "spacy", "llm", "command", "predictions"} <= set(names)
    listed = CliRunner().invoke(cli, ["adapters", "--json"])
    assert {i["name"] for i in json.loads(listed.stdout)} >= {"rules", "oracle"}


@pytest.mark.parametrize("columns", [80, 200])
def test_a_long_variant_name_still_fits_and_keeps_its_categories_whole(tmp_path, monkeypatch, columns):
    (tmp_path / "pyproject.toml").write_text('[tool.harness.adapters.rules-without-boilerplate-cleaning]\n'
                                             'adapter = "rules"\nclean_boilerplate = false\n')
    monkeypatch.chdir(tmp_path)
    shown = CliRunner().invoke(cli, ["adapters"], env={"COLUMNS": str(columns)})
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert all(len(line) <= columns for line in lines), [line for line in lines if len(line) > columns]
    assert sum("entities,quotes,figures,events" in line for line in lines) == 7  # six built-ins and the variant
