"""A local OpenAI-compatible server for the llm tests and benchmark, on 127.0.0.1.

Chat Completions answer after a fixed ``latency`` with a predictions record
for the document named in the prompt (``answer``: doc id and text -> record)
and a fixed ``usage``; the server counts requests and the most it held at
once. The batch endpoint follows OpenAI's documented shape: ``POST /files``
(multipart, purpose ``batch``, a JSONL of requests), ``POST /batches``,
``GET /batches/{id}`` (validating, in_progress, then completed) and
``GET /files/{id}/content`` (a JSONL of ``{"custom_id", "response":
{"status_code", "body"}}``).
"""

from __future__ import annotations

import json
import re
import threading
import time
from email.parser import BytesParser
from email.policy import default as default_policy
from typing import Callable

from loopback import LoopbackServer, QuietHandler

_ARTICLE = re.compile(r"Article \(id (?P<id>[^)]*)\):\n\n(?P<text>.*)", re.S)


def no_entities(doc_id: str, text: str) -> dict:
    return {"doc_id": doc_id, "entities": [], "quotes": [], "figures": [], "events": []}


class StubServer(LoopbackServer):
    """The server, started at once; ``close()`` stops it. Settings may change between requests."""

    def __init__(self, *, latency: float = 0.0, usage: tuple[int, int] = (100, 20),
                 answer: Callable[[str, str], dict] = no_entities, polls_until_done: int = 2,
                 batch_outcome: str = "completed"):
        self.latency = latency
        self.usage = usage
        self.answer = answer
        self.polls_until_done = polls_until_done
        self.batch_outcome = batch_outcome  # or "failed", "expired", ...
        self.requests = 0  # chat completions answered or begun (batches not counted)
        self.in_flight = 0
        self.most_in_flight = 0
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict] = {}
        self.batch_calls: list[str] = []
        self._lock = threading.Lock()
        stub = self

        class Handler(QuietHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body leave at once, not 40 ms apart

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                try:
                    if self.path == "/v1/chat/completions":
                        self.send_json(200, stub.complete(json.loads(body)))
                    elif self.path == "/v1/files":
                        self.send_json(200, stub.upload(self.headers["Content-Type"], body))
                    elif self.path == "/v1/batches":
                        self.send_json(200, stub.create_batch(json.loads(body)))
                    else:
                        self.send_json(404, {"error": {"message": f"no route {self.path}"}})
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:
                found = re.fullmatch(r"/v1/batches/([^/]+)", self.path)
                content = re.fullmatch(r"/v1/files/([^/]+)/content", self.path)
                if found:
                    self.send_json(200, stub.poll(found.group(1)))
                elif content and content.group(1) in stub.files:
                    self.send_body(200, stub.files[content.group(1)], {"Content-Type": "application/jsonl"})
                else:
                    self.send_json(404, {"error": {"message": f"no route {self.path}"}})

        super().__init__(Handler)

    # --- chat completions ---

    def completion_body(self, request: dict) -> dict:
        user = next(m["content"] for m in request["messages"] if m["role"] == "user")
        found = _ARTICLE.search(user)
        record = self.answer(found["id"], found["text"]) if found else {}
        prompt, completion = self.usage
        return {"id": "chatcmpl-stub", "object": "chat.completion", "model": request.get("model"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps(record)},
                             "finish_reason": "stop"}],
                "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                          "total_tokens": prompt + completion}}

    def complete(self, request: dict) -> dict:
        with self._lock:
            self.requests += 1
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.latency:
                time.sleep(self.latency)
            return self.completion_body(request)
        finally:
            with self._lock:
                self.in_flight -= 1

    # --- the batch endpoint ---

    def upload(self, content_type: str, body: bytes) -> dict:
        message = BytesParser(policy=default_policy).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        fields = {part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
                  for part in message.iter_parts()}
        assert fields.get("purpose") == b"batch", fields.get("purpose")
        file_id = f"file-{len(self.files) + 1}"
        self.files[file_id] = fields["file"]
        self.batch_calls.append("upload")
        return {"id": file_id, "object": "file", "bytes": len(fields["file"]), "purpose": "batch"}

    def create_batch(self, request: dict) -> dict:
        assert request["endpoint"] == "/v1/chat/completions" and request["completion_window"] == "24h", request
        batch_id = f"batch_{len(self.batches) + 1}"
        self.batches[batch_id] = {"id": batch_id, "object": "batch", "endpoint": request["endpoint"],
                                  "input_file_id": request["input_file_id"], "status": "validating",
                                  "output_file_id": None, "error_file_id": None, "polls": 0}
        self.batch_calls.append("create")
        return {k: v for k, v in self.batches[batch_id].items() if k != "polls"}

    def poll(self, batch_id: str) -> dict:
        batch = self.batches[batch_id]
        batch["polls"] += 1
        self.batch_calls.append("poll")
        if batch["polls"] >= self.polls_until_done and self.batch_outcome != "completed":
            batch["status"] = self.batch_outcome
        elif batch["polls"] >= self.polls_until_done and batch["status"] != "completed":
            lines = []
            for raw in self.files[batch["input_file_id"]].decode().splitlines():
                item = json.loads(raw)
                assert item["method"] == "POST" and item["url"] == "/v1/chat/completions", item
                lines.append(json.dumps({"id": f"req-{item['custom_id']}", "custom_id": item["custom_id"],
                                         "response": {"status_code": 200, "request_id": "r",
                                                      "body": self.completion_body(item["body"])},
                                         "error": None}))
            output_id = f"file-{len(self.files) + 1}"
            self.files[output_id] = ("\n".join(lines) + "\n").encode()
            batch.update(status="completed", output_file_id=output_id)
        elif batch["status"] == "validating":
            batch["status"] = "in_progress"
        return {k: v for k, v in batch.items() if k != "polls"}


def main() -> None:
    """Serve until killed, in a process of its own (the benchmark's server): prints the base URL."""
    import argparse

    parser = argparse.ArgumentParser(description="A local OpenAI-compatible server for benchmarks.")
    parser.add_argument("--latency", type=float, default=0.2)
    options = parser.parse_args()
    server = StubServer(latency=options.latency)
    print(server.base_url, flush=True)
    try:
        server.thread.join()
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
