"""A small made-up corpus for the slice tests: copies of the example article with their own metadata.

Each copy keeps the example's text and gold under a new id, and is given a
``domain`` and ``publisher_style``; the predictions drop chosen gold items,
so documents score differently.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Sequence

from harness.model import Annotations, Corpus
from harness.predictions import from_gold


def copy_of(annotations: Annotations, doc_id: str, **metadata: str | None) -> Annotations:
    """``annotations`` under ``doc_id``, with ``metadata`` fields set."""
    document = annotations.document
    document = dataclasses.replace(document, id=doc_id, metadata=dataclasses.replace(document.metadata, **metadata))
    return dataclasses.replace(annotations, document=document)


def make_corpus(example: Annotations, domains: Sequence[str | None]) -> Corpus:
    """One copy of ``example`` per domain, ids ``doc-0``, ``doc-1``, ...; styles alternate."""
    return Corpus(tuple(copy_of(example, f"doc-{i}", domain=domain, publisher_style=("wire", "daily")[i % 2])
                        for i, domain in enumerate(domains)))


def predictions_for(corpus: Corpus, drops: Iterable[int]) -> dict:
    """Perfect predictions, except that document i loses its first ``drops[i]`` entity mentions."""
    out = {}
    for annotations, drop in zip(corpus, drops):
        perfect = from_gold(annotations, adapter="made-up")
        out[annotations.document.id] = dataclasses.replace(perfect, entities=perfect.entities[drop:])
    return out
