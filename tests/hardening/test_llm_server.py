"""The llm adapter against hostile servers on 127.0.0.1, started here; every request is bounded.

A server that drips its answer a byte at a time, one that stalls after the
headers, a gzip bomb, a Retry-After of an hour, an error body that echoes
the API key, an answer wrapped in prose and a code fence, and `--no-cache`
with the adapter's own response cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc
import zlib

import pytest

from harness.adapters import get_adapter, run_extractor
from harness.model import Document
from loopback import LoopbackServer, QuietHandler

from .builders import simple_document, write_gold

DOC = Document("news-1", "Acme Corp hired Jane Doe in Berlin.\n")
KEY = "sk-hardening-0123456789abcdef"
BOMB_BYTES = 64 * 1024 * 1024  # inflates to 64 MB; the cap below is 1 MB


def _completion(content: str) -> bytes:
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": content},
                                    "finish_reason": "stop"}]}).encode()


GOOD = json.dumps({"doc_id": "news-1", "entities": [{"text": "Jane Doe", "type": "PERSON"}]})


def _gzip_bomb(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(size // len(block))) + packer.flush()


class _Handler(QuietHandler):
    """Answers each request by the next behaviour of its server's script (the last one repeats)."""

    protocol_version = "HTTP/1.1"
    scripted: "_ScriptedServer"  # set on the subclass each server makes

    def do_POST(self):
        scripted = self.scripted
        self.rfile.read(int(self.headers["Content-Length"]))
        scripted.requests.append({"auth": self.headers.get("Authorization")})
        behaviour = scripted.script[min(len(scripted.requests), len(scripted.script)) - 1]
        try:
            behaviour(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def answer(self, status: int, body: bytes, **headers: str) -> None:
        """A JSON answer with ``headers`` (``Retry_After`` is sent as ``Retry-After``)."""
        self.send_body(status, body, {"Content-Type": "application/json",
                                      **{name.replace("_", "-"): value for name, value in headers.items()}})


class _ScriptedServer(LoopbackServer):
    """A loopback server whose requests are answered by ``script``, a list of behaviours."""

    def __init__(self):
        self.requests: list[dict] = []
        self.script: list = [fine]
        self.bomb = b""  # the gzip bomb the ``bomb`` behaviour sends
        server = self

        class Handler(_Handler):
            scripted = server

        super().__init__(Handler)


def drip(handler):
    body = _completion(GOOD)
    handler.send_response(200)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    for byte in body[:30]:  # 30 s at most, whatever the client does
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(1.0)


def stall(handler):
    handler.send_response(200)
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.flush()
    time.sleep(10)


def bomb(handler):
    handler.answer(200, handler.scripted.bomb, Content_Encoding="gzip")


def fine(handler):
    handler.answer(200, _completion(GOOD))


def fenced(handler):
    handler.answer(200, _completion("Here is what I found in the article:\n\n```json\n" + GOOD
                                    + "\n```\n\nLet me know if you need anything else."))


def busy_for_an_hour(handler):
    handler.answer(429, b'{"error": "rate limited"}', Retry_After="3600")


def busy_until_next_year(handler):
    handler.answer(503, b'{"error": "down"}', Retry_After="Fri, 31 Dec 2100 23:59:59 GMT")


def echo_key(handler):
    handler.answer(401, json.dumps({"error": f"invalid key {handler.headers['Authorization']}"}).encode())


@pytest.fixture
def server():
    with _ScriptedServer() as scripted:
        yield scripted


def _llm(server, tmp_path, **settings):
    base = {"base_url": server.base_url, "model": "m", "max_retries": 0, "backoff": 0, "timeout": 1.0,
            "cache": False, "cache_dir": str(tmp_path / "llm-cache"), "api_key_env": "HARDENING_LLM_KEY",
            "categories": ["entities"]}
    return get_adapter("llm", overrides={**base, **settings})


@pytest.mark.parametrize("behaviour", [drip, stall], ids=["drip", "stall"])
def test_a_request_ends_at_its_deadline_however_the_server_trickles(server, tmp_path, behaviour):
    server.script = [behaviour]
    outcome = run_extractor(_llm(server, tmp_path, timeout=1.0), DOC)
    assert outcome.error["kind"] == "timeout"
    assert outcome.seconds < 2.5  # a byte a second used to hold it for the whole body


def test_a_gzip_bomb_is_refused_at_the_cap_while_streaming(server, tmp_path):
    server.bomb = _gzip_bomb(BOMB_BYTES)
    server.script = [bomb]
    extractor = _llm(server, tmp_path, max_response_bytes=1_000_000, timeout=20)
    tracemalloc.start()
    try:
        outcome = run_extractor(extractor, DOC)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert outcome.error["kind"] == "response-too-large"
    assert "1,000,000 bytes" in outcome.error["message"]
    assert peak < 16 * 1024 * 1024  # the whole body would be 64 MB


@pytest.mark.parametrize("behaviour", [busy_for_an_hour, busy_until_next_year], ids=["seconds", "http-date"])
def test_retry_after_is_capped_by_max_retry_wait(server, tmp_path, behaviour):
    server.script = [behaviour, fine]
    started = time.monotonic()
    outcome = run_extractor(_llm(server, tmp_path, max_retries=1, max_retry_wait=0.2), DOC)
    assert outcome.error is None, outcome.error
    assert time.monotonic() - started < 5 and len(server.requests) == 2


def test_the_api_key_is_redacted_from_a_stored_error_body(server, tmp_path, monkeypatch):
    monkeypatch.setenv("HARDENING_LLM_KEY", KEY)
    server.script = [echo_key]
    outcome = run_extractor(_llm(server, tmp_path), DOC)
    assert server.requests[0]["auth"] == f"Bearer {KEY}"  # the key was sent ...
    assert outcome.error["kind"] == "http"
    stored = json.dumps(outcome.error)
    assert KEY not in stored and "[redacted]" in stored  # ... and is in no error record


def test_an_answer_wrapped_in_prose_and_a_json_fence_is_parsed(server, tmp_path):
    server.script = [fenced]
    outcome = run_extractor(_llm(server, tmp_path), DOC)
    assert outcome.error is None, outcome.error
    assert [e.text for e in outcome.predictions.entities] == ["Jane Doe"]


def _run(project, *args):
    return subprocess.run([sys.executable, "-m", "harness", "run", "--adapters", "llm", "--gold", "gold",
                           "--out", "out", *args], cwd=project, capture_output=True, text=True, timeout=120,
                          env={k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"})


def test_no_cache_leaves_the_llm_response_cache_alone(server, tmp_path):
    write_gold(tmp_path / "gold", [simple_document("news-1", DOC.text)])
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "scratch"\nversion = "0"\n\n[tool.harness.adapters.llm]\n'
        f'base_url = "{server.base_url}"\nmodel = "m"\nmax_retries = 0\ncategories = ["entities"]\n')
    for _ in range(2):
        result = _run(tmp_path, "--no-cache")
        assert "Traceback" not in result.stderr, result.stderr
    assert len(server.requests) == 2  # asked both times: no answer was served from a cache
    assert not (tmp_path / ".harness-cache").exists()  # and none was written
    _run(tmp_path)
    assert (tmp_path / ".harness-cache" / "llm").is_dir()  # a run with the cache does keep answers
