"""The article as the rules see it: lines, which of them to skip, sentences, word tokens.

A dateline opening a paragraph ("PARIS (AFP) - ") is a segment of its own,
so that no quote or event found in the first sentence reaches back into it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ...clean import boilerplate_lines, lines

# abbreviations after which a period does not end a sentence
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "st",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
    "inc", "corp", "co", "ltd", "jr", "sr", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "approx", "est", "rev", "mt",
))
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
# a dateline opening a paragraph: "BOLOGNA, Italy (Reuters) - ", "ACCRA (AFP) -- ", "NEW YORK, Dec 19 (AP) — "
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-ZÀ-ÖØ-Þ.'’-]+(?: [A-Z][A-ZÀ-ÖØ-Þ.'’-]+){0,3})(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([A-Z][\w&./ -]{0,30}\))?\s*(?:[-–—]{1,2}|:)\s+(?=[\"“A-Z0-9])")
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9]+(?:[’'\-.&][A-Za-zÀ-ÖØ-öø-ÿ0-9]+)*\.?")


@dataclass
class Article:
    """Text, the lines to skip (boilerplate), heading lines, and body sentences."""

    text: str
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # body only
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # body only
    datelines: list[tuple[int, int]] = field(default_factory=list)  # the place name opening a dateline
    _sentence_starts: list[int] = field(default_factory=list)

    def sentence_of(self, offset: int) -> tuple[int, int] | None:
        """The body sentence holding ``offset``."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def sentence_index(self, offset: int) -> int:
        return bisect_right(self._sentence_starts, offset) - 1

    def in_body(self, start: int, end: int) -> bool:
        return self.sentence_of(start) is not None and self.sentence_of(max(start, end - 1)) is not None

    def skipped(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.boilerplate)


def _is_heading(line: str, first: bool, second: bool = False) -> bool:
    words = line.split()
    if first and len(words) <= 25 and not re.search(r"(?:[.\"”]|[.!?,]')\s*$", line):
        return True  # the title
    if second and len(words) <= 40 and not re.search(r"(?:[.!?:\"”]|[.!?,]')\s*$", line):
        return True  # the standfirst under the title: a summary line without a closing full stop
    return len(words) <= 10 and not re.search(r"(?:[.!?\"”:]|[.!?,]')\s*$", line)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as offsets, trimmed of surrounding space."""
    found = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        before = text[cursor:match.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        if text[match.start()] == "." and (last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue  # "Mr. Smith", "Dec. 19", "J. Smith"
        found.append((cursor, stop))
        cursor = stop
    found.append((cursor, end))
    trimmed = []
    for s, e in found:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def dateline(text: str, start: int, end: int) -> tuple[tuple[int, int], int] | None:
    """The place naming a dateline that opens the line ``text[start:end]`` and where the dateline ends
    ("FAENZA, Italy (Reuters) - " gives "FAENZA"), or None."""
    match = _DATELINE.match(text, start, end)
    return (match.span("place"), match.end()) if match else None


def datelines(text: str) -> list[tuple[tuple[int, int], int]]:
    """``dateline`` of every line of ``text`` that opens with one: its place and where it ends."""
    found = (dateline(text, start, end) for start, end in lines(text))
    return [opening for opening in found if opening is not None]


def read_article(text: str, *, clean_boilerplate: bool = True) -> Article:
    """Divide ``text`` into boilerplate, headings and body sentences."""
    article = Article(text)
    skip = {(b.start, b.end) for b in boilerplate_lines(text)} if clean_boilerplate else set()
    article.boilerplate = sorted(skip)
    first = True
    second = False
    for start, end in lines(text):
        line = text[start:end]
        if not line.strip():
            continue
        if (start, end) in skip:
            continue
        heading = _is_heading(line, first, second)
        second = first and heading  # only the line right under the title can be its standfirst
        if heading:
            article.headings.append((start, end))
        else:
            article.paragraphs.append((start, end))
            opening = dateline(text, start, end)
            if opening:
                article.datelines.append(opening[0])
                # its own segment, so that no quote or event reaches back into it
                article.sentences.extend(split_sentences(text, start, opening[1]))
                start = opening[1]
            article.sentences.extend(split_sentences(text, start, end))
        first = False
    article._sentence_starts = [s for s, _ in article.sentences]
    return article
