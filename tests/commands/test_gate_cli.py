"""`harness gate` and `harness baseline` as CI runs them: real subprocesses, real files, exit codes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from harness.gold import load_gold

EXAMPLE_GOLD = Path(__file__).parent.parent / "data" / "gold"
# the gate checks a report against the gold it is given: these reports say they come from the example gold
GOLD_FINGERPRINT = load_gold(EXAMPLE_GOLD).fingerprint


def _report(entities_f1: float, quotes_f1: float = 0.4) -> dict:
    def score(f1):
        return {"precision": f1, "recall": f1, "f1": f1, "tp": 2, "fp": 1, "fn": 1, "ci95": [0.0, 1.0],
                "subscores": {}, "per_type": {}, "leakage": {}, "ungrounded": 0}

    return {
        "schema_version": 1, "harness_version": "0", "created": "2024-01-01T00:00:00+00:00", "status": "ok",
        "gold": {"path": "gold", "fingerprint": GOLD_FINGERPRINT, "documents": []},
        "options": {"adapters": ["rules"], "jobs": 1, "executor": "thread", "cache": True},
        "timings": {"total_seconds": 1.0}, "cache": None,
        "adapters": {"rules": {
            "name": "rules", "version": "1", "fingerprint": "a" * 64, "categories": ["entities", "quotes"],
            "status": "ok", "predictions_file": None,
            "documents": {"total": 1, "extracted": 1, "cached": 0, "failed": 0},
            "timings": {"extraction_seconds": 0.1, "scoring_seconds": 0.1},
            "scores": {"entities": score(entities_f1), "quotes": score(quotes_f1)}, "errors": []}},
        "errors": [],
    }


def _project(tmp_path: Path, gate: str, report: dict | None = None) -> Path:
    import shutil

    (tmp_path / "pyproject.toml").write_text(gate)
    if not (tmp_path / "gold").exists():
        shutil.copytree(EXAMPLE_GOLD, tmp_path / "gold")
    if report is not None:
        path = tmp_path / "reports" / "latest" / "report.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report))
    return tmp_path


def _harness(project: Path, *arguments: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(["harness", *arguments], cwd=project, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_the_gate_passes_with_exit_0_and_prints_each_check(tmp_path):
    project = _project(tmp_path, '[tool.harness.gate]\n"rules.entities.f1" = 0.5\n', _report(0.6))
    proc = _harness(project, "gate")
    assert proc.returncode == 0, proc.stderr
    assert ["PASS", "rules.entities.f1", ">=", "0.5", "0.6000"] in [line.split() for line in proc.stdout.splitlines()]


def test_a_threshold_above_the_score_fails_with_exit_1_naming_the_check(tmp_path):
    project = _project(tmp_path, '[tool.harness.gate]\n"rules.entities.f1" = 0.5\n"rules.quotes.f1" = 0.45\n',
                       _report(0.6, quotes_f1=0.4))
    proc = _harness(project, "gate")
    assert proc.returncode == 1
    rows = [line.split()[:2] for line in proc.stdout.splitlines()]
    assert ["FAIL", "rules.quotes.f1"] in rows and ["PASS", "rules.entities.f1"] in rows


@pytest.mark.parametrize("key, names", [
    ("rules.entities.f1score", "valid metrics: precision, recall, f1"),
    ("rules.entites.f1", "valid categories: entities, quotes, figures, events. Did you mean 'entities'?"),
    ("spacey.entities.f1", "adapters there: rules"),
])
def test_a_misspelt_name_is_exit_2_listing_the_valid_names(tmp_path, key, names):
    project = _project(tmp_path, f'[tool.harness.gate]\n"{key}" = 0.5\n', _report(0.6))
    proc = _harness(project, "gate")
    assert proc.returncode == 2
    assert names in proc.stderr and "Traceback" not in proc.stderr


def test_a_missing_report_says_to_run_first(tmp_path):
    proc = _harness(_project(tmp_path, '[tool.harness.gate]\n"rules.entities.f1" = 0.5\n'), "gate")
    assert proc.returncode == 2 and "harness run" in proc.stderr and "Traceback" not in proc.stderr


def test_the_step_summary_and_junit_are_written(tmp_path):
    project = _project(tmp_path, '[tool.harness.gate]\n"rules.entities.f1" = 0.7\n', _report(0.6))
    summary = tmp_path / "summary.md"
    proc = _harness(project, "gate", "--junit", "gate.xml", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1
    assert "| `rules.entities.f1` | >= 0.7 | 0.6000 | **FAIL** |" in summary.read_text()
    assert 'name="rules.entities.f1"' in (tmp_path / "gate.xml").read_text()


def test_a_baseline_drop_beyond_the_allowance_fails(tmp_path):
    gate = '[tool.harness.gate.baseline]\n"rules.entities.f1" = 0.05\n'
    project = _project(tmp_path, gate, _report(0.8))
    made = _harness(project, "baseline")
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "reports" / "baseline.json").exists()
    assert _harness(project, "gate").returncode == 0
    _project(tmp_path, gate, _report(0.7))
    proc = _harness(project, "gate")
    assert proc.returncode == 1
    assert ["FAIL", "rules.entities.f1", "(vs", "baseline)"] in [line.split()[:4] for line in proc.stdout.splitlines()]



def _with_attribution(report: dict) -> dict:
    quotes = report["adapters"]["rules"]["scores"]["quotes"]
    quotes["subscores"] = {
        "attribution": {"precision": 0.8, "recall": 0.8, "f1": 0.8, "tp": 8, "fp": 2, "fn": 0, "ci95": None,
                        "kind": "rate"},
        "detection": {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1, "ci95": None,
                      "kind": "prf"}}
    return report


def test_a_rate_sub_score_is_checked_by_the_name_the_tables_print(tmp_path):
    project = _project(tmp_path, '[tool.harness.gate]\n"rules.quotes.attribution.rate" = 0.75\n',
                       _with_attribution(_report(0.6)))
    proc = _harness(project, "gate", "--json")
    assert proc.returncode == 0, proc.stderr
    [check] = json.loads(proc.stdout)["checks"]
    assert (check["name"], check["actual"], check["passed"]) == ("rules.quotes.attribution.rate", 0.8, True)


def test_rate_on_a_precision_recall_score_is_a_configuration_error(tmp_path):
    project = _project(tmp_path, '[tool.harness.gate]\n"rules.quotes.detection.rate" = 0.5\n',
                       _with_attribution(_report(0.6)))
    proc = _harness(project, "gate")
    assert proc.returncode == 2
    assert "quotes.detection is scored by precision, recall and f1, not a rate" in proc.stderr
    assert "quotes.attribution" in proc.stderr


def test_every_gate_mistake_is_listed_at_once(tmp_path):
    gate = ('[tool.harness.gate]\n"rules.entities.f1score" = 0.5\n"rulez.entities.f1" = 0.5\n'
            '"rules.quotes.attributon.f1" = 0.5\n[tool.harness.gate.baseline]\nalpah = 0.1\n')
    project = _project(tmp_path, gate, _with_attribution(_report(0.6)))
    proc = _harness(project, "gate")
    assert proc.returncode == 2
    assert "4 configuration problems" in proc.stderr
    for named in ("'f1score'", "'rulez'", "'attributon'", "'alpah'"):
        assert named in proc.stderr


def test_gate_json_is_one_document_with_every_check(tmp_path):
    project = _project(tmp_path, '[tool.harness.gate]\n"rules.entities.f1" = 0.5\n"rules.quotes.f1" = 0.45\n',
                       _report(0.6, quotes_f1=0.4))
    proc = _harness(project, "gate", "--json")
    assert proc.returncode == 1
    document = json.loads(proc.stdout)
    assert (document["passed"], document["failed"], document["total"]) == (False, 1, 2)
    assert [(c["name"], c["passed"]) for c in document["checks"]] == [("rules.entities.f1", True),
                                                                      ("rules.quotes.f1", False)]


@pytest.mark.parametrize("columns", [80, 200])
def test_gate_lines_fit_the_terminal_and_names_are_whole(tmp_path, columns):
    long_name = "rules.quotes.attribution.rate"
    gate = (f'[tool.harness.gate]\n"{long_name}" = 0.9\n"rules.entities.f1" = 0.5\n'
            '[tool.harness.gate.baseline]\n"rules.entities.f1" = 0.01\n')
    project = _project(tmp_path, gate, _with_attribution(_report(0.6)))
    proc = _harness(project, "gate", env={"COLUMNS": str(columns)})
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert all(len(line) <= columns for line in lines), lines
    words = [line.split() for line in lines]
    assert any(w[:2] == ["FAIL", long_name] for w in words)
    assert any(w[:4] == ["FAIL", "rules.entities.f1", "(vs", "baseline)"] for w in words)
    assert "\x1b[" not in proc.stdout  # no colour when piped


def test_gate_columns_line_up_under_their_headers(tmp_path):
    project = _project(tmp_path, '[tool.harness.gate]\n"rules.entities.f1" = 0.5\n"rules.quotes.f1" = 0.45\n',
                       _report(0.6, quotes_f1=0.4))
    proc = _harness(project, "gate", env={"COLUMNS": "120"})
    header, *rows = [line for line in proc.stdout.splitlines() if line.startswith(("result", "PASS", "FAIL"))]
    assert header.split() == ["result", "check", "required", "actual"]
    for row in rows:
        assert row.index("rules.") == header.index("check")
        assert row.index(">=") == header.index("required")
        assert row.rstrip().endswith("0") and row.index("0.", row.index(">=") + 6) == header.index("actual")
