"""A loopback HTTP server for tests: a handler class served from a thread on a free 127.0.0.1 port.

The llm stub (``llm_stub.StubServer``), the adapters' scripted Chat
Completions server (``adapters.conftest.ChatServer``) and the hardening
tests' hostile and faulty servers all serve through this, so starting,
addressing and stopping a test server is written once.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients connect at once; the default backlog of 5 refuses some


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing (keeps test output clean) and sends whole responses."""

    def log_message(self, *args: Any) -> None:
        pass

    def send_body(self, status: int, data: bytes, headers: dict[str, str] | None = None) -> None:
        """The status, ``headers`` (when None: JSON's content type), Content-Length and ``data``."""
        self.send_response(status)
        for key, value in ({"Content-Type": "application/json"} if headers is None else headers).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, status: int, payload: Any) -> None:
        self.send_body(status, json.dumps(payload).encode())


class LoopbackServer:
    """``handler`` served on 127.0.0.1 (a free port) from a daemon thread, started at once; ``close()``
    stops it. Also a context manager."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]):
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL: ``http://127.0.0.1:<port>/v1``."""
        return f"http://127.0.0.1:{self.port}/v1"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "LoopbackServer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
