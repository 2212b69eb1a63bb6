"""Naming the gold offset a scorer could not use.

``load_gold`` only ever gives whole-number offsets, but ``evaluate`` also
takes gold built in code. When a document's gold cannot be scored even
against no predictions, the fault is the gold's, not the extractor's, so
``evaluate`` stops with a message naming the document, the item and the
value (``offset_problem``) rather than scoring on with a wrong number.
"""

from __future__ import annotations

from operator import index
from typing import Any, Iterator

from ..model import Annotations, Span


def offset_problem(annotations: Annotations, category: str) -> str | None:
    """The first gold offset of ``category`` in this document that is not a whole number, in words; None if none."""
    for item, name, value in _offsets(annotations, category):
        try:
            index(value)  # int, bool and numpy integers are what Python slices text with
            continue
        except TypeError:
            pass
        if isinstance(value, float) and value.is_integer():
            fix = f"write {int(value)}"
        else:
            fix = "give the character offset as an int"
        return (f"gold document {annotations.document.id!r}: {item} has {name} {value!r} "
                f"({type(value).__name__}); offsets are whole numbers of characters: {fix}.")
    return None


def _offsets(annotations: Annotations, category: str) -> Iterator[tuple[str, str, Any]]:
    """(what the item is, which offset, its value) of every offset of the category's gold."""
    if category == "entities":
        for entity in annotations.entities:
            for k, mention in enumerate(entity.mentions):
                yield from _ends(f"entity {entity.id!r} mention {k} ({mention.text!r})", mention)
        return
    for item in getattr(annotations, category, ()):
        label = f"{category[:-1]} {getattr(item, 'id', '?')!r}"
        for field in ("content", "speaker_mention", "cue", "span", "trigger"):
            span = getattr(item, field, None)
            if isinstance(span, Span):
                yield from _ends(f"{label} {field}", span)
        for k, argument in enumerate(getattr(item, "arguments", ())):
            if isinstance(argument.span, Span):
                yield from _ends(f"{label} argument {k} ({argument.role})", argument.span)


def _ends(item: str, span: Any) -> Iterator[tuple[str, str, Any]]:
    yield item, "start", span.start
    yield item, "end", span.end
