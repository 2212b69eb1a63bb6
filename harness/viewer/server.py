"""The viewer's HTTP server: the page, its static files and the JSON API, on 127.0.0.1.

Standard library only (``http.server``). The page and its scripts are
package data served under fixed names; no request path is ever joined into
a file path. Every response forbids loading anything from elsewhere
(``Content-Security-Policy: default-src 'self'``), and a request naming
another host (a DNS-rebinding page) is refused while bound to loopback.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from .api import ApiError, ViewerApi

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
STATIC = {
    "viewer.css": "text/css; charset=utf-8",
    "viewer.js": "text/javascript; charset=utf-8",
    "article.js": "text/javascript; charset=utf-8",
}


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) is this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host of a Host header, without its port (``[::1]:8000`` -> ``[::1]``)."""
    if header.startswith("["):
        return header[: header.find("]") + 1]
    return header.rsplit(":", 1)[0]


def static_file(name: str) -> bytes:
    """A file of ``harness/viewer/static`` (package data)."""
    return resources.files("harness.viewer").joinpath("static", name).read_bytes()


class ViewerHandler(BaseHTTPRequestHandler):
    """Answers GET (and HEAD) for the page, the static files and the API."""

    server: "ViewerServer"
    server_version = "harness-view"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        pass  # the terminal shows the URL and errors, not every request

    def _send(self, status: int, body: bytes, content_type: str, *, cache: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "max-age=60" if cache else "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, payload: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8", "backslashreplace")
        self._send(status, body, "application/json; charset=utf-8")

    def _host_allowed(self) -> bool:
        if not self.server.loopback_only:
            return True
        return is_loopback(host_name(self.headers.get("Host") or ""))

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's naming)
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        if not self._host_allowed():
            self._json(HTTPStatus.FORBIDDEN, {"error": "this viewer answers requests for 127.0.0.1 or localhost only"})
            return
        url = urlsplit(self.path)
        path = url.path
        if path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, static_file("index.html"), "text/html; charset=utf-8")
        elif path == "/favicon.ico":
            self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        elif path.startswith("/static/") and path[len("/static/"):] in STATIC:
            name = path[len("/static/"):]
            self._send(HTTPStatus.OK, static_file(name), STATIC[name], cache=False)
        elif path == "/api" or path.startswith("/api/"):
            parts = [unquote(part) for part in path.split("/")[2:] if part != ""]
            query = dict(parse_qsl(url.query))
            try:
                self._json(HTTPStatus.OK, self.server.api.answer(parts, query))
            except ApiError as exc:
                self._json(exc.status, {"error": exc.message})
            except Exception as exc:  # a bug must not take the server down; the page shows the message
                self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"{type(exc).__name__}: {exc}"})
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": f"nothing at {path}; the viewer is at /"})

    def _refuse(self) -> None:
        self._json(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "the viewer is read-only: GET only"})

    do_POST = do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815


class ViewerServer(ThreadingHTTPServer):
    """A threading HTTP server holding the API it answers from."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], api: ViewerApi):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6  # before the socket is made: --host ::1 works too
        super().__init__(address, ViewerHandler)
        self.api = api
        self.loopback_only = is_loopback(address[0])

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"


def start_in_thread(api: ViewerApi, host: str = "127.0.0.1", port: int = 0) -> tuple[ViewerServer, threading.Thread]:
    """A server on ``host:port`` (0: a free port) answering in a daemon thread; stop it with ``shutdown()``."""
    server = ViewerServer((host, port), api)
    thread = threading.Thread(target=server.serve_forever, name="harness-view", daemon=True)
    thread.start()
    return server, thread
