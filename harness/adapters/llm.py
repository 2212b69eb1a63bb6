"""``llm``: any OpenAI-compatible Chat Completions endpoint (OpenAI, vLLM, Ollama, llama.cpp server).

The article goes to ``{base_url}/chat/completions`` with an instruction to
answer with one predictions record as JSON. The answer format is asked for
with ``response_format`` as a JSON Schema; a server that rejects that (HTTP
400) is asked again with ``json_object``, then with the plain instruction
alone, and the adapter remembers what worked. 429 and 5xx answers, timeouts
and dropped connections are retried with exponential backoff (honouring
``Retry-After``, never waiting more than ``max_retry_wait``). Each request
has ``timeout`` seconds in all, from connecting to the last byte, and a body
over ``max_response_bytes`` once decompressed is refused while it streams
(``harness.adapters.http_body``). A successful answer is cached on disk under
the sha256 of the request, so a second run makes no request at all; a run
with ``--no-cache`` neither reads nor writes that cache.

Output that is not JSON, or JSON cut off because the model ran out of
tokens, is an error for that document with the raw text kept; JSON wrapped
in prose and a code fence is found and read. The API key is removed from
every error kept, in case the server echoes it.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from pathlib import Path
from typing import Any, Mapping

from ..errors import InputError
from ..files import Limits, parse_json
from ..model import Document
from .base import BaseExtractor, ExtractionError, categories_setting, fingerprint_of
from .http_body import Answer, fetch
from .settings import Setting

FORMATS = ("json_schema", "json_object", "none")
RETRY_AFTER_CAP = 30.0
# a fenced block anywhere in the answer; a fence the model never closed runs to the end
_FENCE = re.compile(r"```[ \t]*([A-Za-z]*)[ \t]*\r?\n(.*?)(?:```|\Z)", re.S)
REDACTED = "[redacted]"

INSTRUCTION = """You extract structured information from one news article.
Answer with exactly one JSON object and nothing else, of this form:
{{"doc_id": "{doc_id}",{fields}}}
Rules:
- Copy every text field exactly as it appears in the article.
- entities: named people (PERSON), organisations (ORG), countries, cities and states (GPE), nationalities or groups (NORP), other places (LOC), facilities (FAC), dates (DATE), times (TIME) and the like; one item per mention.
- quotes: "text" is what was said, without the quotation marks; "kind" is direct, partial or indirect; "speaker" names who said it; "cue" is the speech verb.
- figures: quantities stated in the text with their counted noun (e.g. "nearly 40 people"); "value" is the number, or [low, high] for a vague amount; not dates, years or ordinals.
- events: "type" from this list: {event_types}; "trigger" is the word that names the event; "arguments" are [{{"role": ..., "text": ...}}].
- Leave a list empty when the article has none. Do not annotate advertisements, comment widgets or links to other articles."""

FIELD_HINTS = {
    "entities": ' "entities": [{"text": "...", "type": "PERSON"}]',
    "quotes": ' "quotes": [{"text": "...", "kind": "direct", "speaker": "...", "cue": "said"}]',
    "figures": ' "figures": [{"text": "...", "value": 0, "unit": "..."}]',
    "events": ' "events": [{"type": "...", "trigger": "...", "arguments": []}]',
}


def json_text(content: str) -> str:
    """The JSON in a model's answer: the answer itself, or the first fenced block, a ```json one first,
    when the model wrapped it in prose."""
    stripped = content.strip()
    if stripped.startswith("{"):
        return stripped
    blocks = _FENCE.findall(content)
    for label, block in sorted(blocks, key=lambda found: found[0].lower() != "json"):
        if block.strip().startswith("{"):
            return block.strip()
    return stripped


def retry_after(value: str | None) -> float:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date); 0 when unusable."""
    if not value:
        return 0.0
    try:
        seconds = float(value)
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return 0.0
        import datetime

        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.timezone.utc)
        seconds = (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
    return seconds if math.isfinite(seconds) and seconds > 0 else 0.0


def _schema_for(categories: tuple[str, ...]) -> dict:
    """The predictions schema narrowed to the categories asked for, as a response format."""
    from ..schemas import load_schema

    schema = json.loads(json.dumps(load_schema("predictions")))
    for key in ("$schema", "$id", "title", "description"):
        schema.pop(key, None)
    schema["properties"] = {k: v for k, v in schema["properties"].items()
                            if k == "doc_id" or k in categories}
    schema["required"] = ["doc_id", *categories]
    return schema


class LLMExtractor(BaseExtractor):
    """Predictions from a chat model behind an OpenAI-compatible API."""

    name = "llm"
    version = "1"
    SETTINGS = (
        Setting("base_url", str, None, 'the API root, e.g. "http://127.0.0.1:8000/v1"'),
        Setting("model", str, None, "the model name the server knows"),
        Setting("api_key_env", str, "OPENAI_API_KEY", "the environment variable holding the API key (unset: no key sent)"),
        Setting("timeout", (int, float), 120.0, "seconds one request may take, from connecting to the last byte",
                minimum=0.001),
        Setting("max_retries", int, 3, "retries after a 429, a 5xx, a timeout or a dropped connection", minimum=0),
        Setting("backoff", (int, float), 1.0, "seconds before the first retry; doubled each time", minimum=0),
        Setting("max_retry_wait", (int, float), RETRY_AFTER_CAP,
                "longest wait before a retry, in seconds, whatever Retry-After asks", minimum=0),
        Setting("max_response_bytes", int, None,
                "largest answer body accepted once decompressed (default: [tool.harness.limits] max_bytes)",
                minimum=1),
        Setting("temperature", (int, float), 0.0, "sampling temperature", minimum=0),
        Setting("max_tokens", int, 4096, "largest answer, in tokens", minimum=1),
        Setting("response_format", str, "json_schema", "how to ask for JSON", choices=FORMATS),
        Setting("cache_dir", str, ".harness-cache/llm", "where answers are cached by request hash"),
        Setting("cache", bool, True, "false to send every request even when an answer is cached"),
        Setting("categories", list, None, "the categories to ask for (default: all four)"),
    )

    def __init__(self, name: str | None = None, settings: Mapping[str, Any] | None = None):
        super().__init__(name, settings)
        self.categories = categories_setting(self.name, self.settings.get("categories"))
        self.base_url = str(self.settings["base_url"]).rstrip("/")
        self._format = self.settings["response_format"]  # may step down after a 400
        # the answers kept under cache_dir; a run with --no-cache switches this off (see without_own_cache)
        self.use_cache = bool(self.settings["cache"])

    @classmethod
    def readiness(cls, settings: Mapping[str, Any]) -> tuple[str, str, str | None]:
        import importlib.util

        if importlib.util.find_spec("httpx") is None:
            return "missing-dependency", "needs httpx.", "pip install 'httpx>=0.27'"
        missing = [key for key in ("base_url", "model") if not settings.get(key)]
        if missing:
            return "unconfigured", (f"set {' and '.join(missing)} under [tool.harness.adapters.llm] "
                                    '(e.g. base_url = "http://127.0.0.1:8000/v1", model = "...")'), None
        return "ready", f"{settings['model']} at {settings['base_url']}", None

    @property
    def model(self) -> str:
        return f"{self.settings['model']}@{self.base_url}"

    # --- the request ---

    def _messages(self, document: Document) -> list[dict]:
        from ..ontology import EVENT_TYPES

        fields = ",".join(FIELD_HINTS[c] for c in self.categories)
        system = INSTRUCTION.format(doc_id=document.id, fields=fields, event_types=", ".join(EVENT_TYPES))
        return [{"role": "system", "content": system},
                {"role": "user", "content": f"Article (id {document.id}):\n\n{document.text}"}]

    def _body(self, document: Document, response_format: str) -> dict:
        body: dict[str, Any] = {
            "model": self.settings["model"],
            "messages": self._messages(document),
            "temperature": self.settings["temperature"],
            "max_tokens": self.settings["max_tokens"],
        }
        if response_format == "json_schema":
            body["response_format"] = {"type": "json_schema", "json_schema": {
                "name": "predictions", "schema": _schema_for(self.categories), "strict": False}}
        elif response_format == "json_object":
            body["response_format"] = {"type": "json_object"}
        return body

    def _cache_path(self, document: Document) -> Path:
        # keyed by what decides the answer: endpoint, model, prompt and sampling settings
        key = fingerprint_of(self.base_url, self._body(document, "none"), self.version)
        return Path(self.settings["cache_dir"]) / f"{key}.json"

    def _api_key(self) -> str | None:
        return os.environ.get(self.settings["api_key_env"] or "") or None

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        key = self._api_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        return headers

    def _redact(self, text: str | None) -> str | None:
        """``text`` without the API key: a server may echo it in an error body, which the reports keep."""
        key = self._api_key()
        return text.replace(key, REDACTED) if text and key else text

    def extract(self, document: Document) -> dict:
        try:
            return self._extract(document)
        except ExtractionError as exc:
            raise ExtractionError(exc.kind, self._redact(exc.message) or "", raw=self._redact(exc.raw),
                                  stderr_tail=exc.stderr_tail, pointer=exc.pointer) from None

    def _extract(self, document: Document) -> dict:
        cache_path = self._cache_path(document)
        if self.use_cache and cache_path.is_file():
            try:
                cached = parse_json(cache_path.read_text(encoding="utf-8"), str(cache_path))
                return self._finish(self._parse(cached["content"], cached.get("finish_reason")), document)
            except (OSError, ValueError, KeyError, TypeError, ExtractionError, InputError):
                pass  # a damaged cache entry is asked for again
        content, finish_reason = self._complete(document)
        record = self._parse(content, finish_reason)
        if self.use_cache:
            from ..files import write_json_atomic

            try:
                write_json_atomic(cache_path, {"content": content, "finish_reason": finish_reason,
                                               "model": self.settings["model"]})
            except OSError:
                pass  # no cache only costs a request next time
        return self._finish(record, document)

    def _complete(self, document: Document) -> tuple[str, str | None]:
        """The answer's text and finish reason, stepping down the response format on a 400."""
        import httpx

        url = f"{self.base_url}/chat/completions"
        # no kept-alive connections: each request opens its own, which its deadline can cut
        with httpx.Client(headers=self._headers(), limits=httpx.Limits(max_keepalive_connections=0)) as client:
            while True:
                response_format = self._format
                answer = self._post(client, url, self._body(document, response_format))
                if answer.status == 400 and response_format != "none":
                    # the server does not take this response_format: ask more simply
                    self._format = FORMATS[FORMATS.index(response_format) + 1]
                    continue
                return self._answer(answer)

    def _post(self, client: Any, url: str, body: dict) -> "Answer":
        import httpx

        retries = int(self.settings["max_retries"])
        backoff = float(self.settings["backoff"])
        cap = float(self.settings["max_retry_wait"])
        last = ""
        for attempt in range(retries + 1):
            wait = backoff * (2 ** attempt)
            try:
                answer = fetch(client, url, body, timeout=float(self.settings["timeout"]),
                               max_bytes=self._max_response_bytes())
            except httpx.TimeoutException:
                last = f"no answer within {self.settings['timeout']} s"
                kind = "timeout"
            except httpx.TransportError as exc:
                last = f"connection failed: {type(exc).__name__}: {exc}"
                kind = "connection"
            else:
                if answer.status != 429 and answer.status < 500:
                    return answer
                kind = "http"
                last = f"HTTP {answer.status}: {answer.text[:300]}"
                wait = max(wait, retry_after(answer.headers.get("retry-after")))
                if attempt == retries:
                    raise ExtractionError("http", f"{url} answered {last} after {retries + 1} attempt(s). "
                                          "Check the server, or raise max_retries.", raw=answer.text)
            if attempt < retries:
                time.sleep(min(wait, cap))  # neither a server's Retry-After nor the backoff waits longer
        raise ExtractionError(kind, f"{url}: {last} after {retries + 1} attempt(s). "
                              "Check the server is up, or raise timeout / max_retries.")

    def _max_response_bytes(self) -> int:
        configured = self.settings.get("max_response_bytes")
        return Limits.max_bytes if configured is None else int(configured)

    def _answer(self, answer: "Answer") -> tuple[str, str | None]:
        if answer.status != 200:
            raise ExtractionError("http", f"the server answered HTTP {answer.status}. "
                                  "Check base_url, model and the API key.", raw=answer.text)
        try:
            body = parse_json(answer.text, "the answer")
            choice = body["choices"][0]
            content = choice["message"]["content"]
        except (InputError, KeyError, IndexError, TypeError):
            raise ExtractionError("invalid-response", "the answer is not a Chat Completions JSON body "
                                  f"(content-type {answer.headers.get('content-type')!r}). "
                                  "Check base_url points at the API root, e.g. .../v1.", raw=answer.text) from None
        if not isinstance(content, str):
            raise ExtractionError("invalid-response", "the answer has no text content.", raw=answer.text)
        return content, choice.get("finish_reason")

    @staticmethod
    def _parse(content: str, finish_reason: str | None) -> dict:
        text = json_text(content)
        try:
            record = parse_json(text, "the model's answer")
        except InputError as exc:
            if finish_reason == "length":
                raise ExtractionError("truncated", "the model ran out of tokens before the JSON ended. "
                                      "Raise max_tokens.", raw=content) from None
            raise ExtractionError("invalid-json", f"{exc}", raw=content) from None
        if not isinstance(record, dict):
            raise ExtractionError("invalid-json", f"the model answered a JSON {type(record).__name__}, "
                                  "not an object.", raw=content)
        return record

    def _finish(self, record: dict, document: Document) -> dict:
        # the model does not decide which document this is, nor which categories were asked for
        out = {key: record[key] for key in self.categories if key in record}
        out["doc_id"] = document.id
        out["adapter"] = self.name
        for key in self.categories:
            out.setdefault(key, [])
        return out
