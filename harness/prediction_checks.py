"""What is suspicious in predictions that the schema accepts: types the gold never uses, documents it lacks.

An entity typed ``PER`` where the gold says ``PERSON``, or a record for a
document the gold does not have, is valid JSON and scores silently as a
miss; these checks name it, so a mapping mistake is seen before the scores
are believed. They are warnings: the predictions are still scored. A
predictions file that matches no gold document at all is an error, since
there is nothing to score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .errors import InputError, did_you_mean
from .ontology import ENTITY_TYPES, EVENT_TYPES

# how many document ids a warning names before "and N more"
_SHOWN = 5


@dataclass(frozen=True)
class PredictionWarning:
    """One suspicious thing in an adapter's predictions: what, where (documents) and the fix."""

    adapter: str
    kind: str  # 'unknown-entity-type' | 'unknown-event-type' | 'unknown-document'
    value: str  # the unknown type, or the unknown document id
    doc_ids: tuple[str, ...]
    message: str

    def __str__(self) -> str:
        return f"{self.adapter}: {self.message}"

    def to_dict(self) -> dict:
        return {"adapter": self.adapter, "kind": self.kind, "value": self.value, "doc_ids": list(self.doc_ids),
                "message": self.message}


def _documents(doc_ids: Iterable[str]) -> str:
    ids = sorted(set(doc_ids))
    shown = ", ".join(ids[:_SHOWN])
    return shown + (f" and {len(ids) - _SHOWN} more" if len(ids) > _SHOWN else "")


def type_warnings(records: Mapping[str, Any], adapter: str) -> list[PredictionWarning]:
    """A warning per entity or event type in ``records`` (doc id -> ``Predictions``) that the ontology lacks."""
    found: dict[tuple[str, str], list[str]] = {}
    counts: dict[tuple[str, str], int] = {}
    for doc_id, record in sorted(records.items()):
        for kind, items, known in (("entity", record.entities, ENTITY_TYPES), ("event", record.events, EVENT_TYPES)):
            for item in items or ():
                if item.type not in known:
                    key = (kind, item.type)
                    counts[key] = counts.get(key, 0) + 1
                    if doc_id not in found.setdefault(key, []):
                        found[key].append(doc_id)
    warnings = []
    for (kind, name), doc_ids in found.items():
        known = ENTITY_TYPES if kind == "entity" else tuple(EVENT_TYPES)
        plural = "entities" if kind == "entity" else "events"
        listing = f"entity types: {', '.join(ENTITY_TYPES)}" if kind == "entity" else \
            "event types of the ontology (gold/GUIDELINES.md lists them)"
        warnings.append(PredictionWarning(
            adapter, f"unknown-{kind}-type", name, tuple(doc_ids),
            f"{counts[(kind, name)]} {plural if counts[(kind, name)] != 1 else kind} of type {name!r}, which the "
            f"gold never uses, in {_documents(doc_ids)}; they can only count as false alarms."
            f"{did_you_mean(name, known)} Map the type to one of the {listing}."))
    return warnings


def unknown_document_warning(record_ids: Iterable[str], gold_ids: Iterable[str], adapter: str,
                             source: str) -> PredictionWarning | None:
    """A warning naming the records in ``source`` whose doc id is no gold document's, or None."""
    gold = set(gold_ids)
    unknown = sorted(set(record_ids) - gold)
    if not unknown:
        return None
    hint = did_you_mean(unknown[0], sorted(gold))
    return PredictionWarning(
        adapter, "unknown-document", unknown[0], tuple(unknown),
        f"{len(unknown)} record(s) in {source} for documents not in the gold, ignored: {_documents(unknown)}."
        f"{hint} Check the doc_id of each record against the gold's document ids.")


def require_a_match(record_ids: Iterable[str], gold_ids: Iterable[str], source: str) -> None:
    """Raise ``InputError`` when predictions in ``source`` hold records, but none for any gold document."""
    records, gold = sorted(set(record_ids)), sorted(set(gold_ids))
    if not records or set(records) & set(gold):
        return
    raise InputError(
        f"{source}: none of its {len(records)} record(s) is for a gold document (its doc ids: "
        f"{_documents(records)}; the gold's: {_documents(gold)}), so there is nothing to score. "
        "Score it against the gold it was made for, or correct the doc_id of each record.")
