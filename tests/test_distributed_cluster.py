"""``--ray-address``: joining a running Ray cluster. A real head is started here by ``ray start --head
--block`` as a subprocess (ended by its pid, never by ``ray stop``, which would end Ray processes that
are not this test's); a run that joins it gives the thread executor's scores with the documents
extracted in the cluster's worker processes. An address where nothing answers, or where something
that is not a Ray head answers, is a usage error within the configured wait."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from hardening.builders import write_gold
from harness.cli import cli
from harness.gold import load_gold
from harness.model import Corpus
from harness.report.json_report import scores_of
from harness.run import extract_corpus, score_adapter
from loopback import LoopbackServer, QuietHandler
from test_distributed import PidRecordingRules

ROOT = Path(__file__).resolve().parent.parent
COPIES = 9  # of each of the six example articles: 54 documents
STARTED = "Ray runtime started"  # what `ray start` prints once the head accepts drivers


def _corpus() -> Corpus:
    examples = list(load_gold(ROOT / "gold"))
    return Corpus(tuple(dataclasses.replace(a, document=dataclasses.replace(a.document, id=f"{a.document.id}-{i}"))
                        for i in range(COPIES) for a in examples))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ancestors() -> list[int]:
    """The process ids above this process, its parent first (from /proc)."""
    chain, pid = [], os.getpid()
    while pid > 1:
        stat = Path(f"/proc/{pid}/stat").read_text()
        pid = int(stat.rsplit(")", 1)[1].split()[1])  # the field after the state: the parent's id
        chain.append(pid)
    return chain


class AncestryRecordingRules(PidRecordingRules):
    """The rules adapter, noting in ``folder`` each extracting process with the processes above it."""

    def extract(self, document):
        Path(self.folder, str(os.getpid())).write_text(" ".join(map(str, _ancestors())))
        return self.inner.extract(document)


def _recording(folder: str) -> AncestryRecordingRules:
    return AncestryRecordingRules(folder)


@dataclasses.dataclass(frozen=True)
class Head:
    process: subprocess.Popen
    address: str


@pytest.fixture(scope="module")
def ray_head():
    pytest.importorskip("ray")
    ray_command = shutil.which("ray")
    if ray_command is None or not Path("/proc/self/stat").is_file():
        pytest.skip("needs the ray command and /proc")
    port = _free_port()
    # short: Ray's unix sockets live under it, and their paths have a length limit
    temp = tempfile.mkdtemp(prefix="ray-")
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0",
           # no token kept in the home folder is needed to join this head
           "RAY_AUTH_MODE": "disabled",
           # SIGTERM ends the head at once rather than draining the node for 30 s
           "RAY_GRACEFUL_SHUTDOWN_DRAIN_TIMEOUT_S": "0",
           # the workers import this package and this module (to rebuild the recording adapter)
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "tests"), str(ROOT), os.environ.get("PYTHONPATH")]))}
    log = open(Path(temp, "head.log"), "w")
    head = subprocess.Popen([ray_command, "start", "--head", "--block", f"--port={port}", "--num-cpus=2",
                             "--include-dashboard=false", f"--temp-dir={temp}", "--disable-usage-stats"],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 120
        while STARTED not in Path(temp, "head.log").read_text():
            assert head.poll() is None, f"ray start ended early:\n{Path(temp, 'head.log').read_text()}"
            assert time.monotonic() < deadline, f"no Ray head after 120 s:\n{Path(temp, 'head.log').read_text()}"
            time.sleep(0.5)
        socket.create_connection(("127.0.0.1", port), timeout=10).close()  # and it accepts connections
        yield Head(head, f"127.0.0.1:{port}")
    finally:
        head.terminate()
        try:
            head.wait(timeout=60)
        except subprocess.TimeoutExpired:
            head.kill()
            head.wait()
        log.close()
        shutil.rmtree(temp, ignore_errors=True)


@pytest.fixture
def no_ray_token(monkeypatch):
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")  # as the head: join without a token
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    monkeypatch.delenv("RAY_ADDRESS", raising=False)


@pytest.mark.slow
def test_a_run_joining_a_cluster_gives_the_thread_scores_from_the_clusters_workers(ray_head, no_ray_token,
                                                                                  tmp_path):
    from harness import distributed

    corpus = _corpus()
    assert len(corpus) >= 50
    runs = {}
    for executor in ("thread", "ray"):
        folder = tmp_path / executor
        folder.mkdir()
        factory = functools.partial(_recording, str(folder))
        distributed.use_address(ray_head.address if executor == "ray" else None)
        try:
            runs[executor] = extract_corpus(factory(), corpus, jobs=2, executor=executor, factory=factory)
        finally:
            distributed.shutdown()
    import ray

    assert not ray.is_initialized()  # the run left the cluster ...
    assert ray_head.process.poll() is None  # ... which goes on running
    workers = {int(p.name): [int(pid) for pid in p.read_text().split()] for p in (tmp_path / "ray").iterdir()}
    assert workers and os.getpid() not in workers
    assert all(ray_head.process.pid in above for above in workers.values()), workers  # the head's processes
    assert runs["ray"].failed == 0
    assert [d.doc_id for d in runs["ray"].documents] == [a.document.id for a in corpus]
    scores = {name: json.dumps(scores_of(score_adapter(corpus, run).result), sort_keys=True)
              for name, run in runs.items()}
    assert scores["ray"] == scores["thread"]


@pytest.mark.slow
def test_harness_run_with_ray_address_reports_the_thread_scores(ray_head, no_ray_token, tmp_path, monkeypatch):
    gold = write_gold(tmp_path / "gold", list(_corpus()))
    monkeypatch.chdir(tmp_path)
    scores = {}
    for executor, extra in (("thread", []), ("ray", ["--ray-address", ray_head.address])):
        result = CliRunner().invoke(cli, ["run", "--adapters", "rules", "--gold", str(gold), "--no-cache",
                                          "--jobs", "2", "--executor", executor, *extra,
                                          "--out", str(tmp_path / executor)])
        assert result.exit_code == 0, result.output
        report = json.loads((tmp_path / executor / "report.json").read_text())
        assert len(report["gold"]["documents"]) >= 50
        scores[executor] = json.dumps(report["adapters"]["rules"]["scores"], sort_keys=True)
    assert scores["ray"] == scores["thread"]
    assert ray_head.process.poll() is None


@pytest.mark.parametrize("address, says", [("127.0.0.1:{port}", "nothing accepts connections there"),
                                           ("head-without-a-port", "is not an address")])
def test_an_address_where_no_cluster_answers_is_a_usage_error(address, says, no_ray_token, tmp_path, monkeypatch):
    pytest.importorskip("ray")
    from harness import distributed

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 2.0)
    monkeypatch.chdir(tmp_path)
    address = address.format(port=_free_port())
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["run", "--adapters", "rules", "--gold", str(ROOT / "gold"),
                                      "--executor", "ray", "--ray-address", address, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert says in result.output and repr(address) in result.output
    assert "Traceback" not in result.output
    assert time.monotonic() - started < 30
    assert not (tmp_path / "out").exists()  # stopped before anything ran


class _WebPage(QuietHandler):
    def do_GET(self):
        self.send_body(200, b"<html>not Ray</html>", {"Content-Type": "text/html"})


def _run_joining(address: str, tmp_path: Path) -> tuple[Any, float]:
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["run", "--adapters", "rules", "--gold", str(ROOT / "gold"),
                                      "--executor", "ray", "--ray-address", address, "--out", str(tmp_path / "out")])
    return result, time.monotonic() - started


@pytest.mark.timeout(60)  # before the probe, Ray retried here for ever
def test_a_web_server_at_the_address_is_a_usage_error_not_a_hang(no_ray_token, tmp_path, monkeypatch):
    pytest.importorskip("ray")
    monkeypatch.setenv("HARNESS_RAY_CONNECT_TIMEOUT", "2")
    monkeypatch.chdir(tmp_path)
    with LoopbackServer(_WebPage) as web:
        address = f"127.0.0.1:{web.port}"
        result, took = _run_joining(address, tmp_path)
    assert result.exit_code == 2, result.output
    assert f"{address!r}: something accepts connections there, but it is not a Ray head" in result.output
    assert "ray start --head" in result.output and "Traceback" not in result.output
    assert took < 20
    assert not (tmp_path / "out").exists()


@pytest.mark.timeout(60)
def test_a_server_that_says_nothing_is_given_up_on_after_the_configured_wait(no_ray_token, tmp_path, monkeypatch):
    pytest.importorskip("ray")
    monkeypatch.setenv("HARNESS_RAY_CONNECT_TIMEOUT", "1.5")
    monkeypatch.chdir(tmp_path)
    with socket.socket() as silent:  # the kernel accepts connections to a listening socket: nobody answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        address = f"127.0.0.1:{silent.getsockname()[1]}"
        result, took = _run_joining(address, tmp_path)
    assert result.exit_code == 2, result.output
    assert "it said nothing within 1.5 s" in result.output and "HARNESS_RAY_CONNECT_TIMEOUT" in result.output
    assert 1.5 <= took < 20


def test_an_http2_server_passes_the_probe_and_an_http1_server_does_not():
    from harness.distributed import _http2_answer

    def serve(listener: socket.socket, answer: bytes) -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(len(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") + 9)
            connection.sendall(answer)

    # a server's first frame: SETTINGS (type 4) with one 6-byte setting, on stream 0
    settings = bytes([0, 0, 6, 4, 0, 0, 0, 0, 0]) + bytes([0, 3, 0, 0, 0, 100])
    for answer, not_ray in ((settings, None), (b"HTTP/1.1 400 Bad Request\r\n\r\n", "'HTTP/1.1 400 Bad Request'"),
                            (b"", "closed the connection without answering")):
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen()
            server = threading.Thread(target=serve, args=(listener, answer))
            server.start()
            found = _http2_answer("127.0.0.1", listener.getsockname()[1], 5)
            server.join(5)
        assert found.refused is None
        assert (found.not_ray is None) if not_ray is None else (not_ray in found.not_ray), found


def test_with_tls_only_the_connection_is_checked(no_ray_token):
    from harness.distributed import _http2_answer

    with LoopbackServer(_WebPage) as web:  # a TLS cluster answers the preface with an alert: not checked
        assert _http2_answer("127.0.0.1", web.port, 5, tls=True).not_ray is None
        assert _http2_answer("127.0.0.1", web.port, 5).not_ray is not None


@pytest.mark.parametrize("value", ["soon", "0", "-3", "inf", "nan"])
def test_a_connect_timeout_that_is_not_a_positive_number_is_a_usage_error(value, no_ray_token, tmp_path,
                                                                           monkeypatch):
    pytest.importorskip("ray")
    monkeypatch.setenv("HARNESS_RAY_CONNECT_TIMEOUT", value)
    monkeypatch.chdir(tmp_path)
    result, _ = _run_joining(f"127.0.0.1:{_free_port()}", tmp_path)
    assert result.exit_code == 2, result.output
    assert f"HARNESS_RAY_CONNECT_TIMEOUT={value!r} is not a number of seconds above 0" in result.output
