"""Span records shared by the Prodigy and spaCy JSONL readers: ``text`` with labelled spans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Problem
from ..files import iter_jsonl
from .source import SourceDocument, SourceSpan


def doc_id_of(record: dict, path: Path, line: int) -> str:
    """``meta.doc_id``, ``meta.id`` or a top-level ``doc_id``/``id`` when given, else ``<file>-<line>``."""
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    for value in (meta.get("doc_id"), meta.get("id"), record.get("doc_id"), record.get("id")):
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
            return str(value)
    return f"{path.stem}-{line:04d}"


def span_of(raw: Any, where: str) -> SourceSpan | Problem:
    """A span from ``{"start", "end", "label"}`` or ``[start, end, label]``."""
    if isinstance(raw, dict):
        start, end, label, text = raw.get("start"), raw.get("end"), raw.get("label"), raw.get("text")
    elif isinstance(raw, (list, tuple)) and len(raw) == 3:
        (start, end, label), text = raw, None
    else:
        return Problem(where, "", f"{raw!r} is not a span.", value=raw,
                       fix='Write a span as {"start": 0, "end": 5, "label": "ORG"} or [0, 5, "ORG"].')
    if not isinstance(label, str) or not label:
        return Problem(where, "", f"span {raw!r} has no label.", value=raw, fix="Give every span a label.")
    return SourceSpan(start, end, label, where, text if isinstance(text, str) else None)


def read_span_records(path: Path, keys: tuple[str, ...], accept) -> tuple[list[SourceDocument], list[Problem], int]:
    """Documents from a JSONL file whose lines hold ``text`` and spans under the first of ``keys`` present.

    ``accept(record)`` says whether a line is kept; the count of lines not
    kept is returned too.
    """
    documents, problems, rejected = [], [], 0
    for line, record in iter_jsonl(path):
        where = f"{path}:{line}"
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.append(Problem(where, "", "the line has no \"text\" string.", value=type(record).__name__,
                                    fix='Each line is an object with "text" and its spans.'))
            continue
        if not accept(record):
            rejected += 1
            continue
        raw_spans = next((record[k] for k in keys if k in record), None) or []
        spans = []
        for index, raw in enumerate(raw_spans if isinstance(raw_spans, list) else [raw_spans]):
            span = span_of(raw, f"{where} span {index}")
            (problems if isinstance(span, Problem) else spans).append(span)
        documents.append(SourceDocument(doc_id_of(record, path, line), record["text"], where, tuple(spans)))
    return documents, problems, rejected
