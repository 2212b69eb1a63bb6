"""Faults at run level: every broken adapter behaviour costs only the documents it touches.

One run (``harness.run.run_evaluation``) over several documents with: a
command adapter that crashes, hangs, floods stdout and prints invalid UTF-8
on one document each; an LLM adapter whose server (on 127.0.0.1, started
here) times out, drops the connection, answers 500, answers HTML, sends a
truncated body or a cut-off answer; a plugin that raises at extract on one
document; a plugin that cannot be imported. Every error must be in
report.json with adapter, doc_id and kind, and everything else scored.
"""

from __future__ import annotations

import importlib
import json
import sys
import textwrap
import time

import pytest

from harness.config import HarnessConfig
from harness.gold import load_gold
from harness.report import load_report, write_reports
from harness.run import RunOptions, build_adapters, run_evaluation
from loopback import LoopbackServer, QuietHandler

from .builders import simple_document, write_gold

COMMAND_FAULTS = {"crash": "exit-status", "hang": "timeout", "flood": "output-too-large", "badutf8": "invalid-utf8",
                  "deep": "invalid-json"}
LLM_FAULTS = {"slow": "timeout", "drop": "connection", "e500": "http", "html": "invalid-response",
              "truncated": "invalid-response", "cutoff": "truncated"}
PLUGIN_FAULTS = {"crash": "exception"}
CALM = ("calm-1", "calm-2")
DOC_IDS = (*CALM, *COMMAND_FAULTS, *LLM_FAULTS)
TEXT = "Acme Corp hired Jane Doe in Berlin on Monday.\n"
NAMES = {"Acme Corp": "ORG", "Jane Doe": "PERSON", "Berlin": "GPE"}

PROGRAM = textwrap.dedent('''
    import json, sys, time
    document = json.load(sys.stdin)
    doc_id, text = document["doc_id"], document["text"]
    if doc_id == "crash":
        sys.stderr.write("fatal: cannot parse " + doc_id)
        sys.exit(3)
    if doc_id == "hang":
        time.sleep(30)
    if doc_id == "flood":
        while True:
            sys.stdout.write("x" * 65536)
    if doc_id == "badutf8":
        sys.stdout.buffer.write(b'{"entities": [{"text": "\\xff\\xfe", "type": "ORG"}]}')
        sys.exit(0)
    if doc_id == "deep":
        print("[" * 40000 + "]" * 40000)  # under max_output_bytes, far over the depth limit
        sys.exit(0)
    start = text.find("Acme Corp")
    print(json.dumps({"entities": [{"text": "Acme Corp", "type": "ORG", "start": start, "end": start + 9}]}))
''')

PLUGIN = textwrap.dedent('''
    from harness.adapters import BaseExtractor

    class Faulty(BaseExtractor):
        version = "1"
        categories = ("entities",)

        def extract(self, document):
            if document.id == "crash":
                raise ValueError("plugin bug on " + document.id)
            start = document.text.find("Berlin")
            return {"doc_id": document.id, "entities": [{"text": "Berlin", "type": "GPE", "start": start, "end": start + 6}]}
''')


