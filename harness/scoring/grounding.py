"""Placing predictions in the text.

A prediction with offsets is taken at its offsets. A prediction that carries
only text may be at any place its text occurs: as written, or ignoring
case, runs of whitespace and the style of quotation marks, always at word
boundaries and never inside a larger number ("5" is not in "5.5 million",
"1" is not in "1,000"). Where it is, is decided together with the
matching: ``match_placements`` solves one matching problem over every
candidate place of every prediction, so that no prediction's place depends
on the order of the list or on where another was put first.

A prediction left unmatched is put at its first occurrence in this order:
body and heading regions before boilerplate, as written before loosely,
on a gold item left unmatched, nearest such an item, earliest. Text found
nowhere is *ungrounded*: it counts as a false positive and is reported as
such (the hallucination rate of a generative extractor).

A prediction lying in boilerplate (see ``Document.in_boilerplate``) never
matches: it is a false positive with status ``boilerplate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Iterable, Sequence

from ..model import Document, Span
from .matching import match_by_stage, overlap_pairs

_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a`\u02bc"
_DECIMAL_MARKS = ".,"

SpanPair = tuple[int, int]


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


def _cuts_a_number(text: str, cut: int) -> bool:
    """Whether a boundary before ``text[cut]`` falls inside a number such as "5.5" or "1,000"."""
    digit = lambda i: 0 <= i < len(text) and text[i].isdigit()
    mark = lambda i: 0 <= i < len(text) and text[i] in _DECIMAL_MARKS
    return (digit(cut - 1) and mark(cut) and digit(cut + 1)) or (digit(cut - 2) and mark(cut - 1) and digit(cut))


def _at_word_boundary(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` neither cuts a word nor lies inside a larger number."""
    before_ok = start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())
    after_ok = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    return before_ok and after_ok and not (end > start and (_cuts_a_number(text, start) or _cuts_a_number(text, end)))


def occurrences(text: str, needle: str) -> list[SpanPair]:
    """Every place ``needle`` occurs in ``text`` as written or loosely, at word and number boundaries."""
    needle = needle.strip()
    if not needle:
        return []
    pattern = _pattern(needle)
    found = []
    match = pattern.search(text)
    while match is not None:
        if _at_word_boundary(text, match.start(), match.end()):
            found.append((match.start(), match.end()))
        match = pattern.search(text, match.start() + 1)
    return found


def ranked_occurrences(document: Document, needle: str) -> list[SpanPair]:
    """The occurrences of ``needle``: outside boilerplate first, then as written first, then earliest."""
    needle = needle.strip()
    text = document.text
    return sorted(occurrences(text, needle),
                  key=lambda span: (document.in_boilerplate(*span), text[span[0]:span[1]] != needle, span))


def span_of(document: Document, start: int | None, end: int | None) -> Span | None:
    """The span at the given offsets, or None when they are missing or outside the text."""
    if start is None or end is None or not 0 <= start <= end <= len(document.text):
        return None
    return document.span(start, end)


@dataclass(frozen=True)
class Placement:
    """Where one prediction may be: its offsets, else the occurrences of its text (best first).

    ``spans`` is empty when the prediction is ungrounded (offsets outside the
    text, or text found nowhere).
    """

    prediction: object
    spans: tuple[SpanPair, ...]
    written: tuple[bool, ...]  # per place: the text as written there (not only loosely)

    @property
    def grounded(self) -> bool:
        return bool(self.spans)


