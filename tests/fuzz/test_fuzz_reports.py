"""Fuzz: report files as read by `harness gate`, `harness baseline`, `harness compare` and the pytest plugin.

Each case is arbitrary JSON, a valid report with one field corrupted, or
the valid report's bytes mangled. The commands run through click's runner:
they may only exit 0, 1 or 2, with a message and never a traceback. The
plugin's session hook runs on the same file and must turn it into a gate
verdict or an error line, never an exception.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from harness import pytest_plugin
from harness.cli import cli
from harness.config import HarnessConfig
from harness.gold import load_gold
from harness.report import build_report
from harness.run import RunOptions, build_adapters, run_evaluation

from .strategies import corrupted, dumps, json_values, mangled_bytes

EXAMPLE = Path(__file__).parent.parent / "data" / "gold"
FUZZ = settings(max_examples=500)
GATE = '''
[tool.harness.gate]
"oracle.entities.f1" = 0.5
"oracle.quotes.attribution.f1" = 0.5

[tool.harness.gate.baseline]
file = "baseline.json"
"oracle.entities.f1" = 0.1
'''


def _valid_report() -> dict:
    corpus = load_gold(EXAMPLE)
    run = run_evaluation(corpus, build_adapters(["oracle"], HarnessConfig(), corpus),
                         options=RunOptions(("oracle",), gold=str(EXAMPLE)))
    report = build_report(run)
    # embedded predictions, as a baseline carries them, so no other file is needed
    from harness.predictions import predictions_to_dict

    report["adapters"]["oracle"]["predictions"] = [predictions_to_dict(p) for p in run.adapters[0].run.predictions.values()]
    report["adapters"]["oracle"]["predictions_file"] = None
    return report


VALID = _valid_report()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("project")
    (folder / "pyproject.toml").write_text('[project]\nname = "fuzz"\n' + GATE, encoding="utf-8")
    (folder / "baseline.json").write_text(dumps(VALID), encoding="utf-8")
    shutil.copytree(EXAMPLE, folder / "gold")
    return folder


def _run_cli(*args: str):
    result = CliRunner().invoke(cli, list(args))
    # 3: baseline saved a report that records failures (the exit-code table)
    assert result.exit_code in (0, 1, 2, 3), (args, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def _plugin_verdict(folder: Path, report: Path) -> tuple[int, list[str]]:
    """The plugin's session-finish hook on ``report``, with the options a user would pass."""
    options = {"--harness-gate": True, "--harness-report": str(report)}
    config = SimpleNamespace(getoption=options.get, stash={}, rootpath=folder)
    session = SimpleNamespace(config=config, exitstatus=pytest.ExitCode.OK)
    pytest_plugin.pytest_sessionfinish(session, 0)
    (outcome,) = config.stash.values()
    return session.exitstatus, outcome["lines"]


def _consume(workspace: Path, monkeypatch, content: bytes) -> None:
    monkeypatch.chdir(workspace)
    report = workspace / "fuzzed" / "report.json"
    report.parent.mkdir(exist_ok=True)
    report.write_bytes(content)
    gate = _run_cli("gate", "--report", str(report))
    _run_cli("baseline", "--report", str(report), "--out", str(workspace / "fuzzed" / "baseline.json"))
    compare = _run_cli("compare", str(report), str(workspace / "baseline.json"), "--gold", str(workspace / "gold"),
                       "--resamples", "100", "--items", "0")
    status, lines = _plugin_verdict(workspace, report)
    assert lines
    if gate.exit_code == 0:
        assert status == pytest.ExitCode.OK and all(line.startswith("PASS") for line in lines)
    else:
        assert status != pytest.ExitCode.OK
        assert gate.output.strip()
    if compare.exit_code != 0:
        assert compare.output.strip()


def test_the_valid_report_passes_every_reader(workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    path = workspace / "valid.json"
    path.write_text(dumps(VALID))
    assert _run_cli("gate", "--report", str(path)).exit_code == 0
    assert _run_cli("compare", str(path), str(workspace / "baseline.json"), "--gold", str(workspace / "gold"),
                    "--resamples", "100").exit_code == 0
    assert _plugin_verdict(workspace, path)[0] == pytest.ExitCode.OK


@FUZZ
@given(value=json_values)
def test_arbitrary_json(workspace, monkeypatch, value):
    _consume(workspace, monkeypatch, dumps(value).encode())


@FUZZ
@given(value=corrupted(VALID))
def test_valid_report_with_one_field_corrupted(workspace, monkeypatch, value):
    _consume(workspace, monkeypatch, dumps(value).encode())


@FUZZ
@given(content=mangled_bytes(json.dumps(VALID, indent=1).encode()))
def test_raw_bytes(workspace, monkeypatch, content):
    _consume(workspace, monkeypatch, content)
