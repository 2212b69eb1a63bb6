"""``batch = true``: the ``llm`` adapter's documents sent through an OpenAI-style batch endpoint.

The requests of one batch of documents go up as a JSON Lines file
(``POST {base_url}/files``, purpose ``batch``), one batch is created for it
(``POST {base_url}/batches``, endpoint ``/v1/chat/completions``, window
``24h``), polled every ``batch_poll_seconds`` (``GET {base_url}/batches/{id}``)
until it is completed, failed, expired or cancelled, and the output file
(``GET {base_url}/files/{id}/content``) gives each document its answer by
``custom_id``. Answers are read, cached and costed as in the per-request
mode; a document with no answer in the output (or one in the error file) is
an error of kind ``batch`` for that document alone.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from ..model import Document
from ..usage import Extracted, Usage, usage_from_response
from .base import ExtractionError
from .http_body import BoundedBody

ENDPOINT = "/v1/chat/completions"
UNFINISHED = ("validating", "in_progress", "finalizing")


def extract_by_batch_api(extractor: Any, documents: list[Document]) -> list:
    """Each document's ``Extracted`` or ``ExtractionError``, in order, from one submitted batch."""
    results: list[Any] = [None] * len(documents)
    waiting: dict[str, tuple[int, Document]] = {}
    reserved: list[float] = []
    for index, document in enumerate(documents):
        cached = extractor.cached_answer(document)
        if cached is not None:
            results[index] = Extracted(cached, extractor.free_usage())
            continue
        try:
            held: list[float] = []
            extractor._reserve(document, held)  # the budget, judged before anything is sent
            reserved += held
        except ExtractionError as exc:
            results[index] = exc
            continue
        waiting[f"doc-{index}"] = (index, document)
    if waiting:
        try:
            answers = extractor.client.run(_submit_and_wait(extractor, waiting))
        except ExtractionError as exc:
            answers = {custom_id: extractor._redacted(exc) for custom_id in waiting}
        for custom_id, (index, document) in waiting.items():
            results[index] = _result(extractor, document, answers.get(custom_id))
    extractor._settle(sum(reserved), None)  # the batch is over: its documents are no longer in flight
    return results


def _result(extractor: Any, document: Document, answer: Any) -> Any:
    if answer is None:
        return ExtractionError("batch", "the batch finished without an answer for this document. "
                               "Re-run to send it again.", usage=Usage(0, cost=0.0 if extractor.prices else None))
    if isinstance(answer, ExtractionError):
        return answer
    status, body = answer
    usage = usage_from_response(body).priced(extractor.prices)
    extractor._settle(0.0, usage)
    text = json.dumps(body)
    if status != 200:
        return ExtractionError("http", f"the batch answered HTTP {status} for this document. "
                               "Check model and response_format.", raw=extractor._redact(text), usage=usage)
    try:
        content, finish_reason, _ = extractor.read_completion(text)
        record = extractor._parse(content, finish_reason)
    except ExtractionError as exc:
        exc.usage = usage
        return extractor._redacted(exc)
    extractor.keep_answer(document, content, finish_reason)
    return Extracted(extractor._finish(record, document), usage)


async def _submit_and_wait(extractor: Any, waiting: dict[str, tuple[int, Document]]) -> dict[str, Any]:
    client = extractor.client.http
    base = extractor.base_url
    settings = extractor.settings
    timeout = float(settings["timeout"])
    lines = [json.dumps({"custom_id": custom_id, "method": "POST", "url": ENDPOINT,
                         "body": extractor._body(document, extractor._format)})
             for custom_id, (_, document) in waiting.items()]
    upload = await _call(client.post(f"{base}/files", data={"purpose": "batch"}, timeout=timeout,
                                     files={"file": ("requests.jsonl", ("\n".join(lines) + "\n").encode(),
                                                     "application/jsonl")}), "upload the requests file")
    batch = await _call(client.post(f"{base}/batches", timeout=timeout, json={
        "input_file_id": upload["id"], "endpoint": ENDPOINT, "completion_window": "24h"}), "create the batch")
    give_up = time.monotonic() + float(settings["batch_wait_seconds"])
    while batch.get("status") in UNFINISHED:
        if time.monotonic() >= give_up:
            raise ExtractionError("timeout", f"batch {batch.get('id')} is still {batch.get('status')} after "
                                  f"{settings['batch_wait_seconds']:g} s. Raise batch_wait_seconds; the batch "
                                  "goes on at the server.")
        await asyncio.sleep(float(settings["batch_poll_seconds"]))
        batch = await _call(client.get(f"{base}/batches/{batch['id']}", timeout=timeout), "poll the batch")
    if batch.get("status") != "completed":
        raise ExtractionError("batch", f"batch {batch.get('id')} ended {batch.get('status')!r}"
                              f"{': ' + json.dumps(batch.get('errors'))[:300] if batch.get('errors') else ''}. "
                              "Check the batch at the server, or set batch = false.")
    answers: dict[str, Any] = {}
    limit = extractor._max_response_bytes() * max(1, len(waiting))
    for file_id in (batch.get("output_file_id"), batch.get("error_file_id")):
        if file_id:
            for line in (await _content(client, f"{base}/files/{file_id}/content", timeout, limit)).splitlines():
                _read_line(line, answers)
    return answers


def _read_line(line: str, answers: dict[str, Any]) -> None:
    try:
        item = json.loads(line)
        custom_id = item["custom_id"]
    except (ValueError, KeyError, TypeError):
        return  # a line that names no document answers none
    response = item.get("response") or {}
    if item.get("error") or not isinstance(response.get("body"), dict):
        answers[custom_id] = ExtractionError("batch", f"the batch gave this document an error: "
                                             f"{json.dumps(item.get('error') or response)[:300]}")
        return
    answers[custom_id] = (int(response.get("status_code") or 0), response["body"])


async def _call(request: Any, what: str) -> dict:
    import httpx

    try:
        response = await request
    except httpx.HTTPError as exc:
        raise ExtractionError("connection", f"could not {what}: {type(exc).__name__}: {exc}. "
                              "Check the server is up.") from None
    if response.status_code != 200:
        raise ExtractionError("http", f"could not {what}: HTTP {response.status_code}. Check that the server "
                              "has the batch endpoint, or set batch = false.", raw=response.text[:4000])
    try:
        found = response.json()
    except ValueError:
        found = None
    if not isinstance(found, dict) or "id" not in found:
        raise ExtractionError("invalid-response", f"could not {what}: the answer is not a JSON object with an id.",
                              raw=response.text[:4000])
    return found


async def _content(client: Any, url: str, timeout: float, limit: int) -> str:
    import httpx

    try:
        async with client.stream("GET", url, timeout=timeout) as response:
            if response.status_code != 200:
                raise ExtractionError("http", f"could not read the batch output: HTTP {response.status_code}.")
            body = BoundedBody(response.headers.get("content-encoding"), limit)
            async for chunk in response.aiter_raw():
                body.feed(chunk)
            return bytes(body.data).decode("utf-8", "replace")
    except httpx.HTTPError as exc:
        raise ExtractionError("connection", f"could not read the batch output: {type(exc).__name__}: {exc}.") from None
