"""One HTTP request with a deadline for the whole of it and a cap on the body once decompressed.

httpx times each read on its own, so a server sending one byte a second
holds a request for ever. Here the request's time runs from connecting to
the last byte: ``fetch_async`` (on a shared ``httpx.AsyncClient``) cancels
the request at its deadline, which closes its connection. The body is read
raw and decompressed
here, a bounded piece at a time, so a small gzip of a huge body is refused
at the cap instead of being inflated into memory.
"""

from __future__ import annotations

import asyncio
import zlib
from dataclasses import dataclass
from typing import Any, Mapping

from .base import ExtractionError

ACCEPT_ENCODING = "gzip, deflate"  # what ``BoundedBody`` can decompress


@dataclass(frozen=True)
class Answer:
    """A server's whole answer: status, headers and the decompressed body."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class BoundedBody:
    """The body, decompressed as it arrives, refused once it passes ``limit`` bytes."""

    def __init__(self, encoding: str | None, limit: int):
        name = (encoding or "identity").strip().lower()
        if name in ("", "identity"):
            self._inflate = None
        elif name in ("gzip", "x-gzip", "deflate"):
            self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 32)  # a gzip or zlib header, found by itself
        else:
            raise ExtractionError("invalid-response", f"the answer is encoded as {name!r}, which the harness "
                                  f"cannot read; it asks for {ACCEPT_ENCODING}. Check the server or proxy.")
        self.limit = limit
        self.data = bytearray()

    def feed(self, chunk: bytes) -> None:
        if self._inflate is None:
            self._add(chunk)
            return
        try:
            while chunk:
                self._add(self._inflate.decompress(chunk, self.limit - len(self.data) + 1))
                chunk = self._inflate.unconsumed_tail
        except zlib.error as exc:
            raise ExtractionError("invalid-response", f"the answer's compressed body is damaged ({exc}).",
                                  raw=bytes(self.data[:4000]).decode("utf-8", "replace")) from None

    def _add(self, piece: bytes) -> None:
        self.data += piece
        if len(self.data) > self.limit:
            raise ExtractionError("response-too-large", f"the answer is over the limit of {self.limit:,} bytes "
                                  "(decompressed), and was not read further. Lower max_tokens, or raise "
                                  "max_response_bytes.")


async def fetch_async(client: Any, url: str, body: dict, *, timeout: float, max_bytes: int,
                      headers: Mapping[str, str] | None = None) -> Answer:
    """POST ``body`` as JSON to ``url`` on an ``httpx.AsyncClient`` and read the whole answer within
    ``timeout`` seconds, from connecting to the last byte.

    Raises ``httpx.ReadTimeout`` when time runs out, other
    ``httpx.TransportError``s as httpx does, and ``ExtractionError`` for a
    body over ``max_bytes`` or one that cannot be decompressed. Cancelling
    the request at its deadline closes its connection, so a server that
    trickles its answer holds nothing afterwards."""
    import httpx

    async def whole() -> Answer:
        async with client.stream("POST", url, json=body, timeout=httpx.Timeout(timeout),
                                 headers={**(headers or {}), "Accept-Encoding": ACCEPT_ENCODING}) as response:
            collected = BoundedBody(response.headers.get("content-encoding"), max_bytes)
            async for chunk in response.aiter_raw():
                collected.feed(chunk)
            return Answer(response.status_code, response.headers, bytes(collected.data))

    try:
        return await asyncio.wait_for(whole(), timeout)
    except asyncio.TimeoutError:
        raise httpx.ReadTimeout(f"no whole answer within {timeout:g} s") from None
