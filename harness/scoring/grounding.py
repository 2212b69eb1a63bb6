"""Placing predictions in the text.

A prediction with offsets is taken at its offsets. A prediction that carries
only text is searched for: first as written, then ignoring case, runs of
whitespace and the style of quotation marks, always at word boundaries.
Among its occurrences one is chosen, preferring (in order) body and heading
regions over boilerplate, an occurrence overlapping a gold item not yet
claimed, the occurrence nearest such a gold item, and the earliest. Text
found nowhere is *ungrounded*: it counts as a false positive and is
reported as such (the hallucination rate of a generative extractor).
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..model import Document, Span

_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a`\u02bc"


def _pattern(needle: str) -> re.Pattern:
    parts = []
    for piece in re.split(r"(\s+)", needle):
        if not piece:
            continue
        if piece.isspace():
            parts.append(r"\s+")
            continue
        parts.append("".join(f"[{re.escape(_QUOTES)}]" if c in _QUOTES else re.escape(c) for c in piece))
    return re.compile("".join(parts), re.IGNORECASE)


def _at_word_boundary(text: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())
    after_ok = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    return before_ok and after_ok


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place ``needle`` occurs in ``text`` at word boundaries (exactly, else loosely)."""
    needle = needle.strip()
    if not needle:
        return []
    found = []
    start = text.find(needle)
    while start >= 0:
        if _at_word_boundary(text, start, start + len(needle)):
            found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    if found:
        return found
    return [(m.start(), m.end()) for m in _pattern(needle).finditer(text)
            if _at_word_boundary(text, m.start(), m.end())]


def choose(document: Document, candidates: Sequence[tuple[int, int]],
           free_gold: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """The occurrence to use (see the module docstring), or None when there is none."""
    if not candidates:
        return None
    free = list(free_gold)

    def rank(span: tuple[int, int]) -> tuple:
        start, end = span
        overlapping = any(s < end and start < e for s, e in free)
        distance = min((abs(start - s) for s, _ in free), default=0)
        return (document.in_boilerplate(start, end), not overlapping, distance, start, end)

    return min(candidates, key=rank)


def span_of(document: Document, start: int | None, end: int | None) -> Span | None:
    """The span at the given offsets, or None when they are missing or outside the text."""
    if start is None or end is None or not 0 <= start <= end <= len(document.text):
        return None
    return document.span(start, end)


def ground(document: Document, text: str, start: int | None, end: int | None,
           free_gold: Iterable[tuple[int, int]] = ()) -> Span | None:
    """Where a prediction is in the document: its offsets, else its best occurrence, else None."""
    located = span_of(document, start, end)
    if located is not None:
        return located
    chosen = choose(document, occurrences(document.text, text), free_gold)
    return None if chosen is None else document.span(*chosen)


class GoldClaims:
    """Gold spans not yet claimed by a grounded prediction, so that two text-only
    predictions of the same words land on two different gold items."""

    def __init__(self, gold: Sequence[tuple[int, int]]):
        self.gold = list(gold)
        self.claimed: set[int] = set()

    def free(self) -> list[tuple[int, int]]:
        return [span for i, span in enumerate(self.gold) if i not in self.claimed]

    def claim(self, span: Span) -> None:
        best, overlap = None, 0
        for i, (s, e) in enumerate(self.gold):
            if i in self.claimed:
                continue
            shared = min(e, span.end) - max(s, span.start)
            if shared > overlap:
                best, overlap = i, shared
        if best is not None:
            self.claimed.add(best)


def place_all(document: Document, predictions: Sequence, gold: Sequence[tuple[int, int]],
              locate) -> list[tuple[Span | None, object]]:
    """Ground every prediction; ``locate(prediction)`` gives ``(text, start, end)``.

    Predictions with offsets claim their gold first; text-only ones follow in
    a canonical order (by text), each landing preferably on unclaimed gold,
    so the outcome does not depend on the order of the list.
    """
    claims = GoldClaims(gold)
    placed: list[tuple[Span | None, object]] = []
    text_only = []
    for prediction in predictions:
        text, start, end = locate(prediction)
        if start is not None and end is not None:
            span = span_of(document, start, end)
            placed.append((span, prediction))
            if span is not None:
                claims.claim(span)
        else:
            text_only.append((text, repr(prediction), prediction))
    for text, _, prediction in sorted(text_only, key=lambda t: (t[0], t[1])):
        span = ground(document, text, None, None, claims.free())
        if span is not None:
            claims.claim(span)
        placed.append((span, prediction))
    return placed


def false_alarm_status(document: Document, span: Span | None) -> str:
    """``boilerplate`` for a false positive lying in boilerplate, else ``fp``."""
    return "boilerplate" if span is not None and document.in_boilerplate(span.start, span.end) else "fp"
