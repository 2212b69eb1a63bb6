"""Small gold corpora written to temporary folders, built from the model so they are valid by construction."""

from __future__ import annotations

import json
from pathlib import Path

from harness.model import Annotations, Corpus, Document, Entity, Mention, Metadata, Region, Span
from harness.serialize import annotations_to_dict


def span(text: str, needle: str, occurrence: int = 1) -> Span:
    """The ``occurrence``-th place ``needle`` appears in ``text``, as code-point offsets."""
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def named(text: str, entity_id: str, entity_type: str, *names: str) -> Entity:
    """An entity with one name mention at the first occurrence of each of ``names``."""
    mentions = tuple(Mention(s.start, s.end, s.text, "name") for s in (span(text, n) for n in names))
    return Entity(entity_id, entity_type, names[0], mentions)


def simple_document(doc_id: str, text: str, names: dict[str, str] | None = None, *, title: str | None = None) -> Annotations:
    """A document whose gold is one named entity per ``names`` item (surface text -> type)."""
    entities = tuple(named(text, f"E{i}", entity_type, surface)
                     for i, (surface, entity_type) in enumerate((names or {}).items(), start=1))
    document = Document(doc_id, text, Metadata(language="en", published="2024-01-01", title=title),
                        (Region(0, len(text), "body"),))
    return Annotations(document, entities)


def write_gold(folder: Path, documents: list[Annotations]) -> Path:
    """Write ``documents`` as a gold folder (texts byte-exact, CRLF kept) and return the folder."""
    (folder / "documents").mkdir(parents=True, exist_ok=True)
    (folder / "annotations").mkdir(parents=True, exist_ok=True)
    for annotations in documents:
        doc_id = annotations.document.id
        (folder / "documents" / f"{doc_id}.txt").write_bytes(annotations.document.text.encode("utf-8"))
        (folder / "annotations" / f"{doc_id}.json").write_text(
            json.dumps(annotations_to_dict(annotations), ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def corpus_of(*documents: Annotations) -> Corpus:
    return Corpus(tuple(documents))
