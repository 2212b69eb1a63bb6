"""The pytest plugin: --harness-gate turns a failing gate into a failing session."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from harness.gold import load_gold

pytest_plugins = ["pytester"]
EXAMPLE_GOLD = Path(__file__).parent / "data" / "gold"

PASSING_TEST = "def test_ok():\n    assert True\n"


def _report(f1: float) -> dict:
    score = {"precision": f1, "recall": f1, "f1": f1, "tp": 3, "fp": 1, "fn": 1, "ci95": [0.0, 1.0]}
    return {
        "schema_version": 1, "harness_version": "0", "created": "2024-01-01T00:00:00+00:00", "status": "ok",
        "gold": {"path": "gold", "fingerprint": load_gold(EXAMPLE_GOLD).fingerprint, "documents": []},
        "options": {"adapters": ["rules"], "jobs": 1, "executor": "thread", "cache": True},
        "timings": {"total_seconds": 1.0}, "cache": None,
        "adapters": {"rules": {
            "name": "rules", "version": "1", "fingerprint": "a" * 64, "categories": ["entities"], "status": "ok",
            "predictions_file": None, "documents": {"total": 1, "extracted": 1, "cached": 0, "failed": 0},
            "timings": {"extraction_seconds": 0.1, "scoring_seconds": 0.1},
            "scores": {"entities": score}, "errors": []}},
        "errors": [],
    }


def _project(pytester: pytest.Pytester, *, f1: float = 0.7, gate: str = '"rules.entities.f1" = 0.6') -> None:
    pytester.makefile(".toml", pyproject=f"[tool.harness.gate]\n{gate}\n")
    shutil.copytree(EXAMPLE_GOLD, pytester.path / "gold")  # the gate checks the report came from this gold
    report = pytester.path / "reports" / "latest" / "report.json"
    report.parent.mkdir(parents=True)
    report.write_text(json.dumps(_report(f1)))
    pytester.makepyfile(test_sample=PASSING_TEST)


def test_the_options_are_in_their_own_group(pytester):
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["*harness*", "*--harness-gate*", "*--harness-report=PATH*"])


def test_a_passing_gate_leaves_the_session_passing(pytester):
    _project(pytester, f1=0.7)
    result = pytester.runpytest("--harness-gate")
    result.assert_outcomes(passed=1)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["*harness gate*", "PASS rules.entities.f1: required >= 0.6, actual 0.7000",
                                 "harness gate passed"])


def test_a_failing_gate_fails_a_session_whose_tests_pass(pytester):
    _project(pytester, f1=0.5)
    result = pytester.runpytest("--harness-gate")
    result.assert_outcomes(passed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["FAIL rules.entities.f1: required >= 0.6, actual 0.5000", "harness gate FAILED"])


def test_without_the_option_the_gate_is_not_applied(pytester):
    _project(pytester, f1=0.5)
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.OK
    assert "harness gate" not in result.stdout.str()


def test_a_misspelt_metric_is_a_usage_error_naming_the_valid_ones(pytester):
    _project(pytester, gate='"rules.entities.f2" = 0.6')
    result = pytester.runpytest("--harness-gate")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stdout.fnmatch_lines(["*ERROR*'f2'*valid metrics: precision, recall, f1*"])


def test_a_missing_report_fails_the_gate_and_says_what_to_run(pytester):
    pytester.makefile(".toml", pyproject='[tool.harness.gate]\n"rules.entities.f1" = 0.6\n')
    pytester.makepyfile(test_sample=PASSING_TEST)
    result = pytester.runpytest("--harness-gate")
    assert result.ret == pytest.ExitCode.USAGE_ERROR  # nothing was judged, as `harness gate` exits 2
    result.stdout.fnmatch_lines(["*no report to gate. Run `harness run`*"])


def test_the_fixture_gives_tests_the_report(pytester):
    _project(pytester)
    pytester.makepyfile(test_scores=(
        "def test_rules_finds_entities(harness_report):\n"
        "    assert harness_report['adapters']['rules']['scores']['entities']['tp'] == 3\n"))
    result = pytester.runpytest("test_scores.py")
    result.assert_outcomes(passed=1)


def test_the_fixture_fails_clearly_without_a_report(pytester):
    pytester.makepyfile(test_scores="def test_x(harness_report):\n    pass\n")
    result = pytester.runpytest("--harness-report", "elsewhere/report.json")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*no report at elsewhere*report.json*"])


def test_loading_the_plugin_imports_nothing_heavy():
    import subprocess
    import sys

    code = ("import sys, json, harness.pytest_plugin\n"
            "print(json.dumps([m for m in ('harness.report', 'harness.gate', 'jsonschema', 'rich', 'spacy', 'sklearn')"
            " if m in sys.modules]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout) == []