def placements(document: Document, predictions: Iterable, locate,
               adjust: Callable[[int, int], SpanPair] | None = None) -> list[Placement]:
    """The distinct predictions with their candidate places, in a canonical order.

    ``locate(prediction)`` gives ``(text, start, end)``; ``adjust`` reshapes
    a place (quotes drop surrounding quotation marks). A prediction with
    offsets (even bad ones) is never searched for.
    """
    out = []
    for prediction in set(predictions):  # the same prediction given twice is one prediction
        text, start, end = locate(prediction)
        if start is not None or end is not None:
            located = span_of(document, start, end)
            spans = [] if located is None else [(located.start, located.end)]
            written = [True] * len(spans)
        else:
            needle = text.strip()
            spans = ranked_occurrences(document, needle)
            written = [document.text[s:e] == needle for s, e in spans]
        if adjust is not None:
            reshaped: dict[SpanPair, bool] = {}
            for (s, e), w in zip(spans, written):
                reshaped.setdefault(adjust(s, e), w)  # the first, best ranked, of places that become one
            spans, written = list(reshaped), list(reshaped.values())
        out.append(Placement(prediction, tuple(spans), tuple(written)))
    out.sort(key=lambda placement: placement.spans)
    ordered: list[Placement] = []
    for _, same in groupby(out, key=lambda placement: placement.spans):
        group = list(same)
        # a prediction's repr breaks ties only: most places hold one prediction, and a repr is costly
        ordered += sorted(group, key=lambda placement: repr(placement.prediction)) if len(group) > 1 else group
    return ordered


Match = tuple[int, int, SpanPair]  # predicted index, stage, the place chosen


def match_placements(document: Document, gold: Sequence[SpanPair], placed: Sequence[Placement],
                     stage_of: Callable[[int, int, SpanPair], int | None], stages: int,
                     preference: Callable[[int, int, SpanPair], tuple] | None = None) -> dict[int, Match]:
    """One lexicographically maximum matching of gold to placed predictions, over every candidate place.

    ``stage_of(g, p, span)`` gives the strictest stage at which prediction
    ``p`` placed at ``span`` matches gold ``g`` (None: no match); each gold
    and each prediction is used once, whichever of its places. Among places
    of one pair the strictest stage wins, then ``preference``, then a place
    as written, then the earliest. Places in boilerplate never match.
    """
    flat = [(p, rank, span) for p, placement in enumerate(placed) for rank, span in enumerate(placement.spans)
            if not document.in_boilerplate(*span)]
    best: dict[tuple[int, int], tuple] = {}
    for g, k in overlap_pairs(gold, [span for _, _, span in flat]):
        p, rank, span = flat[k]
        stage = stage_of(g, p, span)
        if stage is None:
            continue
        # the places of a prediction are ranked already: as written before loosely, then earliest
        key = (stage, *(preference(g, p, span) if preference else ()), rank, span)
        if (g, p) not in best or key < best[(g, p)]:
            best[(g, p)] = key
    by_stage: list[list[tuple[int, int]]] = [[] for _ in range(stages)]
    for (g, p), key in best.items():
        by_stage[key[0]].append((g, p))
    chosen = match_by_stage(by_stage, lambda g, p: best[(g, p)][1:-1])
    return {g: (p, stage, best[(g, p)][-1]) for g, (p, stage) in chosen.items()}


def final_places(document: Document, gold: Sequence[SpanPair], placed: Sequence[Placement],
                 matched: dict[int, Match]) -> list[SpanPair | None]:
    """Where each placed prediction ends up: its matched place, else its best place (see the module docstring)."""
    places: list[SpanPair | None] = [None] * len(placed)
    for _, (p, _, span) in matched.items():
        places[p] = span
    free = [span for g, span in enumerate(gold) if g not in matched]
    for p, placement in enumerate(placed):
        if places[p] is None and placement.spans:
            places[p] = _fallback(document, placement, free)
    return places


def _fallback(document: Document, placement: Placement, free_gold: Sequence[SpanPair]) -> SpanPair:
    if len(placement.spans) == 1:
        return placement.spans[0]

    def rank(index: int) -> tuple:
        start, end = placement.spans[index]
        overlapping = any(s < end and start < e for s, e in free_gold)
        distance = min((abs(start - s) for s, _ in free_gold), default=0)
        return (document.in_boilerplate(start, end), not placement.written[index], not overlapping, distance, index)

    return placement.spans[min(range(len(placement.spans)), key=rank)]


def false_alarm_status(document: Document, span: Span | None) -> str:
    """``boilerplate`` for a false positive lying in boilerplate, else ``fp``."""
    return "boilerplate" if span is not None and document.in_boilerplate(span.start, span.end) else "fp"
