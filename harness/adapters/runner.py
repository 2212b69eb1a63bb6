"""Running an extractor on one document: output checked, faults captured, time measured.

``run_extractor`` never raises for anything the adapter does wrong. An
exception inside ``extract``, output that fails the predictions schema,
offsets outside the text, or predictions for another document all become
the outcome's ``error`` record, so one bad document or one crashing adapter
never ends a run.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass
from typing import Any, Sequence

from ..model import Document
from ..predictions import (Predictions, prediction_problems, predictions_from_dict, predictions_to_dict,
                           structure_problems)
from ..surrogates import escape_surrogates
from ..usage import Extracted, Usage
from .base import ExtractionError

__all__ = ["ExtractionOutcome", "RAW_LIMIT", "run_extractor", "run_extractor_batch", "truncate", "without_own_cache"]

# how much of an unusable raw output is kept in the error record
RAW_LIMIT = 4000


@dataclass(frozen=True)
class ExtractionOutcome:
    """One adapter on one document: the predictions, or the error record, and the time taken.

    The error is a JSON-ready dict with ``adapter``, ``doc_id``, ``kind``,
    ``message`` and, when known, ``pointer`` (JSON pointer into the output),
    ``raw`` (the unusable output, truncated), ``stderr_tail``, ``problems``
    and ``traceback``.
    """

    doc_id: str
    predictions: Predictions | None
    error: dict | None
    seconds: float
    usage: Usage | None = None  # what the document cost, when the adapter pays per request

    @property
    def ok(self) -> bool:
        return self.error is None


def truncate(text: str | None, limit: int = RAW_LIMIT) -> str | None:
    """``text`` cut to ``limit`` characters, saying how much was cut."""
    if text is None or len(text) <= limit:
        return text
    return text[:limit] + f"... [{len(text) - limit} more characters]"


def _adapter_name(extractor: Any) -> str:
    return str(getattr(extractor, "name", type(extractor).__name__))


def _error(extractor: Any, document: Document, kind: str, message: str, **extra: Any) -> dict:
    # the record is printed and written to the reports: a lone surrogate from the adapter's
    # output or message is kept as its escape, which every writer can encode
    record = {"adapter": _adapter_name(extractor), "doc_id": document.id, "kind": kind,
              "message": escape_surrogates(message)}
    record.update({k: escape_surrogates(v) if isinstance(v, str) else v for k, v in extra.items() if v is not None})
    return record


def check_output(extractor: Any, document: Document, output: Any) -> tuple[Predictions | None, dict | None]:
    """Validate what ``extract`` returned for ``document``: (predictions, None) or (None, error)."""
    name = _adapter_name(extractor)
    # typed Predictions were built by Python code, not parsed: their shape is checked quickly;
    # a dict is foreign output (a program's, a service's JSON) and meets the full schema
    check = structure_problems if isinstance(output, Predictions) else prediction_problems
    if isinstance(output, Predictions):
        raw = predictions_to_dict(output)
    elif isinstance(output, dict):
        raw = output
    else:
        return None, _error(extractor, document, "invalid-output",
                            f"extract() returned {type(output).__name__}, not Predictions or a dict.",
                            raw=truncate(repr(output)))
    problems = check(raw, f"{name} output for {document.id}", text_length=len(document.text))
    if problems:
        first = problems[0]
        return None, _error(extractor, document, "invalid-output",
                            f"the output fails the predictions schema at {first.pointer or '/'}: {first.message}"
                            + (f" ({len(problems) - 1} more problem(s))" if len(problems) > 1 else ""),
                            pointer=first.pointer,
                            problems=[p.to_dict() for p in problems[:20]],
                            raw=_raw_json(raw))
    if raw["doc_id"] != document.id:
        return None, _error(extractor, document, "doc-id-mismatch",
                            f"the output is for document {raw['doc_id']!r}, not {document.id!r}.",
                            pointer="/doc_id")
    predictions = output if isinstance(output, Predictions) else predictions_from_dict(raw)
    return predictions, None


def _raw_json(raw: Any) -> str | None:
    import json

    try:
        return truncate(json.dumps(raw, ensure_ascii=False, default=repr))
    except (TypeError, ValueError):
        return truncate(repr(raw))


def _fault(extractor: Any, document: Document, exc: Exception) -> dict:
    if isinstance(exc, ExtractionError):
        return _error(extractor, document, exc.kind, exc.message, pointer=exc.pointer,
                      raw=truncate(exc.raw), stderr_tail=exc.stderr_tail)
    return _error(extractor, document, "exception", f"{type(exc).__name__}: {exc}",
                  exception=type(exc).__name__,
                  traceback="".join(traceback.format_exception(exc)[-8:]))


def run_extractor(extractor: Any, document: Document) -> ExtractionOutcome:
    """Run ``extractor`` on ``document`` and check its output; never raises for adapter faults."""
    started = time.perf_counter()
    usage = None
    try:
        output, usage = _unwrap(extractor.extract(document))
        predictions, error = check_output(extractor, document, output)
    except Exception as exc:  # the adapter's fault, recorded for this document only
        predictions, error = None, _fault(extractor, document, exc)
        usage = usage or _usage_of(exc)
    return ExtractionOutcome(document.id, predictions, error, time.perf_counter() - started, usage)


def _unwrap(output: Any) -> tuple[Any, Usage | None]:
    """The output itself and what it cost (``Extracted`` carries both)."""
    if isinstance(output, Extracted):
        return output.output, output.usage
    return output, None


def _seconds_of(output: Any, share: float) -> float:
    """A batch element's own time (``Extracted.seconds``, or an exception's ``seconds``), else ``share``."""
    seconds = getattr(output, "seconds", None)
    return float(seconds) if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) and seconds >= 0 \
        else share


def _usage_of(exc: BaseException) -> Usage | None:
    # a failed document may still have cost tokens (an answer that was not JSON)
    usage = getattr(exc, "usage", None)
    return usage if isinstance(usage, Usage) else None


def run_extractor_batch(extractor: Any, documents: Sequence[Document]) -> list[ExtractionOutcome]:
    """Like ``run_extractor`` over ``documents`` through ``extract_batch``.

    An element of the batch's result that is an exception (an
    ``ExtractionError`` say) is that document's fault alone. If the batch call
    itself fails or returns the wrong number of results, each document is run
    alone, so one bad document costs only itself.
    """
    documents = list(documents)
    started = time.perf_counter()
    try:
        outputs = list(extractor.extract_batch(documents))
    except Exception:
        outputs = None
    if outputs is None or len(outputs) != len(documents):
        return [run_extractor(extractor, document) for document in documents]
    share = (time.perf_counter() - started) / max(1, len(documents))
    outcomes = []
    for document, output in zip(documents, outputs):
        if isinstance(output, Exception):  # the batch's way of saying this one document failed
            outcomes.append(ExtractionOutcome(document.id, None, _fault(extractor, document, output),
                                              _seconds_of(output, share), _usage_of(output)))
            continue
        seconds = _seconds_of(output, share)
        output, usage = _unwrap(output)
        try:
            predictions, error = check_output(extractor, document, output)
        except Exception as exc:
            predictions, error = None, _fault(extractor, document, exc)
        outcomes.append(ExtractionOutcome(document.id, predictions, error, seconds, usage))
    return outcomes


def without_own_cache(factory: Any) -> Any:
    """The extractor ``factory`` builds, with its own cache (if it keeps one) switched off.

    An adapter that caches by itself (``llm`` keeps its answers) says so with
    a ``use_cache`` attribute; a run with ``--no-cache`` touches no cache, so
    it sets that to False. Module-level, so a process pool can pickle it.
    """
    extractor = factory()
    if hasattr(extractor, "use_cache"):
        extractor.use_cache = False
    return extractor
