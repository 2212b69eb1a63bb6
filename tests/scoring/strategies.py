"""Hypothesis strategies: small gold documents with every category, and predictions derived from them."""

from __future__ import annotations

import dataclasses

from hypothesis import strategies as st

from harness.model import Annotations, Argument, Document, Entity, Event, Figure, Mention, Quote, Region
from harness.predictions import (PredictedArgument, PredictedEntity, PredictedEvent, PredictedFigure, PredictedQuote,
                                 Predictions, TextSpan, from_gold)

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


# Crowded documents: few distinct words, many repeats, overlapping gold and predictions, so that
# text-only predictions have several places and matchings have real choices to make.
CROWD_WORDS = ("5", "tanks", "12", "drones", "5.5", "1,000", "Apple", "APPLE")
CROWD_VALUES = (5.0, 12.0)


def _word_spans(words: list[str]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for word in words:
        spans.append((position, position + len(word)))
        position += len(word) + 1
    return spans


@st.composite
def crowded_cases(draw, max_gold: int = 4, max_predicted: int = 6):
    """``(annotations, predictions)`` over a short text of repeated words, every category."""
    words = draw(st.lists(st.sampled_from(CROWD_WORDS), min_size=3, max_size=8))
    text = " ".join(words)
    spans = _word_spans(words)
    cut = draw(st.one_of(st.none(), st.integers(1, len(words) - 1)))
    if cut is None:
        regions = (Region(0, len(text), "body"),)
    else:
        regions = (Region(0, spans[cut][0], "body"), Region(spans[cut][0], len(text), "boilerplate", "comments"))
    document = Document("doc", text, regions=regions)
    body_words = len(words) if cut is None else cut

    def word_range(limit: int, longest: int):
        first = draw(st.integers(0, limit - 1))
        last = min(limit - 1, first + draw(st.integers(0, longest - 1)))
        return spans[first][0], spans[last][1]

    entities = []
    for i in range(draw(st.integers(0, max_gold))):
        start, end = word_range(len(words), 2)
        entities.append(Entity(f"E{i}", draw(st.sampled_from(ENTITY_TYPES[:2])), text[start:end],
                               (Mention(start, end, text[start:end]),)))
    figures, quotes, events = [], [], []
    for i in range(draw(st.integers(0, max_gold))):
        figures.append(Figure(f"F{i}", document.span(*word_range(body_words, 2)), draw(st.sampled_from(CROWD_VALUES))))
    for i in range(draw(st.integers(0, max_gold))):
        quotes.append(Quote(f"Q{i}", document.span(*word_range(body_words, 3)), draw(st.sampled_from(("direct", "indirect")))))
    for i in range(draw(st.integers(0, max_gold))):
        arguments = tuple(Argument(draw(st.sampled_from(("agent", "target"))), span=document.span(*word_range(body_words, 1)))
                          for _ in range(draw(st.integers(0, 2))))
        events.append(Event(f"V{i}", draw(st.sampled_from(EVENT_TYPES[:2])), document.span(*word_range(body_words, 1)),
                            arguments))
    annotations = Annotations(document, tuple(entities), tuple(quotes), tuple(figures), tuple(events))

    starts = {start: i for i, (start, _) in enumerate(spans)}
    ends = {end: i for i, (_, end) in enumerate(spans)}

    def place(near: list[tuple[int, int]]):
        """(text, start, end) of a predicted stretch, often at or around a gold item of its category:
        with offsets, or text only (perhaps in another case)."""
        if near and draw(st.booleans()):
            first, last = (lambda s_e: (starts[s_e[0]], ends[s_e[1]]))(draw(st.sampled_from(near)))
            first = max(0, first - draw(st.integers(0, 1)))
            last = min(len(words) - 1, last + draw(st.integers(0, 1)))
            start, end = spans[first][0], spans[last][1]
        else:
            start, end = word_range(len(words), 3)
        if draw(st.booleans()):
            return text[start:end], start, end
        said = text[start:end]
        return (said.upper() if draw(st.booleans()) else said), None, None

    predicted: dict[str, list] = {c: [] for c in ("entities", "quotes", "figures", "events")}
    for _ in range(draw(st.integers(0, max_predicted))):
        said, start, end = place([(m.start, m.end) for e in entities for m in e.mentions])
        predicted["entities"].append(PredictedEntity(said, draw(st.sampled_from(ENTITY_TYPES[:2])), start, end))
    for _ in range(draw(st.integers(0, max_predicted))):
        said, start, end = place([(f.span.start, f.span.end) for f in figures])
        predicted["figures"].append(PredictedFigure(said, start, end, draw(st.sampled_from(CROWD_VALUES)), has_value=True))
    for _ in range(draw(st.integers(0, max_predicted))):
        said, start, end = place([(q.content.start, q.content.end) for q in quotes])
        predicted["quotes"].append(PredictedQuote(said, start, end, draw(st.sampled_from(("direct", "indirect")))))
    for _ in range(draw(st.integers(0, max_predicted))):
        said, start, end = place([(v.trigger.start, v.trigger.end) for v in events])
        arguments = []
        for _ in range(draw(st.integers(0, 2))):
            a_start, a_end = word_range(len(words), 1)
            arguments.append(PredictedArgument(draw(st.sampled_from(("agent", "target"))), text[a_start:a_end],
                                               a_start, a_end))
        predicted["events"].append(PredictedEvent(draw(st.sampled_from(EVENT_TYPES[:2])), TextSpan(said, start, end),
                                                  tuple(arguments)))
    return annotations, Predictions("doc", **{c: tuple(items) for c, items in predicted.items()})
