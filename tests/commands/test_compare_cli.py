"""`harness compare`: two adapters, or two reports, with paired significance and the items that differ."""

from __future__ import annotations

import json

import pytest


def test_two_adapters_are_compared_per_category_with_the_items_that_differ(project, harness):
    proc = harness(project, "compare", "counting", "oracle", "--resamples", "200")
    assert proc.returncode == 0, proc.stderr
    line = next(l for l in proc.stdout.splitlines() if l.startswith("entities"))
    assert "ΔF1 +" in line and "p(bootstrap)" in line
    assert "right in oracle only" in proc.stdout


def test_two_reports_are_compared_on_their_saved_predictions(project, harness, calls, reconfigure):
    harness(project, "run", "--adapters", "counting", "--out", "before")
    reconfigure(project, mode="none")
    harness(project, "run", "--adapters", "counting", "--out", "after")
    extracted = len(calls(project))
    proc = harness(project, "compare", "before/report.json", "after/report.json", "--json", "--resamples", "200")
    assert proc.returncode == 0, proc.stderr
    assert len(calls(project)) == extracted  # nothing extracted again
    entities = json.loads(proc.stdout)["counting"]["categories"]["entities"]
    assert entities["f1_b"] == 0 and entities["f1_a"] > 0
    assert entities["delta_f1"] == pytest.approx(entities["f1_b"] - entities["f1_a"])
    assert entities["right_in_b_only"] == [] and entities["right_in_a_only"]


def test_reports_on_different_gold_are_refused(project, harness, add_document):
    harness(project, "run", "--adapters", "counting", "--out", "before")
    add_document(project, "example-third")
    harness(project, "run", "--adapters", "counting", "--out", "after")
    proc = harness(project, "compare", "before/report.json", "after/report.json")
    assert proc.returncode == 2 and "different gold" in proc.stderr


def test_an_adapter_and_a_report_do_not_mix(project, harness):
    proc = harness(project, "compare", "counting", "before/report.json")
    assert proc.returncode == 2 and "two adapters or two report files" in proc.stderr
