"""Carrying gold annotations across an ``OffsetMap``.

Every span (entity mentions, quote content / speaker / cue, figure spans,
event triggers and argument spans) is mapped and takes its text from the
new document, so ``span.text == document.text[span.start:span.end]`` holds
by construction. A span the map cannot carry (it was deleted, or an edit
cut into it) is dropped, and so is whatever depends on it: a quote without
its content, a figure without its span, an event without its trigger, an
entity left with no mention. References to a dropped entity are cleared
(a quote keeps its speaker as a description).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Annotations, Argument, Document, Entity, Event, Figure, Mention, Quote, Span
from .offsets import OffsetMap


def project_span(span: Span, document: Document, offsets: OffsetMap) -> Span | None:
    """``span`` carried onto ``document`` (the changed text), or None when it did not survive."""
    mapped = offsets.map_span(span.start, span.end)
    if mapped is None:
        return None
    start, end = mapped
    return Span(start, end, document.text[start:end])


def project_annotations(annotations: Annotations, document: Document, offsets: OffsetMap) -> Annotations:
    """The gold of ``annotations`` carried onto ``document``, whose text is ``offsets`` applied to the old one."""

    def carry(span: Span | None) -> Span | None:
        return None if span is None else project_span(span, document, offsets)

    entities: list[Entity] = []
    for entity in annotations.entities:
        mentions = []
        for mention in entity.mentions:
            span = carry(mention.span)
            if span is not None:
                mentions.append(Mention(span.start, span.end, span.text, mention.form, mention.value))
        if mentions or not entity.mentions:
            entities.append(replace(entity, mentions=tuple(mentions)))
    kept = {entity.id for entity in entities}
    names = {entity.id: entity.canonical_name for entity in annotations.entities}

    def keep(entity_id: str | None) -> str | None:
        return entity_id if entity_id in kept else None

    quotes: list[Quote] = []
    for quote in annotations.quotes:
        content = carry(quote.content)
        if content is None:
            continue
        description = quote.speaker_description
        if quote.speaker_entity is not None and keep(quote.speaker_entity) is None and not description:
            description = names.get(quote.speaker_entity)
        quotes.append(replace(
            quote, content=content, speaker_entity=keep(quote.speaker_entity), speaker_description=description,
            speaker_mention=carry(quote.speaker_mention), cue=carry(quote.cue), addressee=keep(quote.addressee),
        ))

    figures: list[Figure] = []
    for figure in annotations.figures:
        span = carry(figure.span)
        if span is not None:
            figures.append(replace(figure, span=span))

    events: list[Event] = []
    for event in annotations.events:
        trigger = carry(event.trigger)
        if trigger is None:
            continue
        arguments = []
        for argument in event.arguments:
            span, entity = carry(argument.span), keep(argument.entity)
            if span is not None or entity is not None:
                arguments.append(Argument(argument.role, entity, span))
        events.append(replace(event, trigger=trigger, arguments=tuple(arguments), place=keep(event.place)))

    return Annotations(document, tuple(entities), tuple(quotes), tuple(figures), tuple(events))
