"""Hypothesis strategies: small gold documents with every category, and predictions derived from them."""

from __future__ import annotations

import dataclasses

from hypothesis import strategies as st

from harness.model import Annotations, Argument, Document, Entity, Event, Figure, Mention, Quote, Region
from harness.predictions import (PredictedEntity, PredictedEvent, PredictedFigure, PredictedQuote, Predictions,
                                 TextSpan, from_gold)

ENTITY_TYPES = ("PERSON", "ORG", "GPE")
EVENT_TYPES = ("Attack", "Meet", "Statement")


def _segment_words(k: int) -> list[str]:
    return [f"name{k}x", f"{100 + k}", f"said{k}y", f"words{k}z"]


@st.composite
def gold_documents(draw, doc_id: str = "doc", max_segments: int = 8):
    """A document of 4-word segments; each segment may hold an entity, a figure, a quote and an event."""
    segments = draw(st.integers(1, max_segments))
    layout = draw(st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans(),
                                     st.sampled_from(ENTITY_TYPES), st.sampled_from(EVENT_TYPES),
                                     st.sampled_from(("direct", "indirect"))),
                           min_size=segments, max_size=segments))
    words, starts = [], []
    position = 0
    for k in range(segments):
        for word in _segment_words(k):
            starts.append(position)
            words.append(word)
            position += len(word) + 1
    text = " ".join(words)
    boilerplate_from = starts[4 * (segments - 1)] if segments > 2 and draw(st.booleans()) else None
    if boilerplate_from is None:
        regions = (Region(0, len(text), "body"),)
    else:
        regions = (Region(0, boilerplate_from - 1, "body"), Region(boilerplate_from, len(text), "boilerplate", "comments"))
    document = Document(doc_id, text, regions=regions)

    def span_of(first: int, last: int):
        start, end = starts[first], starts[last] + len(words[last])
        return document.span(start, end)

    entities, figures, quotes, events = [], [], [], []
    for k, (has_entity, has_figure, has_quote, has_event, entity_type, event_type, kind) in enumerate(layout):
        in_boilerplate = boilerplate_from is not None and starts[4 * k] >= boilerplate_from
        if has_entity:
            span = span_of(4 * k, 4 * k)
            entities.append(Entity(f"E{k}", entity_type, span.text, (Mention(span.start, span.end, span.text),)))
        if in_boilerplate:
            continue  # only entities are annotated in boilerplate
        if has_figure:
            figures.append(Figure(f"F{k}", span_of(4 * k + 1, 4 * k + 1), float(100 + k)))
        if has_quote:
            speaker = entities[-1].id if entities else None
            quotes.append(Quote(f"Q{k}", span_of(4 * k + 2, 4 * k + 3), kind, speaker_entity=speaker,
                                speaker_description=None if speaker else "an official"))
        if has_event:
            arguments = (Argument("agent", entity=entities[-1].id),) if entities else ()
            events.append(Event(f"V{k}", event_type, span_of(4 * k + 2, 4 * k + 2), arguments))
    return Annotations(document, tuple(entities), tuple(quotes), tuple(figures), tuple(events))


def _spurious(annotations: Annotations, category: str, index: int, label: str):
    """A prediction of ``category`` on a word no gold item of that category touches, or None."""
    text = annotations.document.text
    taken = {
        "entities": [(m.start, m.end) for e in annotations.entities for m in e.mentions],
        "quotes": [(q.content.start, q.content.end) for q in annotations.quotes],
        "figures": [(f.span.start, f.span.end) for f in annotations.figures],
        "events": [(v.trigger.start, v.trigger.end) for v in annotations.events],
    }[category]
    position = 0
    free = []
    for word in text.split(" "):
        start, end = position, position + len(word)
        if not any(s < end and start < e for s, e in taken):
            free.append((start, end, word))
        position = end + 1
    if not free:
        return None
    start, end, word = free[index % len(free)]
    if category == "entities":
        return PredictedEntity(word, label, start, end)
    if category == "quotes":
        return PredictedQuote(word, start, end, "direct", TextSpan("nobody"))
    if category == "figures":
        return PredictedFigure(word, start, end, 1.0, has_value=True)
    return PredictedEvent(label, TextSpan(word, start, end))


@st.composite
def noisy_predictions(draw, annotations: Annotations):
    """Gold turned into predictions, then items dropped, retyped and spurious items added."""
    oracle = from_gold(annotations)
    changes = {}
    for category in ("entities", "quotes", "figures", "events"):
        items = list(getattr(oracle, category))
        kept = [item for item in items if draw(st.booleans())]
        if category == "entities":
            kept = [dataclasses.replace(e, type=draw(st.sampled_from(ENTITY_TYPES))) for e in kept]
        if category == "events":
            kept = [dataclasses.replace(v, type=draw(st.sampled_from(EVENT_TYPES))) for v in kept]
        for n in range(draw(st.integers(0, 2))):
            label = draw(st.sampled_from(ENTITY_TYPES if category == "entities" else EVENT_TYPES))
            extra = _spurious(annotations, category, draw(st.integers(0, 50)), label)
            if extra is not None:
                kept.append(extra)
        changes[category] = tuple(kept)
    return Predictions(annotations.doc_id, **changes)


def spurious_prediction(annotations: Annotations, category: str, index: int):
    return _spurious(annotations, category, index, "PERSON" if category == "entities" else "Attack")