def _answer(doc_id: str) -> dict:
    content = json.dumps({"doc_id": doc_id, "entities": [{"text": "Jane Doe", "type": "PERSON"}]})
    return {"choices": [{"message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]}


class _ChatHandler(QuietHandler):
    """Answers by the document id found in the request: each fault id gets its own failure."""

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        try:
            self.send_body(status, body, {"Content-Type": content_type})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout case)

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        doc_id = next(d for d in DOC_IDS if f"(id {d})" in request["messages"][-1]["content"])
        if doc_id == "slow":
            time.sleep(3)
            return self._send(200, json.dumps(_answer(doc_id)).encode())
        if doc_id == "drop":
            self.close_connection = True
            self.connection.shutdown(2)
            return None
        if doc_id == "e500":
            return self._send(500, b'{"error": "model crashed"}')
        if doc_id == "html":
            return self._send(200, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")
        if doc_id == "truncated":
            return self._send(200, json.dumps(_answer(doc_id)).encode()[:40])
        if doc_id == "cutoff":
            answer = _answer(doc_id)
            answer["choices"][0].update(finish_reason="length",
                                        message={"role": "assistant", "content": '{"doc_id": "cutoff", "entities": [{"te'})
            return self._send(200, json.dumps(answer).encode())
        return self._send(200, json.dumps(_answer(doc_id)).encode())


@pytest.fixture(scope="module")
def chat_server():
    # the llm adapter asks for every document at once, as it would of a real server: the loopback
    # server's listen backlog takes them all, so no fault turns into a refused connection
    with LoopbackServer(_ChatHandler) as server:
        yield server.base_url


@pytest.fixture(scope="module")
def plugins(tmp_path_factory):
    """Two plugins 'installed' on sys.path: one that raises at extract, one that cannot be imported."""
    site = tmp_path_factory.mktemp("site")
    (site / "hardening_faulty_plugin.py").write_text(PLUGIN)
    (site / "hardening_unimportable_plugin.py").write_text("raise ImportError('needs a library that is not installed')\n")
    dist_info = site / "hardening_fault_plugins-0.1.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: hardening-fault-plugins\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text("[harness.adapters]\nfaulty = hardening_faulty_plugin:Faulty\n"
                                                 "unimportable = hardening_unimportable_plugin:Extractor\n")
    sys.path.insert(0, str(site))
    importlib.invalidate_caches()
    yield site
    sys.path.remove(str(site))
    for module in ("hardening_faulty_plugin", "hardening_unimportable_plugin"):
        sys.modules.pop(module, None)


@pytest.fixture(scope="module")
def faulty_run(tmp_path_factory, chat_server, plugins):
    folder = tmp_path_factory.mktemp("run")
    (folder / "extract.py").write_text(PROGRAM)
    corpus = load_gold(write_gold(folder / "gold", [simple_document(d, TEXT, NAMES) for d in DOC_IDS]))
    config = HarnessConfig(None, {"adapters": {
        "cmd": {"adapter": "command", "argv": [sys.executable, str(folder / "extract.py")], "timeout": 1.5,
                "max_output_bytes": 100_000, "categories": ["entities"]},
        "chat": {"adapter": "llm", "base_url": chat_server, "model": "test-model", "timeout": 1.0,
                 "max_retries": 0, "backoff": 0, "cache": False, "categories": ["entities"],
                 "api_key_env": "HARDENING_TEST_NO_KEY"},
    }})
    names = ("oracle", "cmd", "chat", "faulty", "unimportable")
    with pytest.warns(Warning):  # the unimportable plugin is announced as a warning
        specs = build_adapters(names, config, corpus)
    run = run_evaluation(corpus, specs, options=RunOptions(names, gold=str(folder / "gold")))
    report, files = write_reports(run, folder / "out")
    return run, load_report(files.json)


def _errors(report: dict, adapter: str) -> dict:
    return {e["doc_id"]: e["kind"] for e in report["errors"] if e["adapter"] == adapter}


@pytest.mark.parametrize("adapter,faults", [("cmd", COMMAND_FAULTS), ("chat", LLM_FAULTS),
                                             ("faulty", PLUGIN_FAULTS), ("oracle", {})])
def test_each_fault_is_recorded_for_its_document_only(faulty_run, adapter, faults):
    _, report = faulty_run
    assert _errors(report, adapter) == faults
    entry = report["adapters"][adapter]
    assert entry["documents"]["failed"] == len(faults)
    assert entry["status"] == ("errors" if faults else "ok")
    assert "entities" in entry["scores"]


@pytest.mark.parametrize("adapter,faults", [("cmd", COMMAND_FAULTS), ("chat", LLM_FAULTS),
                                             ("faulty", PLUGIN_FAULTS)])
def test_the_other_documents_are_extracted_and_scored(faulty_run, adapter, faults):
    run, report = faulty_run
    predicted = run.adapter(adapter).run.predictions
    for doc_id in DOC_IDS:
        found = predicted[doc_id].entities
        assert (found == ()) == (doc_id in faults), doc_id  # a failed document predicts nothing
    score = report["adapters"][adapter]["scores"]["entities"]
    assert score["tp"] == len(DOC_IDS) - len(faults)  # one right entity per healthy document
    assert score["fn"] == 3 * len(DOC_IDS) - score["tp"]


def test_the_unimportable_plugin_is_a_setup_error_and_spares_the_rest(faulty_run):
    _, report = faulty_run
    (error,) = [e for e in report["errors"] if e["adapter"] == "unimportable"]
    assert (error["doc_id"], error["stage"]) == (None, "setup")
    assert "failed to import" in error["message"] and "not installed" in error["message"]
    assert report["adapters"]["unimportable"]["status"] == "failed"
    assert report["adapters"]["oracle"]["scores"]["entities"]["f1"] == 1.0


def test_errors_carry_the_evidence(faulty_run):
    _, report = faulty_run
    by_key = {(e["adapter"], e["doc_id"]): e for e in report["errors"]}
    assert "fatal: cannot parse crash" in by_key[("cmd", "crash")]["detail"]
    assert "100,000 bytes" in by_key[("cmd", "flood")]["message"]
    assert "byte offset" in by_key[("cmd", "badutf8")]["message"]
    assert "nested" in by_key[("cmd", "deep")]["message"]
    assert "502 Bad Gateway" in by_key[("chat", "html")]["detail"]
    assert "plugin bug on crash" in by_key[("faulty", "crash")]["message"]
    assert len(report["errors"]) == len(COMMAND_FAULTS) + len(LLM_FAULTS) + len(PLUGIN_FAULTS) + 1


def test_the_hang_and_the_slow_server_cost_about_their_timeouts(faulty_run):
    run, _ = faulty_run
    seconds = {(d.adapter, d.doc_id): d.seconds for a in run.adapters for d in a.run.documents}
    assert 1.5 <= seconds[("cmd", "hang")] < 10
    assert 1.0 <= seconds[("chat", "slow")] < 3
