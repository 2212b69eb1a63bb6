"""spaCy: a ``.spacy`` DocBin, or spaCy's JSONL training format.

A DocBin is read with spaCy itself (a blank pipeline's vocabulary, so no
model is needed); each ``Doc``'s ``ents`` are its spans and its id is
``user_data["doc_id"]`` when set, else ``<file>-<n>``. A JSONL line holds
``text`` and ``entities`` as ``[start, end, label]`` triples or objects
(``spans`` is read too), the format spaCy's own training examples use.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..errors import InputError, MissingDependency, Problem
from .jsonl_spans import read_span_records
from .source import ReadOptions, Reading, SourceDocument, SourceSpan, source_files


def _docbin(path: Path) -> list[SourceDocument]:
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError:
        raise MissingDependency("reading a .spacy file needs spaCy: pip install 'article-harness[spacy]'.") from None
    try:
        docs = list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))
    except Exception as exc:  # spaCy raises several types for a file that is not a DocBin
        raise InputError(f"{path}: not a readable spaCy DocBin ({type(exc).__name__}: {exc}). "
                         "Write it with DocBin.to_disk.") from None
    documents = []
    for index, doc in enumerate(docs, start=1):
        where = f"{path}#{index}"
        doc_id = doc.user_data.get("doc_id") if isinstance(doc.user_data, dict) else None
        spans = tuple(SourceSpan(ent.start_char, ent.end_char, ent.label_, f"{where} entity {k}", ent.text)
                      for k, ent in enumerate(doc.ents))
        documents.append(SourceDocument(str(doc_id or f"{path.stem}-{index:03d}"), doc.text, where, spans))
    return documents


def read(paths: Iterable[str | os.PathLike], options: ReadOptions = ReadOptions()) -> Reading:
    """Every document in the ``.spacy`` and ``.jsonl`` files among ``paths``."""
    files, problems = source_files(paths, (".spacy", ".jsonl"))
    documents: list[SourceDocument] = []
    for path in files:
        if path.suffix.lower() == ".spacy":
            documents += _docbin(path)
            continue
        found, file_problems, _ = read_span_records(path, ("entities", "spans"), lambda record: True)
        documents += found
        problems += file_problems
    return Reading(tuple(documents), tuple(problems), {})
