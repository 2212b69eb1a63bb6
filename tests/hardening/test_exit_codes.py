"""One exit-code table for every command, and every error shown in the terminal, not only in the reports.

0 success, 1 a check failed, 2 usage, configuration or input error, 3 the
run finished but an adapter or a document failed (reports still written).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import cli

from .builders import simple_document, write_gold

TEXT = "Acme Corp hired Jane Doe in Berlin.\n"
# fails on the document called "bad", with a message that also holds markup-like brackets
PROGRAM = ("import json, sys\nd = json.load(sys.stdin)\n"
           "if d['doc_id'] == 'bad':\n    sys.exit('[red]cannot read[/] ' + d['doc_id'])\n"
           "s = d['text'].find('Acme Corp')\n"
           "print(json.dumps({'entities': [{'text': 'Acme Corp', 'type': 'ORG', 'start': s, 'end': s + 9}]}))\n")


def _invoke(*args: str):
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})


@pytest.fixture
def configured(project):
    write_gold(project / "gold", [simple_document(doc_id, TEXT, {"Acme Corp": "ORG"}) for doc_id in ("good", "bad")])
    (project / "prog.py").write_text(PROGRAM)
    python = Path(sys.executable).as_posix()
    with (project / "pyproject.toml").open("a") as handle:
        handle.write(f'[tool.harness.adapters.half]\nadapter = "command"\nargv = ["{python}", "prog.py"]\n'
                     'categories = ["entities"]\n'
                     '[tool.harness.adapters.dead]\nadapter = "command"\nargv = ["false"]\ncategories = ["entities"]\n')
    return project


def test_a_run_with_a_failed_document_exits_3_and_prints_the_error_table(configured):
    result = _invoke("run", "--adapters", "half")
    assert result.exit_code == 3, result.output
    assert (configured / "reports" / "latest" / "report.json").exists()
    [row] = [line for line in result.output.splitlines() if "exit-status" in line]
    assert re.search(r"half\s.*bad\s.*extract\s.*exit-status\s.*exited with status 1", row)


def test_a_failed_adapter_shows_failed_never_a_score(configured):
    result = _invoke("run", "--adapters", "dead")
    assert result.exit_code == 3
    table = result.output.split("Errors (")[0]
    assert "failed" in table and "0.00" not in table and "(0/0)" not in table
    assert result.output.count("exit-status") == 2  # both documents, each in the error table


def test_a_clean_run_exits_0(configured):
    assert _invoke("run", "--adapters", "oracle").exit_code == 0


@pytest.mark.parametrize("args, code", [
    (("run", "--adapters", "nope"), 2),  # usage
    (("score", "gold", "missing.jsonl"), 2),  # input
    (("validate", "gold"), 0),
    (("extract", "--adapter", "half", "good.txt", "bad.txt"), 3),  # one file failed, the other was written
])
def test_every_command_follows_the_table(configured, args, code):
    (configured / "good.txt").write_text(TEXT)
    (configured / "bad.txt").write_text(TEXT)
    result = _invoke(*args)
    assert result.exit_code == code, result.output


def test_validate_exits_1_when_its_check_finds_problems(configured):
    path = configured / "gold" / "annotations" / "good.json"
    annotations = json.loads(path.read_text())
    annotations["entities"][0]["mentions"][0]["end"] += 1
    path.write_text(json.dumps(annotations))
    assert _invoke("validate", "gold").exit_code == 1


def test_a_configuration_error_is_exit_2_for_gate_and_baseline_too(configured):
    with (configured / "pyproject.toml").open("a") as handle:
        handle.write("[tool.harness.paths]\nreport = 'x'\n")
    for command in ("run", "gate", "baseline"):
        result = _invoke(command)
        assert result.exit_code == 2 and "Did you mean 'reports'?" in result.output, command
