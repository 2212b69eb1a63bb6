"""Requests to one HTTP API, many at once, from any thread: the ``llm`` adapter's client.

One event loop runs in a daemon thread of its own, with one shared
``httpx.AsyncClient`` on it (building a client and its TLS context per
document costs far more CPU than the request). Callers in any thread hand it
coroutines (``run``); so a thread pool running several batches still shares
one connection pool, one ``max_connections`` and one rate limit.

Each request waits for a connection slot and the rate limiters, then has
``timeout`` seconds from connecting to the last byte (``fetch_async``).
429 and 5xx answers, timeouts and dropped connections are retried with
exponential backoff and full jitter (so a crowd of requests that failed
together does not come back together), waiting at least what
``Retry-After`` asks and never more than ``max_retry_wait``. ``deadline``
bounds a request with all its retries and waits.
"""

from __future__ import annotations

import asyncio
import os
import random
import threading
import weakref
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Mapping, TypeVar

from .base import ExtractionError
from .http_body import Answer, fetch_async
from .ratelimit import RateLimiter

T = TypeVar("T")


@dataclass(frozen=True)
class ClientSettings:
    """How the client talks to the server (the ``llm`` settings of the same names)."""

    timeout: float = 120.0
    max_retries: int = 3
    backoff: float = 1.0
    max_retry_wait: float = 30.0
    max_bytes: int = 64 * 1024 * 1024
    max_connections: int = 8
    requests_per_minute: float | None = None
    tokens_per_minute: float | None = None
    deadline: float | None = None


@dataclass(frozen=True)
class Posted:
    """A request's final answer and how many attempts it took (each one a request the server saw)."""

    answer: Answer
    attempts: int


