"""`harness baseline` and the gate's baseline checks, significance tested on the saved predictions."""

from __future__ import annotations

import json

BASELINE_GATE = ('\n[tool.harness.gate.baseline]\nrequire_significance = true\nalpha = 0.05\n'
                 '"counting.entities.f1" = 0.0\n')


def test_the_baseline_embeds_the_predictions(project, harness):
    harness(project, "run", "--adapters", "counting")
    proc = harness(project, "baseline")
    assert proc.returncode == 0, proc.stderr
    baseline = json.loads((project / "reports" / "baseline.json").read_text())
    entry = baseline["adapters"]["counting"]
    assert entry["predictions_file"] is None
    assert sorted(p["doc_id"] for p in entry["predictions"]) == ["example-harbour-tech", "example-harbour-tech-copy"]


def test_an_unchanged_run_passes_the_baseline_check(project, harness, reconfigure):
    reconfigure(project, gate=BASELINE_GATE)
    harness(project, "run", "--adapters", "counting")
    harness(project, "baseline")
    proc = harness(project, "gate")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_significant_drop_fails_the_gate(project, harness, reconfigure):
    reconfigure(project, gate=BASELINE_GATE)
    harness(project, "run", "--adapters", "counting")
    harness(project, "baseline")
    reconfigure(project, mode="none", gate=BASELINE_GATE)
    harness(project, "run", "--adapters", "counting")
    proc = harness(project, "gate")
    assert proc.returncode == 1
    line = next(l for l in proc.stdout.splitlines() if "(vs baseline)" in l)
    assert line.startswith("FAIL") and "significant (p = " in line


def test_without_a_baseline_the_check_fails_and_says_how_to_make_one(project, harness, reconfigure):
    reconfigure(project, gate=BASELINE_GATE)
    harness(project, "run", "--adapters", "counting")
    proc = harness(project, "gate")
    assert proc.returncode == 1 and "harness baseline" in proc.stdout
