"""`--json` on run, robustness and baseline: stdout is one JSON document, the messages go to stderr."""

from __future__ import annotations

import json


def test_run_json_gives_the_report_path_headline_scores_and_errors(project, harness, report, add_document):
    add_document(project, "example-broken")
    proc = harness(project, "run", "--adapters", "counting,oracle", "--json")
    assert proc.returncode == 3
    summary = json.loads(proc.stdout)  # nothing else on stdout
    written = report(project)
    assert (project / summary["report"]).resolve() == (project / "reports/latest/report.json").resolve()
    assert summary["exit_code"] == 3 and summary["status"] == "errors" and summary["documents"] == 3
    for adapter in ("counting", "oracle"):
        for category, score in summary["scores"][adapter]["categories"].items():
            assert score["f1"] == written["adapters"][adapter]["scores"][category]["f1"]
    [error] = summary["errors"]
    assert error["adapter"] == "counting" and error["doc_id"] == "example-broken"
    assert summary["run"] and (project / "reports" / "runs" / summary["run"]).is_dir()
    assert "example-broken" in proc.stderr  # the error table still goes to the terminal


def test_baseline_json(project, harness):
    harness(project, "run", "--adapters", "counting")
    proc = harness(project, "baseline", "--json")
    assert proc.returncode == 0, proc.stderr
    saved = json.loads(proc.stdout)
    assert saved["adapters"] == ["counting"] and saved["errors"] == 0 and saved["exit_code"] == 0
    assert json.loads((project / saved["baseline"]).read_text())["gold"]["fingerprint"] == saved["gold_fingerprint"]


def test_baseline_of_an_earlier_run_by_its_id(project, harness, reconfigure):
    harness(project, "run", "--adapters", "counting")
    [older] = (project / "reports" / "runs").iterdir()
    harness(project, "run", "--adapters", "oracle")
    saved = json.loads(harness(project, "baseline", "--json", "--report", older.name).stdout)
    assert saved["adapters"] == ["counting"]


def test_robustness_json_summarises_each_document(example_gold_dir, tmp_path, harness):
    # outside a project, the oracle is told where its gold is with --set
    proc = harness(tmp_path, "robustness", "--adapter", "oracle", "--examples", "2", "--no-shrink", "--json",
                   "--gold", str(example_gold_dir), "--out", str(tmp_path / "out"),
                   "--set", f"oracle.gold={example_gold_dir}")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    written = json.loads((tmp_path / "out" / "robustness-oracle.json").read_text())
    assert summary["report"] == str(tmp_path / "out" / "robustness-oracle.json")
    assert [d["doc_id"] for d in summary["documents"]] == [d["doc_id"] for d in written["documents"]]
    assert summary["documents"][0]["categories"] == written["documents"][0]["categories"]
    assert summary["broken"] == 0 and summary["sample"] is None
