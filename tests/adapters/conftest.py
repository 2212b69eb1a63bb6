"""Fixtures for adapter tests: documents, the plugin package on sys.path, a scripted HTTP server."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
import threading
import tomllib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from harness.model import Document

PLUGIN_SOURCE = Path(__file__).parent / "plugin_pkg"


def make_document(doc_id: str, text: str) -> Document:
    return Document(doc_id, text)


@pytest.fixture
def documents() -> list[Document]:
    return [make_document(f"doc-{i}", f"Officials said on Monday that {n} people were evacuated from Riga.")
            for i, n in enumerate(("three", "40", "nine hundred"))]


@pytest.fixture
def plugin_path(tmp_path, monkeypatch) -> Path:
    """The demo plugin 'installed': its modules plus a dist-info made from its pyproject, on sys.path."""
    site = tmp_path / "site"
    shutil.copytree(PLUGIN_SOURCE, site, ignore=shutil.ignore_patterns("pyproject.toml", "__pycache__"))
    project = tomllib.loads((PLUGIN_SOURCE / "pyproject.toml").read_text())["project"]
    dist_info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n")
    lines = []
    for group, points in project["entry-points"].items():
        lines.append(f"[{group}]")
        lines += [f"{name} = {value}" for name, value in points.items()]
    (dist_info / "entry_points.txt").write_text("\n".join(lines) + "\n")
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    yield site
    for module in ("harness_demo_plugin", "harness_broken_plugin"):
        sys.modules.pop(module, None)


class ChatServer:
    """A Chat Completions server on 127.0.0.1 that answers from a script of responses.

    Each scripted response is a dict: ``status``, ``body`` (str or JSON-able),
    ``headers``, ``delay`` (seconds before answering), ``drop`` (close the
    connection without answering). The last one repeats when the script runs out.
    """

    def __init__(self) -> None:
        self.script: list[dict] = []
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append({"path": self.path, "body": body, "auth": self.headers.get("authorization")})
                step = server.script.pop(0) if len(server.script) > 1 else server.script[0]
                if step.get("delay"):
                    import time

                    time.sleep(step["delay"])
                if step.get("drop"):
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                payload = step.get("body", "")
                data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
                try:
                    self.send_response(step.get("status", 200))
                    for key, value in step.get("headers", {"Content-Type": "application/json"}).items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def chat_server():
    server = ChatServer()
    yield server
    server.close()


def completion(content: str, finish_reason: str = "stop") -> dict:
    """A Chat Completions response body carrying ``content``."""
    return {"id": "x", "object": "chat.completion", "model": "test",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": finish_reason}]}


@pytest.fixture
def reply():
    """Builds a Chat Completions body: ``reply(content, finish_reason="stop")``."""
    return completion
