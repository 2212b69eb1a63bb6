"""Usage and cost of a real `harness run` with the llm adapter against a local server, summed by hand;
the cost gate; --retry-errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from harness.schemas import schema_problems
from harness.usage import Usage
from hardening.builders import simple_document, write_gold
from llm_stub import StubServer

TEXTS = {"news-1": "Jane Doe visited Berlin on Monday.\n", "news-2": "Acme Corp hired John Roe.\n",
         "news-3": "Rain fell on Paris all week.\n"}


def _first_name(doc_id: str, text: str) -> dict:
    return {"doc_id": doc_id, "entities": [{"text": " ".join(text.split()[:2]), "type": "PERSON"}]}


@pytest.fixture
def stub():
    server = StubServer(usage=(1000, 200), answer=_first_name)
    yield server
    server.close()


def _project(tmp_path: Path, stub: StubServer, extra: str = "", gate: str = "") -> Path:
    write_gold(tmp_path / "gold", [simple_document(doc_id, text) for doc_id, text in TEXTS.items()])
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "scratch"\nversion = "0"\n\n[tool.harness.adapters.llm]\n'
        f'base_url = "{stub.base_url}"\nmodel = "m"\nmax_retries = 0\ncategories = ["entities"]\n'
        f"price_per_million_input = 3.0\nprice_per_million_output = 15.0\n{extra}"
        + (f"\n[tool.harness.gate]\n{gate}" if gate else ""))
    return tmp_path


def _harness(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
    return subprocess.run([sys.executable, "-m", "harness", *args], cwd=project, capture_output=True, text=True,
                          timeout=120, env=env)


def _run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return _harness(project, "run", "--adapters", "llm", "--gold", "gold", "--out", "out", *args)


def _report(project: Path) -> dict:
    return json.loads((project / "out" / "report.json").read_text())


def test_usage_and_cost_are_summed_per_adapter_in_every_report(tmp_path, stub):
    project = _project(tmp_path, stub)
    proc = _run(project)
    assert proc.returncode == 0, proc.stderr
    report = _report(project)
    assert schema_problems("report", report, "report.json") == []
    usage = report["adapters"]["llm"]["usage"]
    # 3 documents x (1000 in at 3 per million + 200 out at 15 per million) = 3 x 0.006
    assert (usage["requests"], usage["input_tokens"], usage["output_tokens"]) == (3, 3000, 600)
    assert usage["cost"] == {"total": pytest.approx(0.018), "per_document": pytest.approx(0.006)}
    assert usage["documents"]["news-2"] == {"requests": 1, "input_tokens": 1000, "output_tokens": 200,
                                            "cost": pytest.approx(0.006)}
    assert "Usage and cost" in proc.stdout and "0.0180" in proc.stdout
    assert "0.0180" in (project / "out" / "report.md").read_text()
    html = (project / "out" / "report.html").read_text()
    assert "<svg" in html and "F1 against cost" in html.replace("mean F1 against cost", "F1 against cost")


def test_documents_from_the_cache_cost_nothing_in_the_next_run(tmp_path, stub):
    project = _project(tmp_path, stub)
    _run(project)
    proc = _run(project)
    assert proc.returncode == 0, proc.stderr
    usage = _report(project)["adapters"]["llm"]["usage"]
    assert stub.requests == 3  # the second run sent nothing
    assert (usage["requests"], usage["cached_documents"], usage["cost"]["total"]) == (0, 3, 0)
    assert "3 document(s) taken from the cache" in proc.stdout


def test_the_cost_gate_is_a_maximum(tmp_path, stub):
    project = _project(tmp_path, stub, gate='"llm.cost.total" = 0.01\n"llm.cost.per_document" = 0.01\n')
    _run(project)
    proc = _harness(project, "gate", "--report", "out/report.json", "--gold", "gold")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    total = next(line for line in lines if "llm.cost.total" in line)
    per_document = next(line for line in lines if "llm.cost.per_document" in line)
    assert total.startswith("FAIL") and "<= 0.01 (a maximum)" in total and "0.0180" in total
    assert per_document.startswith("PASS")  # 0.006 is under 0.01


def test_an_unknown_cost_name_is_a_config_error(tmp_path, stub):
    project = _project(tmp_path, stub, gate='"llm.cost.sum" = 1\n')
    _run(project)
    proc = _harness(project, "gate", "--report", "out/report.json", "--gold", "gold")
    assert proc.returncode == 2
    assert "llm.cost.sum" in proc.stderr and "per_document" in proc.stderr and "Traceback" not in proc.stderr


def test_max_cost_leaves_documents_unsent_as_budget_errors_and_says_so(tmp_path, stub):
    # a request costs at worst 3 x ~30/1e6 + 15 x 100/1e6 ~ 0.0016 and in fact 0.006; after one, no more fit
    project = _project(tmp_path, stub, extra="max_tokens = 100\nmax_cost = 0.007\nmax_connections = 1\n")
    proc = _run(project)
    assert proc.returncode == 3
    errors = _report(project)["errors"]
    assert [e["kind"] for e in errors] == ["budget", "budget"]
    assert stub.requests == 1
    assert "2 document(s) not sent" in proc.stdout and "max_cost" in proc.stdout


def _picky(state: dict):
    def answer(doc_id: str, text: str) -> dict:
        if doc_id == "news-2" and state["broken"]:
            return {"doc_id": doc_id, "entities": [{"text": "Acme Corp"}]}  # valid JSON, no type: fails the schema
        return _first_name(doc_id, text)
    return answer


def test_retry_errors_asks_again_only_for_the_failed_documents_past_the_response_cache(tmp_path, stub):
    state = {"broken": True}
    stub.answer = _picky(state)
    project = _project(tmp_path, stub)
    first = _run(project)
    assert first.returncode == 3 and stub.requests == 3
    state["broken"] = False
    again = _run(project)  # a plain run gets the same cached answer and fails the same way
    assert again.returncode == 3 and stub.requests == 3
    retried = _run(project, "--retry-errors")
    assert retried.returncode == 0, retried.stdout + retried.stderr
    assert stub.requests == 4  # news-2 alone, asked again
    assert "1 failed document(s)" in retried.stderr
    assert _report(project)["adapters"]["llm"]["documents"] == {"total": 3, "extracted": 1, "cached": 2, "failed": 0}


def test_retry_errors_without_a_previous_report_is_a_usage_error(tmp_path, stub):
    proc = _run(_project(tmp_path, stub), "--retry-errors")
    assert proc.returncode == 2
    assert "no previous report" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_sums_and_prices_by_hand():
    total = Usage(1, 10, 5, 0.5) + Usage(2, 1, 1, None) + Usage(0)
    assert total == Usage(3, 11, 6, 0.5)
    assert Usage(1, 10, 5).cost is None and (Usage() + Usage()).cost is None


def test_usage_comes_back_from_worker_processes(tmp_path, stub):
    project = _project(tmp_path, stub, extra="batch_size = 1\n")
    proc = _run(project, "--executor", "process", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    usage = _report(project)["adapters"]["llm"]["usage"]
    assert (usage["requests"], usage["input_tokens"], usage["cost"]["total"]) == (3, 3000, pytest.approx(0.018))


def test_cost_per_document_is_over_the_documents_that_paid_so_a_resumed_run_reports_the_same():
    from types import SimpleNamespace

    from harness.usage import usage_summary

    paid = Usage(1, 1000, 200, 0.006)
    fresh = [SimpleNamespace(doc_id=f"d{i}", usage=paid, cached=False, error=None) for i in range(3)]
    # resumed: d0 answered from the adapter's own response cache (no request), d1 not sent (over budget)
    resumed = [SimpleNamespace(doc_id="d0", usage=Usage(0, 0, 0, 0.0), cached=False, error=None),
               SimpleNamespace(doc_id="d1", usage=Usage(0, 0, 0, 0.0), cached=False, error="budget"),
               fresh[2]]
    assert usage_summary(fresh)["cost"]["per_document"] == pytest.approx(0.006)
    assert usage_summary(resumed)["cost"] == {"total": pytest.approx(0.006), "per_document": pytest.approx(0.006)}
