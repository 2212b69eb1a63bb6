"""Converting gold annotations between the model and the JSON file format.

The dict form is exactly what ``schemas/gold.schema.json`` describes;
``annotations_from_dict`` expects a dict that has passed validation.
"""

from __future__ import annotations

from typing import Any

from .model import (
    CATEGORIES,
    Annotations,
    Argument,
    Document,
    Entity,
    Event,
    Figure,
    Mention,
    Metadata,
    Quote,
    Region,
    Span,
)

FORMAT_VERSION = 2  # 2 added "layers" and made "regions" optional; 1 is upgraded on load
# the metadata the model names; any other scalar field is kept in Metadata.extra
METADATA_FIELDS = ("title", "source", "publisher", "url", "published", "language", "domain", "publisher_style",
                   "notes")


def upgrade(raw: Any) -> Any:
    """An annotation dict in the current format: a version 1 file was annotated for every layer.

    Anything that is not a version 1 object is returned as it is, for the
    schema to judge.
    """
    if not isinstance(raw, dict) or raw.get("format_version") != 1:
        return raw
    upgraded = dict(raw, format_version=FORMAT_VERSION)
    upgraded.setdefault("layers", list(CATEGORIES))
    return upgraded


def span_from_dict(raw: dict | None) -> Span | None:
    if raw is None:
        return None
    return Span(raw["start"], raw["end"], raw["text"])


def span_to_dict(span: Span | None) -> dict | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def _value(raw: Any) -> Any:
    from .values import value_from_json

    return value_from_json(raw)


def _value_to_json(value: Any) -> Any:
    from .values import value_to_json

    return value_to_json(value)


def annotations_from_dict(raw: dict, text: str) -> Annotations:
    """Build the model of one annotated document from its (validated) JSON and text."""
    meta = raw.get("metadata") or {}
    document = Document(
        id=raw["doc_id"],
        text=text,
        metadata=Metadata(
            source=meta.get("source"),
            publisher=meta.get("publisher"),
            url=meta.get("url"),
            published=meta.get("published"),
            language=meta.get("language", "en"),
            title=meta.get("title"),
            domain=meta.get("domain"),
            publisher_style=meta.get("publisher_style"),
            notes=tuple(meta.get("notes") or ()),
            extra={k: v for k, v in meta.items() if k not in METADATA_FIELDS},
        ),
        regions=tuple(
            Region(r["start"], r["end"], r["kind"], r.get("label")) for r in raw.get("regions", ())
        ),
    )
    entities = tuple(
        Entity(
            id=e["id"],
            type=e["type"],
            canonical_name=e["canonical_name"],
            mentions=tuple(
                Mention(m["start"], m["end"], m["text"], m.get("form", "name"), m.get("value"))
                for m in e.get("mentions", ())
            ),
            aliases=tuple(e.get("aliases", ())),
            wikidata=e.get("wikidata"),
            value=e.get("value"),
        )
        for e in raw.get("entities", ())
    )
    quotes = tuple(
        Quote(
            id=q["id"],
            content=span_from_dict(q["content"]),
            kind=q["kind"],
            speaker_entity=q.get("speaker_entity"),
            speaker_description=q.get("speaker_description"),
            speaker_mention=span_from_dict(q.get("speaker_mention")),
            cue=span_from_dict(q.get("cue")),
            addressee=q.get("addressee"),
        )
        for q in raw.get("quotes", ())
    )
    figures = tuple(
        Figure(
            id=f["id"],
            span=span_from_dict(f["span"]),
            value=_value(f.get("value")),
            unit=f.get("unit"),
            approximation=f.get("approximation"),
            measures=f.get("measures", ""),
            value_reason=f.get("value_reason"),
        )
        for f in raw.get("figures", ())
    )
    events = tuple(
        Event(
            id=v["id"],
            type=v["type"],
            trigger=span_from_dict(v["trigger"]),
            arguments=tuple(
                Argument(a["role"], a.get("entity"), span_from_dict(a.get("span")))
                for a in v.get("arguments", ())
            ),
            time=v.get("time"),
            place=v.get("place"),
            modality=v.get("modality", "asserted"),
        )
        for v in raw.get("events", ())
    )
    return Annotations(document, entities, quotes, figures, events, tuple(raw.get("layers", CATEGORIES)))


def annotations_to_dict(annotations: Annotations) -> dict:
    """The JSON form of one annotated document (the inverse of ``annotations_from_dict``)."""
    document = annotations.document
    meta = document.metadata
    metadata = {
        "title": meta.title,
        "source": meta.source,
        "publisher": meta.publisher,
        "url": meta.url,
        "published": meta.published,
        "language": meta.language,
    }
    # written only when set, so gold without them keeps its form
    metadata.update({k: v for k, v in (("domain", meta.domain), ("publisher_style", meta.publisher_style))
                     if v is not None})
    if meta.notes:
        metadata["notes"] = list(meta.notes)
    metadata.update(meta.extra)
    out = {
        "format_version": FORMAT_VERSION,
        "doc_id": document.id,
        "text_sha256": document.sha256,
        "metadata": metadata,
        "layers": list(annotations.layers),
        "regions": [
            {"start": r.start, "end": r.end, "kind": r.kind, "label": r.label}
            for r in document.regions
        ],
        "entities": [
            {
                "id": e.id,
                "type": e.type,
                "canonical_name": e.canonical_name,
                "aliases": list(e.aliases),
                "wikidata": e.wikidata,
                "value": e.value,
                "mentions": [
                    {"start": m.start, "end": m.end, "text": m.text, "form": m.form, "value": m.value}
                    for m in e.mentions
                ],
            }
            for e in annotations.entities
        ],
        "quotes": [
            {
                "id": q.id,
                "kind": q.kind,
                "content": span_to_dict(q.content),
                "speaker_entity": q.speaker_entity,
                "speaker_description": q.speaker_description,
                "speaker_mention": span_to_dict(q.speaker_mention),
                "cue": span_to_dict(q.cue),
                "addressee": q.addressee,
            }
            for q in annotations.quotes
        ],
        "figures": [
            {
                "id": f.id,
                "span": span_to_dict(f.span),
                "value": _value_to_json(f.value),
                "value_reason": f.value_reason,
                "unit": f.unit,
                "approximation": f.approximation,
                "measures": f.measures,
            }
            for f in annotations.figures
        ],
        "events": [
            {
                "id": v.id,
                "type": v.type,
                "trigger": span_to_dict(v.trigger),
                "arguments": [
                    {"role": a.role, "entity": a.entity, "span": span_to_dict(a.span)}
                    for a in v.arguments
                ],
                "time": v.time,
                "place": v.place,
                "modality": v.modality,
            }
            for v in annotations.events
        ],
    }
    if not document.regions:
        del out["regions"]  # an undivided page: absent, since an empty list would claim no text is covered
    return out
