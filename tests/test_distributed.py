"""``--executor ray``: a local Ray with two CPUs (started once for this module) gives the thread
executor's scores exactly, with the documents extracted in Ray's worker processes."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import sys
from pathlib import Path

import pytest

from harness.adapters import get_adapter
from harness.gold import load_gold
from harness.model import Corpus
from harness.report.json_report import scores_of
from harness.run import extract_corpus, score_adapter

ROOT = Path(__file__).resolve().parent.parent
COPIES = 9  # of each of the six example articles: 54 documents


def _corpus() -> Corpus:
    examples = list(load_gold(ROOT / "gold"))
    return Corpus(tuple(dataclasses.replace(a, document=dataclasses.replace(a.document, id=f"{a.document.id}-{i}"))
                        for i in range(COPIES) for a in examples))


class PidRecordingRules:
    """The rules adapter, noting in ``folder`` the process id of every process that extracts."""

    def __init__(self, folder: str):
        self.inner = get_adapter("rules")
        self.folder = folder
        for attribute in ("name", "version", "categories", "fingerprint"):
            setattr(self, attribute, getattr(self.inner, attribute))

    def extract(self, document):
        Path(self.folder, str(os.getpid())).touch()
        return self.inner.extract(document)


def _recording(folder: str) -> PidRecordingRules:
    return PidRecordingRules(folder)


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # the workers import this module to rebuild the adapter
    path = os.pathsep.join(filter(None, [str(ROOT / "tests"), str(ROOT), os.environ.get("PYTHONPATH")]))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": {"PYTHONPATH": path}})
    yield ray
    ray.shutdown()


@pytest.mark.slow
def test_ray_gives_the_thread_executors_scores_exactly(local_ray, tmp_path):
    corpus = _corpus()
    assert len(corpus) >= 50
    factory = functools.partial(_recording, str(tmp_path))
    runs = {}
    for executor in ("thread", "ray"):
        extractor = factory()
        runs[executor] = extract_corpus(extractor, corpus, jobs=2, executor=executor, factory=factory)
    pids = {int(p.name) for p in tmp_path.iterdir()}
    assert pids - {os.getpid()}, "no document was extracted outside the driver"
    assert [d.doc_id for d in runs["ray"].documents] == [a.document.id for a in corpus]  # corpus order
    assert runs["ray"].failed == 0
    scores = {name: json.dumps(scores_of(score_adapter(corpus, run).result), sort_keys=True)
              for name, run in runs.items()}
    assert scores["ray"] == scores["thread"]


def test_a_missing_ray_is_a_usage_error_with_the_install_command(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from harness.cli import cli

    monkeypatch.setitem(sys.modules, "ray", None)  # find_spec then reports it missing
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["run", "--adapters", "rules", "--gold", str(ROOT / "gold"),
                                      "--executor", "ray", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "pip install" in result.output and "ray" in result.output


def test_ray_address_without_the_ray_executor_is_a_usage_error(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from harness.cli import cli

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["run", "--adapters", "rules", "--gold", str(ROOT / "gold"),
                                      "--ray-address", "ray://head:10001", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "--executor ray" in result.output


@pytest.mark.slow
def test_harness_run_with_the_ray_executor_reports_the_thread_scores(local_ray, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from harness.cli import cli

    monkeypatch.chdir(tmp_path)
    scores = {}
    for executor in ("thread", "ray"):
        result = CliRunner().invoke(cli, ["run", "--adapters", "rules", "--gold", str(ROOT / "gold"), "--no-cache",
                                          "--jobs", "2", "--executor", executor, "--out", str(tmp_path / executor)])
        assert result.exit_code == 0, result.output
        report = json.loads((tmp_path / executor / "report.json").read_text())
        assert report["options"]["executor"] == executor
        scores[executor] = json.dumps(report["adapters"]["rules"]["scores"], sort_keys=True)
    assert scores["ray"] == scores["thread"]
    assert local_ray.is_initialized()  # a run that joined a running Ray leaves it running


@pytest.mark.slow
def test_usage_comes_back_from_ray_workers(local_ray, tmp_path):
    from llm_stub import StubServer

    server = StubServer(usage=(100, 10))
    try:
        settings = {"base_url": server.base_url, "model": "m", "cache": False, "max_retries": 0, "timeout": 10,
                    "categories": ["entities"], "batch_size": 2, "price_per_million_input": 1.0,
                    "price_per_million_output": 1.0}
        factory = functools.partial(get_adapter, "llm", overrides=settings)
        documents = [a.document for a in _corpus()][:6]
        run = extract_corpus(factory(), documents, jobs=2, executor="ray", factory=factory)
    finally:
        server.close()
    assert run.failed == 0 and server.requests == 6
    assert sum(d.usage.input_tokens for d in run.documents) == 600
    assert sum(d.usage.cost for d in run.documents) == pytest.approx(6 * 110 / 1e6)


@pytest.mark.slow
def test_ray_workers_share_one_budget_and_the_unsent_documents_are_budget_errors(local_ray):
    from llm_stub import StubServer

    # a request costs 100 (its max_tokens) at worst and in fact: 3 fit in 350; a budget per worker lets 6 go
    server = StubServer(latency=0.05, usage=(0, 100))
    try:
        settings = {"base_url": server.base_url, "model": "m", "cache": False, "max_retries": 0, "timeout": 10,
                    "categories": ["entities"], "max_connections": 1, "batch_size": 2, "max_tokens": 100,
                    "price_per_million_input": 0, "price_per_million_output": 1_000_000, "max_cost": 350}
        factory = functools.partial(get_adapter, "llm", overrides=settings)
        documents = [a.document for a in _corpus()][:16]
        run = extract_corpus(factory(), documents, jobs=2, executor="ray", factory=factory)
    finally:
        server.close()
    assert sum(d.usage.cost for d in run.documents) == server.requests * 100 <= 350
    assert server.requests >= 1
    assert [d.error.kind for d in run.documents if d.error is not None] == ["budget"] * (16 - server.requests)
