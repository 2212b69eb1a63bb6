"""Fixtures for adapter tests: documents, the plugin package on sys.path, a scripted HTTP server."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
import subprocess
import time
from pathlib import Path

import pytest

from harness.model import Document
from loopback import LoopbackServer, QuietHandler

PLUGIN_SOURCE = Path(__file__).parent / "plugin_pkg"


def make_document(doc_id: str, text: str) -> Document:
    return Document(doc_id, text)


@pytest.fixture(scope="session")
def rules():
    """The rules adapter with its default settings."""
    from harness.adapters import get_adapter

    return get_adapter("rules")


@pytest.fixture(scope="session")
def spacy_extractor():
    """The spaCy adapter with its default settings."""
    from harness.adapters import get_adapter

    return get_adapter("spacy")


@pytest.fixture
def documents() -> list[Document]:
    return [make_document(f"doc-{i}", f"Officials said on Monday that {n} people were evacuated from Riga.")
            for i, n in enumerate(("three", "40", "nine hundred"))]


@pytest.fixture(scope="session")
def installed_plugin(tmp_path_factory) -> Path:
    """The demo plugin package really installed by pip (offline, no build isolation) into a folder."""
    source = tmp_path_factory.mktemp("plugin-src") / "plugin_pkg"
    shutil.copytree(PLUGIN_SOURCE, source, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    site = tmp_path_factory.mktemp("plugin-site")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "--quiet", "--target", str(site), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def plugin_path(installed_plugin, monkeypatch) -> Path:
    """The installed plugin's folder on sys.path, as a site-packages folder would be."""
    monkeypatch.syspath_prepend(str(installed_plugin))
    importlib.invalidate_caches()
    yield installed_plugin
    for module in ("harness_demo_plugin", "harness_broken_plugin"):
        sys.modules.pop(module, None)


class ChatServer(LoopbackServer):
    """A Chat Completions server on 127.0.0.1 that answers from a script of responses.

    Each scripted response is a dict: ``status``, ``body`` (str or JSON-able),
    ``headers``, ``delay`` (seconds before answering), ``drop`` (close the
    connection without answering). The last one repeats when the script runs out.
    """

    def __init__(self) -> None:
        self.script: list[dict] = []
        self.requests: list[dict] = []
        server = self

        class Handler(QuietHandler):
            def do_POST(self):
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append({"path": self.path, "body": body, "auth": self.headers.get("authorization")})
                step = server.script.pop(0) if len(server.script) > 1 else server.script[0]
                if step.get("delay"):
                    time.sleep(step["delay"])
                if step.get("drop"):
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                payload = step.get("body", "")
                data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
                try:
                    self.send_body(step.get("status", 200), data, step.get("headers"))
                except OSError:
                    pass

        super().__init__(Handler)


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