class _LoopThread:
    """An event loop running for ever in a daemon thread, stopped when its owner is collected.

    Stopping cancels whatever still runs on the loop and lets it unwind before
    the loop closes: a task left pending on a closed loop makes asyncio print
    "Task was destroyed but it is pending!" when it is collected (after a
    Ctrl-C, say, at interpreter exit).
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="harness-llm-requests", daemon=True)
        self.thread.start()

    def run(self, coroutine: Awaitable[T]) -> T:
        future = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        try:
            return future.result()
        except BaseException:
            future.cancel()  # the caller was interrupted (Ctrl-C): nobody waits for these requests any more
            raise

    async def _wind_down(self, client: Any) -> None:
        here = asyncio.current_task()
        pending = [task for task in asyncio.all_tasks() if task is not here]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        if client is not None:
            try:
                await client.aclose()
            except Exception:
                pass  # a client that cannot close cleanly is dropped with its loop
        await self.loop.shutdown_asyncgens()

    def stop(self, client: Any) -> None:
        if self.loop.is_closed():
            return
        if self.thread.is_alive():
            try:
                asyncio.run_coroutine_threadsafe(self._wind_down(client), self.loop).result(timeout=5)
            except Exception:
                pass  # what did not unwind in time goes with the loop
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=5)
        if not self.thread.is_alive():
            self.loop.close()


def retry_after(value: str | None) -> float:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date); 0 when unusable."""
    import math

    if not value:
        return 0.0
    try:
        seconds = float(value)
    except ValueError:
        import datetime
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return 0.0
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.timezone.utc)
        seconds = (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
    return seconds if math.isfinite(seconds) and seconds > 0 else 0.0


class ApiClient:
    """Concurrent JSON POSTs to one server, with retries, pacing and deadlines (see the module docstring).

    Built lazily on first use and never pickled, so an extractor holding
    one can still be sent to a worker process, which builds its own.
    """

    def __init__(self, settings: ClientSettings, headers: Mapping[str, str]):
        self.settings = settings
        self.headers = dict(headers)
        self._started = threading.Lock()
        self._loop: _LoopThread | None = None
        self._client: Any = None
        self._pid = os.getpid()
        self._slots: asyncio.Semaphore | None = None
        self.requests = RateLimiter(settings.requests_per_minute) if settings.requests_per_minute else None
        self.tokens = RateLimiter(settings.tokens_per_minute) if settings.tokens_per_minute else None

    def run(self, coroutine: Awaitable[T]) -> T:
        """Run ``coroutine`` on the client's loop and wait for its result (from any thread but the loop's)."""
        return self._start().run(coroutine)

    def _start(self) -> _LoopThread:
        with self._started:
            if self._pid != os.getpid():  # a forked worker inherited a loop whose thread stayed behind
                self._loop = self._client = self._slots = None
                self._pid = os.getpid()
            if self._loop is None:
                import httpx

                loop = _LoopThread()
                limits = httpx.Limits(max_connections=self.settings.max_connections,
                                      max_keepalive_connections=self.settings.max_connections)

                async def build() -> tuple[Any, asyncio.Semaphore]:
                    return (httpx.AsyncClient(headers=self.headers, limits=limits, timeout=self.settings.timeout),
                            asyncio.Semaphore(self.settings.max_connections))

                self._client, self._slots = loop.run(build())
                self._loop = loop
                weakref.finalize(self, loop.stop, self._client)
        return self._loop

    @property
    def http(self) -> Any:
        """The shared ``httpx.AsyncClient`` (for coroutines handed to ``run``, which starts it)."""
        return self._client

    def close(self) -> None:
        with self._started:
            if self._loop is not None:
                self._loop.stop(self._client)
                self._loop = self._client = self._slots = None

    async def post(self, url: str, body: dict, *, tokens: float = 0.0, admit: Callable[[], Any] | None = None) -> Posted:
        """POST ``body`` to ``url`` until a final answer (anything but 429 or 5xx), retrying as set.

        ``tokens`` is the request's estimated size for ``tokens_per_minute``.
        ``admit`` is called once the request has a connection slot, before it
        is first sent; an ``ExtractionError`` from it stops the request unsent
        (the budget: it is judged with what the requests before it cost).
        Raises ``ExtractionError`` (kind ``http``, ``timeout``, ``connection``,
        ``response-too-large`` ...) when no final answer came.
        """
        if self.settings.deadline is None:
            return await self._attempts(url, body, tokens, admit)
        try:
            return await asyncio.wait_for(self._attempts(url, body, tokens, admit), self.settings.deadline)
        except asyncio.TimeoutError:
            raise ExtractionError("timeout", f"{url}: no answer within the deadline of {self.settings.deadline:g} s "
                                  "(retries included). Raise deadline, or check the server.") from None

    async def _attempts(self, url: str, body: dict, tokens: float, admit: Callable[[], Any] | None) -> Posted:
        import httpx

        settings = self.settings
        retries = settings.max_retries
        last, kind = "", "connection"
        for attempt in range(retries + 1):
            wait = random.uniform(0, settings.backoff * (2 ** attempt))  # full jitter
            if self.requests is not None:
                await self.requests.acquire(1)
            if self.tokens is not None and tokens:
                await self.tokens.acquire(tokens)
            try:
                assert self._slots is not None
                async with self._slots:  # the deadline starts once the request has a connection slot
                    if admit is not None and attempt == 0:
                        admit()
                    answer = await fetch_async(self._client, url, body, timeout=settings.timeout,
                                               max_bytes=settings.max_bytes)
            except httpx.TimeoutException:
                last, kind = f"no answer within {settings.timeout:g} s", "timeout"
            except httpx.TransportError as exc:
                last, kind = f"connection failed: {type(exc).__name__}: {exc}", "connection"
            except ExtractionError as exc:
                exc.attempts = attempt + 1  # type: ignore[attr-defined]
                raise
            else:
                if answer.status != 429 and answer.status < 500:
                    return Posted(answer, attempt + 1)
                kind, last = "http", f"HTTP {answer.status}: {answer.text[:300]}"
                wait = max(wait, retry_after(answer.headers.get("retry-after")))
                if attempt == retries:
                    error = ExtractionError("http", f"{url} answered {last} after {retries + 1} attempt(s). "
                                            "Check the server, or raise max_retries.", raw=answer.text)
                    error.attempts = attempt + 1  # type: ignore[attr-defined]
                    raise error
            if attempt < retries:
                await asyncio.sleep(min(wait, settings.max_retry_wait))  # whatever Retry-After asks
        error = ExtractionError(kind, f"{url}: {last} after {retries + 1} attempt(s). "
                                "Check the server is up, or raise timeout / max_retries.")
        error.attempts = retries + 1  # type: ignore[attr-defined]
        raise error
