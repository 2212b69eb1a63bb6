"""Every span of a document's gold, for checks that treat them alike."""

from __future__ import annotations

from typing import Iterator

from ..model import Annotations, Span


def all_spans(annotations: Annotations) -> Iterator[Span]:
    """Mentions, quote content / speaker / cue, figure spans, triggers and argument spans."""
    for entity in annotations.entities:
        for mention in entity.mentions:
            yield mention.span
    for quote in annotations.quotes:
        yield quote.content
        if quote.speaker_mention is not None:
            yield quote.speaker_mention
        if quote.cue is not None:
            yield quote.cue
    for figure in annotations.figures:
        yield figure.span
    for event in annotations.events:
        yield event.trigger
        for argument in event.arguments:
            if argument.span is not None:
                yield argument.span
