"""``max_cost`` is the run's: a hand-computed budget, and worker processes that share the driver's
against a local server (the Ray workers' case is in tests/test_distributed.py)."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys

import pytest

from hardening.builders import simple_document, write_gold
from harness.adapters import get_adapter
from harness.adapters.llm_budget import Budget
from harness.model import Document
from harness.run import extract_corpus
from llm_stub import StubServer

# one output token costs 1 and no input token costs anything, so a request costs max_tokens (100) at
# worst and, as the stub counts 100 output tokens, exactly that in fact: 3 fit in 350, never 4
COST = 100
MAX_COST = 350
PRICED = {"max_tokens": COST, "price_per_million_input": 0, "price_per_million_output": 1_000_000,
          "max_cost": MAX_COST}


@pytest.fixture
def stub():
    server = StubServer(latency=0.05, usage=(0, COST))
    yield server
    server.close()


def test_a_budget_lets_through_what_fits_with_the_requests_in_flight_and_refuses_the_rest():
    budget = Budget(250)
    assert budget.reserve(100) == (True, 100, 0)
    assert budget.reserve(100) == (True, 200, 0)
    assert budget.reserve(100) == (False, 300, 0)  # two in flight at worst: a third would pass 250
    budget.settle(100, 40)  # one answered, for less than its worst
    assert budget.reserve(100) == (True, 240, 40)
    assert budget.spent() == 40


def test_worker_processes_share_one_budget_and_the_unsent_documents_are_budget_errors(stub, tmp_path):
    settings = {"base_url": stub.base_url, "model": "m", "cache": False, "max_retries": 0, "timeout": 10,
                "categories": ["entities"], "max_connections": 1, "batch_size": 2, **PRICED}
    factory = functools.partial(get_adapter, "llm", overrides=settings)
    documents = [Document(f"doc-{i:02d}", f"Name{i:02d} spoke in town number {i}.") for i in range(16)]
    run = extract_corpus(factory(), documents, jobs=2, executor="process", factory=factory)
    spent = sum(d.usage.cost for d in run.documents)
    # each worker with the whole budget would send 3 requests: 600 in all
    assert spent == stub.requests * COST <= MAX_COST
    assert stub.requests >= 1
    kinds = [d.error.kind for d in run.documents if d.error is not None]
    assert kinds == ["budget"] * (len(documents) - stub.requests)


def test_harness_run_with_worker_processes_stays_within_max_cost_and_reports_the_unsent(stub, tmp_path):
    texts = {f"news-{i}": f"Person{i} visited Town{i} on Monday.\n" for i in range(8)}
    write_gold(tmp_path / "gold", [simple_document(doc_id, text) for doc_id, text in texts.items()])
    settings = "".join(f"{key} = {value}\n" for key, value in PRICED.items())
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "scratch"\nversion = "0"\n\n[tool.harness.adapters.llm]\n'
        f'base_url = "{stub.base_url}"\nmodel = "m"\nmax_retries = 0\ncategories = ["entities"]\n'
        f"max_connections = 1\nbatch_size = 1\n{settings}")
    env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
    proc = subprocess.run([sys.executable, "-m", "harness", "run", "--adapters", "llm", "--gold", "gold",
                           "--out", "out", "--no-cache", "--executor", "process", "--jobs", "2"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 3, proc.stdout + proc.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    unsent = len(texts) - stub.requests
    assert [e["kind"] for e in report["errors"]] == ["budget"] * unsent
    assert report["adapters"]["llm"]["usage"]["cost"]["total"] == stub.requests * COST <= MAX_COST
    assert f"{unsent} document(s) not sent" in proc.stdout and "max_cost" in proc.stdout
