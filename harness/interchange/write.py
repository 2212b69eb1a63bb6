"""Writing imported gold as a gold folder, and the summary of what a folder holds."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import UsageError
from ..files import write_atomic, write_json_atomic
from ..model import CATEGORIES, Annotations
from ..serialize import annotations_to_dict


def write_gold(documents: Iterable[Annotations], out: str | os.PathLike, *, force: bool = False) -> Path:
    """Write ``documents/<id>.txt`` and ``annotations/<id>.json`` under ``out``.

    Refuses a folder that already holds gold unless ``force``: importing over
    corrected gold would silently replace it.
    """
    out = Path(out)
    existing = [p for sub in ("documents", "annotations") for p in (out / sub).glob("*") if (out / sub).is_dir()]
    if existing and not force:
        raise UsageError(f"{out}: already holds {len(existing)} gold file(s) (e.g. {existing[0]}). "
                         "Import into a new folder, or pass --force to replace them.")
    for annotations in documents:
        doc_id = annotations.document.id
        write_atomic(out / "documents" / f"{doc_id}.txt", annotations.document.text)
        write_json_atomic(out / "annotations" / f"{doc_id}.json", annotations_to_dict(annotations))
    return out


@dataclass(frozen=True)
class LayerCount:
    """How many documents are annotated for a layer and how many items (and mentions) they hold."""

    layer: str
    documents: int
    items: int
    mentions: int = 0


def layer_counts(documents: Iterable[Annotations]) -> tuple[LayerCount, ...]:
    """Per layer: the documents annotated for it and their items."""
    documents = list(documents)
    out = []
    for layer in CATEGORIES:
        annotated = [a for a in documents if a.annotates(layer)]
        items = sum(len(getattr(a, layer)) for a in annotated)
        mentions = sum(len(e.mentions) for a in annotated for e in a.entities) if layer == "entities" else 0
        out.append(LayerCount(layer, len(annotated), items, mentions))
    return tuple(out)
