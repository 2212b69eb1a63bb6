"""``llm``: any OpenAI-compatible Chat Completions endpoint (OpenAI, vLLM, Ollama, llama.cpp server).

The article goes to ``{base_url}/chat/completions`` with an instruction to
answer with one predictions record as JSON. A run hands the adapter
``batch_size`` documents at a time and their requests go out concurrently,
at most ``max_connections`` at once over one shared connection pool
(``harness.adapters.llm_client``), paced by ``requests_per_minute`` and
``tokens_per_minute`` when set. The answer format is asked for
with ``response_format`` as a JSON Schema; a server that rejects that (HTTP
400) is asked again with ``json_object``, then with the plain instruction
alone, and the adapter remembers what worked. 429 and 5xx answers, timeouts
and dropped connections are retried with exponential backoff (honouring
``Retry-After``, never waiting more than ``max_retry_wait``, with jitter).
Each request has ``timeout`` seconds in all, from connecting to the last
byte (``deadline``, when set, bounds it with all its retries), and a body
over ``max_response_bytes`` once decompressed is refused while it streams
(``harness.adapters.http_body``). A successful answer is cached on disk under
the sha256 of the request, so a second run makes no request at all; a run
with ``--no-cache`` neither reads nor writes that cache.

Output that is not JSON, or JSON cut off because the model ran out of
tokens, is an error for that document with the raw text kept; JSON wrapped
in prose and a code fence is found and read. The API key is removed from
every error kept, in case the server echoes it.

Each document's result carries its usage (requests and the tokens the
server counted; its cost with ``price_per_million_input`` / ``_output``),
so it is summed wherever the document was extracted. With ``max_cost`` the
adapter sends no request whose projected cost (spent, plus what requests in
flight may still cost, plus this one at ``max_tokens``) would pass it: those
documents are errors of kind ``budget``. The budget is the run's, whatever the
executor: worker processes and Ray workers share the driver's
(``harness.adapters.llm_budget``). ``batch = true`` sends the whole
batch through the server's batch endpoint instead (``harness.adapters.llm_batch``).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import os
import re
import time
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from ..errors import InputError
from ..files import Limits, parse_json
from ..model import Document
from ..usage import Extracted, Prices, Usage, usage_from_response
from .base import BaseExtractor, ExtractionError, categories_setting, fingerprint_of
from .http_body import Answer
from .llm_client import ApiClient, ClientSettings, retry_after
from .settings import Setting

FORMATS = ("json_schema", "json_object", "none")
RETRY_AFTER_CAP = 30.0
BATCH_API_SIZE = 500  # documents per submitted batch unless batch_size says otherwise
CHARS_PER_TOKEN = 4  # for estimates before the server counts: rate limits and the budget
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
    io_bound = True  # it waits on a service: --jobs auto runs it in threads, sharing its connection pool
    SETTINGS = (
        Setting("base_url", str, None, 'the API root, e.g. "http://127.0.0.1:8000/v1"'),
        Setting("model", str, None, "the model name the server knows"),
        Setting("api_key_env", str, "OPENAI_API_KEY", "the environment variable holding the API key (unset: no key sent)"),
        Setting("timeout", (int, float), 120.0, "seconds one request may take, from connecting to the last byte",
                minimum=0.001),
        Setting("deadline", (int, float), None, "seconds one document's request may take with all its retries "
                "and waits (default: no bound beyond timeout and max_retries)", minimum=0.001),
        Setting("max_retries", int, 3, "retries after a 429, a 5xx, a timeout or a dropped connection", minimum=0),
        Setting("backoff", (int, float), 1.0, "seconds before the first retry (at most; jittered); doubled each time",
                minimum=0),
        Setting("max_retry_wait", (int, float), RETRY_AFTER_CAP,
                "longest wait before a retry, in seconds, whatever Retry-After asks", minimum=0),
        Setting("max_connections", int, 8, "requests in flight at once", minimum=1),
        Setting("batch_size", int, None, "documents a run hands the adapter at once (default: 4 x max_connections; "
                f"{BATCH_API_SIZE} with batch = true)",
                minimum=1),
        Setting("requests_per_minute", (int, float), None, "pace requests to at most this many a minute", minimum=0.001),
        Setting("tokens_per_minute", (int, float), None,
                "pace requests to at most this many tokens a minute (estimated: prompt + max_tokens)", minimum=1),
        Setting("max_response_bytes", int, None,
                "largest answer body accepted once decompressed (default: [tool.harness.limits] max_bytes)",
                minimum=1),
        Setting("temperature", (int, float), 0.0, "sampling temperature", minimum=0),
        Setting("max_tokens", int, 4096, "largest answer, in tokens", minimum=1),
        Setting("response_format", str, "json_schema", "how to ask for JSON", choices=FORMATS),
        Setting("price_per_million_input", (int, float), None, "price of a million input (prompt) tokens", minimum=0),
        Setting("price_per_million_output", (int, float), None, "price of a million output tokens", minimum=0),
        Setting("max_cost", (int, float), None, "send no request once the projected cost would pass this "
                "(needs the prices)", minimum=0),
        Setting("batch", bool, False, "send each batch through the server's /batches endpoint and poll it"),
        Setting("batch_poll_seconds", (int, float), 5.0, "seconds between polls of a submitted batch", minimum=0.01),
        Setting("batch_wait_seconds", (int, float), 86400.0, "longest wait for a submitted batch to finish",
                minimum=0.01),
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
        self.prices = self._prices()
        self.max_cost = self.settings.get("max_cost")
        if self.max_cost is not None and self.prices is None:
            from ..errors import ConfigError

            raise ConfigError(f"adapter {self.name!r}: max_cost = {self.max_cost!r} needs prices to project a cost. "
                              "Set price_per_million_input and price_per_million_output too.")
        # the run's budget: this extractor's own, or the driver's when this one is a worker's (join_shared)
        self.budget: Any = None
        if self.max_cost is not None:
            from .llm_budget import Budget

            self.budget = Budget(float(self.max_cost))
        self._client: ApiClient | None = None
        self._schema: dict | None = None  # the response format's schema, built once
        # documents to ask again past the response cache (`harness run --retry-errors`); "*" means all
        self.ask_again: frozenset[str] = frozenset()

    def _prices(self) -> Prices | None:
        given = (self.settings.get("price_per_million_input"), self.settings.get("price_per_million_output"))
        if given == (None, None):
            return None
        return Prices(float(given[0] or 0.0), float(given[1] or 0.0))

    @property
    def batch_size(self) -> int:
        configured = self.settings.get("batch_size")
        if configured:
            return int(configured)
        # one submitted batch holds many documents; concurrent requests want a few rounds of connections
        return BATCH_API_SIZE if self.settings["batch"] else 4 * int(self.settings["max_connections"])

    @property
    def fingerprint(self) -> str:
        # what decides the answers; pacing, prices and the budget do not (so they keep the cache)
        ignored = {"max_connections", "batch_size", "requests_per_minute", "tokens_per_minute", "deadline",
                   "price_per_million_input", "price_per_million_output", "max_cost", "batch",
                   "batch_poll_seconds", "batch_wait_seconds"}
        return fingerprint_of(type(self).__module__, type(self).__qualname__, self.version, self.model,
                              {k: v for k, v in self.settings.items() if k not in ignored})

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_client"] = None  # a worker builds its own loop and connections
        return state

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

    @property
    def client(self) -> ApiClient:
        if self._client is None:
            self._client = ApiClient(ClientSettings(
                timeout=float(self.settings["timeout"]), max_retries=int(self.settings["max_retries"]),
                backoff=float(self.settings["backoff"]), max_retry_wait=float(self.settings["max_retry_wait"]),
                max_bytes=self._max_response_bytes(), max_connections=int(self.settings["max_connections"]),
                requests_per_minute=self.settings.get("requests_per_minute"),
                tokens_per_minute=self.settings.get("tokens_per_minute"),
                deadline=self.settings.get("deadline")), self._headers())
        return self._client

    def close(self) -> None:
        """Close the connections and stop the request loop (also done when the extractor is collected)."""
        if self._client is not None:
            self._client.close()
            self._client = None

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
            if self._schema is None:
                self._schema = _schema_for(self.categories)
            body["response_format"] = {"type": "json_schema", "json_schema": {
                "name": "predictions", "schema": self._schema, "strict": False}}
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
        headers: dict[str, str] = {}  # each request sets its own Content-Type (JSON, or a batch file upload)
        key = self._api_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        return headers

    def _redact(self, text: str | None) -> str | None:
        """``text`` without the API key: a server may echo it in an error body, which the reports keep."""
        key = self._api_key()
        return text.replace(key, REDACTED) if text and key else text

    def _redacted(self, exc: ExtractionError) -> ExtractionError:
        return ExtractionError(exc.kind, self._redact(exc.message) or "", raw=self._redact(exc.raw),
                               stderr_tail=exc.stderr_tail, pointer=exc.pointer, usage=exc.usage)

    def extract(self, document: Document) -> Extracted | dict:
        found = self.extract_batch([document])[0]
        if isinstance(found, Exception):
            raise found
        return found

    def extract_batch(self, documents: Sequence[Document]) -> list:
        """Each document's predictions (with its usage) or its ``ExtractionError``, in order;
        the requests go out concurrently, the answers come back in any order."""
        if self.settings["batch"]:
            from .llm_batch import extract_by_batch_api

            return extract_by_batch_api(self, list(documents))
        return self.client.run(self._gather(documents))

    async def _gather(self, documents: Sequence[Document]) -> list:
        return list(await asyncio.gather(*(self._one(document) for document in documents)))

    async def _one(self, document: Document) -> Any:
        started = time.perf_counter()
        try:
            found = await self._extract(document)
        except ExtractionError as exc:
            found = self._redacted(exc)
        except Exception as exc:  # a bug here is this document's fault alone; the batch goes on
            found = exc
        # the documents of a batch wait side by side: each keeps its own time, not a share of the batch's
        seconds = time.perf_counter() - started
        if isinstance(found, Extracted):
            return dataclasses.replace(found, seconds=seconds)
        found.seconds = seconds
        return found

    def free_usage(self) -> Usage:
        """The usage of a document that needed no request (served from a cache): zero, priced at 0."""
        return Usage(0, cost=None if self.prices is None else 0.0)

    def cached_answer(self, document: Document) -> dict | None:
        """The predictions from this document's cached answer, None when there is none (or it is damaged)."""
        cache_path = self._cache_path(document)
        if not (self.use_cache and cache_path.is_file()) or {"*", document.id} & self.ask_again:
            return None
        try:
            cached = parse_json(cache_path.read_text(encoding="utf-8"), str(cache_path))
            return self._finish(self._parse(cached["content"], cached.get("finish_reason")), document)
        except (OSError, ValueError, KeyError, TypeError, ExtractionError, InputError):
            return None  # a damaged cache entry is asked for again

    def keep_answer(self, document: Document, content: str, finish_reason: str | None) -> None:
        if self.use_cache:
            from ..files import write_json_atomic

            try:
                write_json_atomic(self._cache_path(document), {"content": content, "finish_reason": finish_reason,
                                                               "model": self.settings["model"]})
            except OSError:
                pass  # no cache only costs a request next time

    async def _extract(self, document: Document) -> Extracted | dict:
        cached = self.cached_answer(document)
        if cached is not None:  # no request: this document costs nothing in this run
            return Extracted(cached, self.free_usage())
        reserved: list[float] = []  # what the budget set aside for this document once it was let through
        try:
            content, finish_reason, usage = await self._complete(document, reserved)
        except ExtractionError as exc:
            if exc.kind != "budget":
                usage = Usage(getattr(exc, "attempts", 1)).priced(self.prices)
                self._settle(sum(reserved), usage)
                exc.usage = usage
            raise
        self._settle(sum(reserved), usage)
        try:
            record = self._parse(content, finish_reason)
        except ExtractionError as exc:
            exc.usage = usage  # a useless answer was still paid for
            raise
        self.keep_answer(document, content, finish_reason)
        return Extracted(self._finish(record, document), usage)

    # --- the budget: spent + in flight (at worst) + this request, never past max_cost ---

    def estimate_tokens(self, document: Document) -> tuple[int, int]:
        """(input, output) tokens a request for ``document`` may cost at most: the prompt estimated
        from its length, the answer at ``max_tokens``."""
        prompt = sum(len(message["content"]) for message in self._messages(document))
        return prompt // CHARS_PER_TOKEN + 1, int(self.settings["max_tokens"])

    def _reserve(self, document: Document, reserved: list[float]) -> None:
        """Let the request for ``document`` go, setting aside its worst cost, or refuse it (kind ``budget``)."""
        if self.budget is None or self.prices is None or reserved:
            return
        worst = self.prices.cost(*self.estimate_tokens(document))
        sent, projected, spent = self.budget.reserve(worst)
        if not sent:
            raise ExtractionError("budget", f"not sent: its projected cost would bring the run to {projected:.4f}, "
                                  f"over max_cost = {self.max_cost:g} (spent {spent:.4f}). "
                                  "Raise max_cost, or lower max_tokens.", usage=Usage(0, cost=0.0))
        reserved.append(worst)

    def _settle(self, reserved: float, usage: Usage | None) -> None:
        """A request is over: release what it set aside, count what it cost."""
        if self.budget is not None:
            self.budget.settle(reserved, (usage.cost or 0.0) if usage is not None else 0.0)

    @contextlib.contextmanager
    def share_with_workers(self, executor: str) -> Iterator[Any]:
        """What the workers of ``executor`` (each with an extractor of its own) must share with this one:
        the run's budget (``harness.run.worker_factory``). None when there is no ``max_cost``."""
        if self.budget is None:
            yield None
            return
        from .llm_budget import shared

        with shared(self.budget, executor) as budget:
            yield budget

    def join_shared(self, budget: Any) -> None:
        """Spend from the driver's budget (see ``share_with_workers``) instead of one of this worker's own."""
        if budget is not None:
            self.budget = budget

    async def _complete(self, document: Document, reserved: list[float]) -> tuple[str, str | None, Usage]:
        """The answer's text, finish reason and usage, stepping down the response format on a 400."""
        import functools

        url = f"{self.base_url}/chat/completions"
        attempts = 0
        estimate = sum(self.estimate_tokens(document))
        while True:
            response_format = self._format
            try:
                posted = await self.client.post(url, self._body(document, response_format), tokens=estimate,
                                                admit=functools.partial(self._reserve, document, reserved))
            except ExtractionError as exc:
                exc.attempts = attempts + getattr(exc, "attempts", 1)  # type: ignore[attr-defined]
                raise
            attempts += posted.attempts
            if posted.answer.status == 400 and response_format != "none":
                # the server does not take this response_format: ask more simply (requests in flight
                # may have stepped down already; never step back up)
                step = FORMATS.index(response_format) + 1
                self._format = FORMATS[max(step, FORMATS.index(self._format))]
                continue
            try:
                content, finish_reason, body = self._answer(posted.answer)
            except ExtractionError as exc:
                exc.attempts = attempts  # type: ignore[attr-defined]
                raise
            counted = usage_from_response(body)
            usage = Usage(attempts, counted.input_tokens, counted.output_tokens).priced(self.prices)
            if self.client.tokens is not None and counted.total_tokens:
                self.client.tokens.refund(estimate - counted.total_tokens)
            return content, finish_reason, usage

    def _max_response_bytes(self) -> int:
        configured = self.settings.get("max_response_bytes")
        return Limits.max_bytes if configured is None else int(configured)

    def _answer(self, answer: "Answer") -> tuple[str, str | None, dict]:
        if answer.status != 200:
            raise ExtractionError("http", f"the server answered HTTP {answer.status}. "
                                  "Check base_url, model and the API key.", raw=answer.text)
        return self.read_completion(answer.text, answer.headers.get("content-type"))

    @staticmethod
    def read_completion(text: str, content_type: str | None = None) -> tuple[str, str | None, dict]:
        """The content, finish reason and whole body of a Chat Completions answer."""
        try:
            body = parse_json(text, "the answer")
            choice = body["choices"][0]
            content = choice["message"]["content"]
        except (InputError, KeyError, IndexError, TypeError):
            raise ExtractionError("invalid-response", "the answer is not a Chat Completions JSON body "
                                  f"(content-type {content_type!r}). "
                                  "Check base_url points at the API root, e.g. .../v1.", raw=text) from None
        if not isinstance(content, str):
            raise ExtractionError("invalid-response", "the answer has no text content.", raw=text)
        return content, choice.get("finish_reason"), body

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


__all__ = ["LLMExtractor", "json_text", "retry_after"]
