"""What extracting a document cost: requests, tokens and (when prices are set) money.

An adapter that pays per token (``llm``) attaches a ``Usage`` to each
document's result (``Extracted``, or an ``ExtractionError``'s ``usage``), so
it travels with the document through worker processes and Ray tasks and is
summed per adapter in the driver. A document served from a cache made no
request in this run and costs nothing. Counts are kept; rates (cost per
document, documents per second) are derived in ``usage_summary``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

__all__ = ["Extracted", "Prices", "Usage", "usage_from_response", "usage_summary"]


@dataclass(frozen=True)
class Prices:
    """Money per million tokens, input and output (the currency is whatever the user priced in)."""

    input: float = 0.0
    output: float = 0.0

    def cost(self, input_tokens: int, output_tokens: int) -> float:
        return (input_tokens * self.input + output_tokens * self.output) / 1_000_000


@dataclass(frozen=True)
class Usage:
    """Requests sent and tokens counted by the server for one document (or a sum of them).

    ``cost`` is None when the adapter has no prices; a sum with any priced
    part is priced (an unpriced part counts as 0).
    """

    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost: float | None = None

    def __add__(self, other: "Usage") -> "Usage":
        cost = None if self.cost is None and other.cost is None else (self.cost or 0.0) + (other.cost or 0.0)
        return Usage(self.requests + other.requests, self.input_tokens + other.input_tokens,
                     self.output_tokens + other.output_tokens, cost)

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens

    def priced(self, prices: Prices | None) -> "Usage":
        """This usage with its cost from ``prices`` (unchanged without prices)."""
        if prices is None:
            return self
        return Usage(self.requests, self.input_tokens, self.output_tokens,
                     prices.cost(self.input_tokens, self.output_tokens))

    def to_dict(self) -> dict:
        return {"requests": self.requests, "input_tokens": self.input_tokens,
                "output_tokens": self.output_tokens, "cost": self.cost}


@dataclass(frozen=True)
class Extracted:
    """An extractor's output for one document together with what it cost (see ``harness.adapters.runner``).

    ``seconds`` is the document's own time when a batch works on several
    documents at once (concurrent requests); without it each document of a
    batch is given an equal share of the batch's time.
    """

    output: Any  # Predictions | dict
    usage: Usage | None = None
    seconds: float | None = None


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def usage_from_response(body: Any) -> Usage:
    """One request's usage from a Chat Completions body's ``usage`` (zero tokens when it has none)."""
    found = body.get("usage") if isinstance(body, Mapping) else None
    if not isinstance(found, Mapping):
        return Usage(1)
    return Usage(1, _count(found.get("prompt_tokens")), _count(found.get("completion_tokens")))


def usage_summary(documents: Iterable[Any]) -> dict | None:
    """An adapter's usage and cost over its documents (``DocumentRun``s), None when none reported any.

    Cached documents made no request in this run and cost nothing in it; they
    are counted apart. ``cost.per_document`` is over the documents that sent
    requests in this run: one answered from the adapter's own response cache
    (a resumed run) or not sent (over ``max_cost``) would otherwise make a
    document look cheaper than it is, and a per-document gate pass by luck.
    """
    documents = list(documents)
    reported = [d for d in documents if getattr(d, "usage", None) is not None]
    if not reported:
        return None
    total = sum((d.usage for d in reported), Usage())
    charged = sum(1 for d in reported if d.usage.requests)
    cost = None
    if total.cost is not None:
        cost = {"total": round(total.cost, 9),
                "per_document": round(total.cost / charged, 9) if charged else 0.0}
    return {"requests": total.requests, "input_tokens": total.input_tokens, "output_tokens": total.output_tokens,
            "documents_charged": charged,
            "cached_documents": sum(1 for d in documents if d.cached),
            # answered with no request: the adapter's own response cache
            "adapter_cache_answers": sum(1 for d in reported if not d.usage.requests and not d.cached
                                         and d.error is None),
            "cost": cost, "documents": {d.doc_id: d.usage.to_dict() for d in reported}}
