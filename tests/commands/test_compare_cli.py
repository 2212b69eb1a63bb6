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


def test_with_too_few_documents_the_method_and_its_warning_are_printed(project, harness):
    proc = harness(project, "compare", "counting", "oracle", "--resamples", "200")
    assert proc.returncode == 0, proc.stderr
    assert "paired bootstrap over items within 2 documents, 200 resamples" in proc.stdout
    warning = next(l for l in proc.stdout.splitlines() if l.startswith("warning:"))
    assert "too few documents and is optimistic" in warning and "never below p(exact)" in warning
    line = next(l for l in proc.stdout.splitlines() if l.startswith("entities"))
    assert "p(exact)" in line


def test_from_the_configured_minimum_on_documents_are_the_paired_units(project, harness, reconfigure):
    reconfigure(project, gate="\n[tool.harness.scoring]\nmin_documents_for_interval = 2\n")
    proc = harness(project, "compare", "counting", "oracle", "--resamples", "200", "--json")
    assert proc.returncode == 0, proc.stderr
    comparison = json.loads(proc.stdout)["counting vs oracle"]
    assert comparison["interval"]["unit"] == "documents" and comparison["interval"]["documents"] == 2
    assert comparison["categories"]["entities"]["units"] == 2
    shown = harness(project, "compare", "counting", "oracle", "--resamples", "200")
    assert "paired bootstrap over documents, 200 resamples (2 documents)" in shown.stdout
    assert "warning:" not in shown.stdout
