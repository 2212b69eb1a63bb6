"""`harness run` end to end: a real command adapter in a subprocess, real files, the cache counted."""

from __future__ import annotations

import json

from harness.schemas import schema_problems


def test_a_run_prints_the_table_and_writes_every_report(project, harness, report):
    proc = harness(project, "run", "--adapters", "counting,oracle")
    assert proc.returncode == 0, proc.stderr
    assert "counting" in proc.stdout and "oracle" in proc.stdout and "entities" in proc.stdout
    folder = project / "reports" / "latest"
    for name in ("report.json", "report.md", "report.html", "junit.xml"):
        assert (folder / name).stat().st_size > 0, name
    assert schema_problems("report", report(project), "report.json") == []
    lines = (folder / "predictions" / "counting.jsonl").read_text().splitlines()
    assert sorted(json.loads(line)["doc_id"] for line in lines) == ["example-harbour-tech", "example-harbour-tech-copy"]
    assert not [p for p in folder.rglob(".*.tmp")]


def test_oracle_scores_perfectly_and_is_starred_over_a_weaker_adapter(project, harness, report):
    harness(project, "run", "--adapters", "counting,oracle")
    entities = report(project)["adapters"]["oracle"]["scores"]["entities"]
    assert (entities["precision"], entities["recall"], entities["f1"], entities["fp"], entities["fn"]) == (1, 1, 1, 0, 0)
    table_line = next(line for line in (project / "reports/latest/report.md").read_text().splitlines()
                      if line.startswith("| entities"))
    assert table_line.split(" | ")[2].startswith("**")  # the oracle column


def test_a_second_run_extracts_nothing(project, harness, calls, report):
    harness(project, "run", "--adapters", "counting")
    assert len(calls(project)) == 2
    proc = harness(project, "run", "--adapters", "counting")
    assert proc.returncode == 0, proc.stderr
    assert len(calls(project)) == 2
    assert report(project)["adapters"]["counting"]["documents"] == {"total": 2, "extracted": 0, "cached": 2, "failed": 0}
    assert "2 hit(s)" in proc.stdout


def test_a_changed_adapter_setting_extracts_again(project, harness, calls, reconfigure):
    harness(project, "run", "--adapters", "counting")
    reconfigure(project, timeout=30)
    harness(project, "run", "--adapters", "counting")
    assert len(calls(project)) == 4


def test_no_cache_extracts_every_time(project, harness, calls):
    harness(project, "run", "--adapters", "counting", "--no-cache")
    harness(project, "run", "--adapters", "counting", "--no-cache")
    assert len(calls(project)) == 4 and not (project / ".harness-cache").exists()


def test_one_failing_document_is_recorded_and_the_run_goes_on(project, harness, report, add_document):
    add_document(project, "example-broken")
    proc = harness(project, "run", "--adapters", "counting,oracle")
    assert proc.returncode == 3  # the run finished, with a failure
    found = report(project)
    [error] = found["errors"]
    assert (error["adapter"], error["doc_id"], error["stage"]) == ("counting", "example-broken", "extract")
    assert "cannot parse this one" in json.dumps(error)
    assert found["adapters"]["counting"]["documents"]["failed"] == 1
    assert found["adapters"]["oracle"]["status"] == "ok"
    assert "example-broken" in (project / "reports/latest/report.html").read_text()


def test_parallel_processes_score_what_a_serial_run_scores(project, harness, report):
    harness(project, "run", "--adapters", "counting", "--no-cache", "--out", "serial")
    proc = harness(project, "run", "--adapters", "counting", "--no-cache", "--out", "parallel",
                   "--jobs", "2", "--executor", "process")
    assert proc.returncode == 0, proc.stderr
    serial = report(project, "serial")["adapters"]["counting"]["scores"]
    parallel = report(project, "parallel")["adapters"]["counting"]["scores"]
    assert parallel == serial


def test_an_unknown_adapter_is_a_usage_error_listing_the_valid_names(project, harness):
    proc = harness(project, "run", "--adapters", "rulez")
    assert proc.returncode == 2
    assert "unknown adapter 'rulez'" in proc.stderr and "oracle" in proc.stderr and "Traceback" not in proc.stderr


def test_gate_thresholds_become_junit_test_cases(project, harness, reconfigure):
    reconfigure(project, gate='\n[tool.harness.gate]\n"counting.entities.precision" = 0.99\n"oracle.entities.f1" = 0.99\n')
    harness(project, "run", "--adapters", "counting,oracle")
    junit = (project / "reports/latest/junit.xml").read_text()
    assert 'name="counting.entities.precision"' in junit and 'name="oracle.entities.f1"' in junit
    assert junit.count("<failure") == 1


def test_with_no_arguments_every_ready_adapter_but_oracle_runs(project, harness, report):
    from harness.adapters import available_adapters
    from harness.config import load_config

    proc = harness(project, "run")
    assert proc.returncode in (0, 3), proc.stderr
    expected = [i.name for i in available_adapters(load_config(project / "pyproject.toml"))
                if i.status == "ready" and i.name != "oracle"]
    assert list(report(project)["adapters"]) == expected
    assert "oracle" not in expected and "counting" in expected


def test_a_run_imports_no_scikit_learn(project):
    import subprocess
    import sys

    code = ("import sys, json\n"
            "from harness.cli import main\n"
            "try:\n    main(['run', '--adapters', 'rules,oracle,counting', '--no-cache'])\n"
            "except SystemExit as exc:\n    code = exc.code\n"
            "print(json.dumps([code, 'sklearn' in sys.modules]))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True)
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == [0, False], proc.stderr[-2000:]


def test_jobs_auto_is_the_default_and_recorded(project, harness, report):
    proc = harness(project, "run", "--adapters", "counting")
    assert proc.returncode == 0, proc.stderr
    assert (report(project)["options"]["jobs"], report(project)["options"]["executor"]) == ("auto", "auto")
    harness(project, "run", "--adapters", "counting", "--jobs", "2", "--executor", "thread")
    assert (report(project)["options"]["jobs"], report(project)["options"]["executor"]) == (2, "thread")


def test_jobs_that_are_neither_a_number_nor_auto_are_a_usage_error(project, harness):
    proc = harness(project, "run", "--jobs", "many")
    assert proc.returncode == 2
    assert "'many'" in proc.stderr and "--jobs auto" in proc.stderr


def test_a_number_json_cannot_hold_fails_that_document_not_the_reports(project, harness, report):
    # 1e999 parses as infinity: the schema has no bound on a figure's value, and no report could hold it
    (project / "extract.py").write_text(
        "import json, sys\n"
        "document = json.load(sys.stdin)\n"
        "value = '1e999' if document['doc_id'].endswith('-copy') else '3'\n"
        "sys.stdout.write('{\"figures\": [{\"text\": \"three\", \"value\": %s}]}' % value)\n")
    (project / "pyproject.toml").write_text(
        (project / "pyproject.toml").read_text().replace('categories = ["entities"]', 'categories = ["figures"]'))
    proc = harness(project, "run", "--adapters", "counting", "--no-cache")
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    printed = " ".join(proc.stdout.split())
    assert "example-harbour-tech-copy" in printed and "/figures/0/value" in printed and "inf" in printed
    [error] = report(project)["errors"]
    assert (error["doc_id"], error["kind"]) == ("example-harbour-tech-copy", "invalid-output")
    assert report(project)["adapters"]["counting"]["documents"]["failed"] == 1
