"""Prodigy's JSONL: one example a line with ``text`` and ``spans`` (``start``, ``end``, ``label``).

Only accepted examples (``"answer": "accept"``) are gold; rejected and
ignored ones are skipped and counted. An example without ``answer`` (a
plain ``db-out`` of a manual dataset) counts as accepted. The document id
is ``meta.doc_id`` or ``meta.id`` when given, else ``<file>-<line>``.
"""

from __future__ import annotations

import os
from typing import Iterable

from .jsonl_spans import read_span_records
from .source import ReadOptions, Reading, count, source_files


def _accepted(record: dict) -> bool:
    return record.get("answer", "accept") == "accept"


def read(paths: Iterable[str | os.PathLike], options: ReadOptions = ReadOptions()) -> Reading:
    """Every accepted example in the Prodigy JSONL files among ``paths``."""
    files, problems = source_files(paths, (".jsonl",))
    documents = []
    skipped: dict[str, int] = {}
    for path in files:
        found, file_problems, rejected = read_span_records(path, ("spans",), _accepted)
        documents += found
        problems += file_problems
        if rejected:
            count(skipped, "Prodigy examples not accepted", rejected)
    return Reading(tuple(documents), tuple(problems), skipped)
