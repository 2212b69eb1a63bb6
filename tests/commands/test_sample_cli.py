"""`--limit` and `--docs` on run, gate --run and robustness: part of the gold, and the reports say so."""

from __future__ import annotations

import json

from harness.sample import sample_ids

IDS = ["example-harbour-tech", "example-harbour-tech-copy", "third"]


def test_limit_runs_the_seeded_sample_and_the_reports_record_it(project, harness, report, calls, add_document):
    add_document(project, "third")
    proc = harness(project, "run", "--adapters", "counting", "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    expected = list(sample_ids(IDS, 2, seed=0))
    assert sorted(calls(project)) == expected
    written = report(project)
    assert written["sample"] == {"limit": 2, "seed": 0, "documents": expected, "of": 3}
    assert [d["doc_id"] for d in written["gold"]["documents"]] == expected
    assert "sample of 2 of 3 documents" in (project / "reports/latest/report.md").read_text()
    assert "sample of 2 of 3 documents" in proc.stdout


def test_docs_runs_the_named_documents(project, harness, report, calls):
    proc = harness(project, "run", "--adapters", "counting", "--docs", "example-harbour-tech-copy")
    assert proc.returncode == 0, proc.stderr
    assert calls(project) == ["example-harbour-tech-copy"]
    assert report(project)["sample"]["limit"] is None and report(project)["sample"]["of"] == 2


def test_a_full_run_records_no_sample(project, harness, report):
    harness(project, "run", "--adapters", "counting")
    assert report(project)["sample"] is None
    assert "sample of" not in (project / "reports/latest/report.md").read_text()


def test_a_limit_covering_the_whole_gold_runs_it_as_no_sample(project, harness, report):
    proc = harness(project, "run", "--adapters", "counting", "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    assert report(project)["sample"] is None and len(report(project)["gold"]["documents"]) == 2
    assert "sample of" not in proc.stdout and "sample of" not in (project / "reports/latest/report.md").read_text()
    runs = harness(project, "runs", "--json")
    assert runs.returncode == 0 and [run["sample"] for run in json.loads(runs.stdout)["runs"]] == [None]


def test_docs_naming_every_document_runs_it_as_no_sample(project, harness, report):
    proc = harness(project, "run", "--adapters", "counting", "--docs", "example-harbour-tech-copy,example-harbour-tech")
    assert proc.returncode == 0, proc.stderr
    assert report(project)["sample"] is None and len(report(project)["gold"]["documents"]) == 2
    assert "sample of" not in proc.stdout and "sample of" not in (project / "reports/latest/report.md").read_text()


def test_an_unknown_document_is_a_usage_error_with_a_suggestion(project, harness, calls):
    proc = harness(project, "run", "--adapters", "counting", "--docs", "example-harbour-tec")
    assert proc.returncode == 2 and "Did you mean 'example-harbour-tech'" in proc.stderr
    assert calls(project) == []


def test_gate_run_takes_a_sample(project, harness, report, reconfigure):
    reconfigure(project, gate='\n[tool.harness.gate]\n"counting.entities.f1" = 0.0\n')
    proc = harness(project, "gate", "--run", "--limit", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(report(project)["sample"]["documents"]) == 1


def test_gate_without_run_refuses_sample_options(project, harness):
    proc = harness(project, "gate", "--limit", "1")
    assert proc.returncode == 2 and "add --run" in proc.stderr


def test_robustness_takes_a_sample(project, harness):
    proc = harness(project, "robustness", "--adapter", "oracle", "--examples", "1", "--no-shrink",
                   "--docs", "example-harbour-tech-copy", "--out", "rob")
    assert proc.returncode == 0, proc.stderr
    assert "example-harbour-tech-copy" in proc.stdout and "sample of 1 of 2 documents" in proc.stdout
