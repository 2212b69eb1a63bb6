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


def _baseline_finds_every_entity(project) -> None:
    """Embed gold-perfect entity predictions in the baseline, so that predicting nothing is a real drop."""
    from harness import load_gold
    from harness.predictions import Predictions, from_gold, predictions_to_dict

    path = project / "reports" / "baseline.json"
    baseline = json.loads(path.read_text())
    baseline["adapters"]["counting"]["predictions"] = [
        predictions_to_dict(Predictions(a.doc_id, entities=from_gold(a).entities)) for a in load_gold(project / "gold")]
    path.write_text(json.dumps(baseline))


def _gate_after_predicting_nothing(project, harness, reconfigure, *, perfect_baseline=False):
    """Baseline from a normal run (or gold-perfect), then a run predicting nothing: (exit code, the drop check's line)."""
    reconfigure(project, gate=BASELINE_GATE)
    harness(project, "run", "--adapters", "counting")
    harness(project, "baseline")
    if perfect_baseline:
        _baseline_finds_every_entity(project)
    reconfigure(project, mode="none", gate=BASELINE_GATE)
    harness(project, "run", "--adapters", "counting")
    proc = harness(project, "gate")
    lines = proc.stdout.splitlines()
    at = next(i for i, l in enumerate(lines) if "(vs baseline)" in l)
    below = []  # the check's reason, on indented lines under it
    for line in lines[at + 1:]:
        if not line.startswith(" "):
            break
        below.append(line.strip())
    return proc.returncode, " ".join([lines[at], *below])


def test_a_significant_drop_fails_the_gate(project, harness, reconfigure):
    code, line = _gate_after_predicting_nothing(project, harness, reconfigure, perfect_baseline=True)
    assert code == 1
    assert line.startswith("FAIL") and "; significant (p = " in line
    assert "paired bootstrap over items, 2 document(s), optimistic: fewer than 5 documents" in line


def test_losing_two_hits_on_two_documents_is_not_significant(project, harness, reconfigure):
    # the two documents are copies: each loses its one hit, which no exact test calls significant
    code, line = _gate_after_predicting_nothing(project, harness, reconfigure)
    assert code == 0, line
    assert line.startswith("PASS") and "not significant (p = " in line


def test_without_a_baseline_the_check_fails_and_says_how_to_make_one(project, harness, reconfigure):
    reconfigure(project, gate=BASELINE_GATE)
    harness(project, "run", "--adapters", "counting")
    proc = harness(project, "gate")
    assert proc.returncode == 1 and "harness baseline" in proc.stdout


def test_with_enough_documents_the_gate_pairs_documents(project, harness, reconfigure, add_document):
    for name in ("example-third", "example-fourth", "example-fifth"):
        add_document(project, name)
    _, line = _gate_after_predicting_nothing(project, harness, reconfigure)
    assert "paired bootstrap over documents, 5 document(s))" in line and "optimistic" not in line


def _check_line(stdout: str) -> str:
    lines = stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "(vs baseline)" in line)
    return " ".join([lines[at], *(line.strip() for line in lines[at + 1:] if line.startswith(" "))])


def test_gate_run_tests_significance_on_the_run_it_holds_as_on_its_files(project, harness, reconfigure):
    # `gate --run` (and the junit.xml of `harness run`) pair the run's gold and predictions in memory;
    # `harness gate` on the same report reads them back from disk: the verdicts are the same
    _gate_after_predicting_nothing(project, harness, reconfigure, perfect_baseline=True)
    in_memory = harness(project, "gate", "--run")
    from_files = harness(project, "gate")
    assert in_memory.returncode == from_files.returncode == 1
    assert "; significant (p = " in _check_line(in_memory.stdout)
    assert _check_line(in_memory.stdout) == _check_line(from_files.stdout)
    junit = (project / "reports" / "latest" / "junit.xml").read_text()
    assert "significant (p = " in junit
