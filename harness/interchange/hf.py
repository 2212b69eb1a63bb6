"""A Hugging Face dataset folder (``save_to_disk``) or a Parquet file.

The harness's own export (``harness export --format hf|parquet``) is read
back whole, every layer as it was. Any other dataset needs a ``text``
column and a span column, ``entities`` or ``spans``, holding structs with
``start``, ``end`` and ``label`` (or ``type``); the document id is the
``doc_id`` or ``id`` column, else ``row-<n>``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..errors import Problem
from .source import ReadOptions, Reading, SourceDocument, SourceSpan

_OWN_COLUMNS = {"doc_id", "text", "text_sha256", "metadata", "entities", "quotes", "figures", "events"}


def _foreign(path: Path, rows: list[dict]) -> tuple[list[SourceDocument], list[Problem]]:
    documents, problems = [], []
    for index, row in enumerate(rows):
        where = f"{path}[{index}]"
        text = row.get("text")
        span_key = next((k for k in ("entities", "spans") if k in row), None)
        if not isinstance(text, str) or span_key is None:
            problems.append(Problem(where, "", "the row has no text column or no entities/spans column.",
                                    value=sorted(row), fix="Give the dataset a text column and a span column."))
            continue
        spans = []
        for k, raw in enumerate(row.get(span_key) or []):
            label = raw.get("label", raw.get("type")) if isinstance(raw, dict) else None
            if not isinstance(label, str):
                problems.append(Problem(f"{where}.{span_key}[{k}]", "", f"span {raw!r} has no label or type.",
                                        value=raw, fix="Give every span a label."))
                continue
            spans.append(SourceSpan(raw.get("start"), raw.get("end"), label, f"{where}.{span_key}[{k}]", raw.get("text")))
        doc_id = row.get("doc_id") or row.get("id")
        documents.append(SourceDocument(str(doc_id) if doc_id is not None else f"row-{index:04d}", text, where,
                                        tuple(spans)))
    return documents, problems


def read(paths: Iterable[str | os.PathLike], options: ReadOptions = ReadOptions()) -> Reading:
    """Every row of the datasets at ``paths``."""
    from ..export import load_exported, read_rows

    documents, problems, gold = [], [], []
    for given in paths:
        path = Path(given)
        rows = read_rows(path)
        if rows and _OWN_COLUMNS <= set(rows[0]):
            gold += list(load_exported(path))
            continue
        found, file_problems = _foreign(path, rows)
        documents += found
        problems += file_problems
    return Reading(tuple(documents), tuple(problems), {}, tuple(gold))
