"""Format noise: the character-level differences between one page's text and another's.

Kinds: ``curly-quotes`` (straight quotes made typographic), ``straight-quotes``
(the reverse), ``nbsp`` (spaces made non-breaking), ``zero-width`` (U+200B
before words), ``soft-hyphens`` (U+00AD inside long words), ``html-entities``
(``&amp;``, ``&quot;``, ``&#39;``, ``&nbsp;``, ``&mdash;`` left unescaped),
``crlf`` (Windows line ends) and ``blank-lines`` (extra empty lines between
paragraphs).

Format noise is applied to the whole text, gold spans included, and spans
are rewritten to match: a span whose characters changed gets the changed
characters as its text (the offset map carries it). So projection stays
exact, and ``normalise`` (which undoes every kind) turns a projected span
text back into the original one. Which positions change is decided by a
``random.Random(seed)``, so a ``FormatNoise`` value always gives the same text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .offsets import Edit, Stage

FORMAT_KINDS: tuple[str, ...] = (
    "curly-quotes", "straight-quotes", "nbsp", "zero-width", "soft-hyphens",
    "html-entities", "crlf", "blank-lines",
)

ZERO_WIDTH = "\u200b"
SOFT_HYPHEN = "\u00ad"
NBSP = "\u00a0"
_OPENERS = " \t\n\r([{\u00a0-\u2014"
_ENTITIES = {"&": "&amp;", '"': "&quot;", "'": "&#39;", NBSP: "&nbsp;", "\u2014": "&mdash;",
             "\u2013": "&ndash;", "\u2019": "&rsquo;", "\u201c": "&ldquo;", "\u201d": "&rdquo;"}
_STRAIGHT = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}


@dataclass(frozen=True)
class FormatNoise:
    """Which kinds of format noise to apply, how densely (0..1) and with which seed."""

    kinds: tuple[str, ...] = ()
    rate: float = 0.5
    seed: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", tuple(self.kinds))
        unknown = [kind for kind in self.kinds if kind not in FORMAT_KINDS]
        if unknown:
            raise ValueError(f"unknown format noise {unknown[0]!r}; known kinds: {', '.join(FORMAT_KINDS)}")
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"format noise rate {self.rate!r} must be between 0 and 1")

    def to_dict(self) -> dict:
        return {"kinds": list(self.kinds), "rate": self.rate, "seed": self.seed}

    @classmethod
    def from_dict(cls, raw: dict) -> "FormatNoise":
        return cls(tuple(raw.get("kinds", ())), float(raw.get("rate", 0.5)), int(raw.get("seed", 0)))


def format_stage(text: str, noise: FormatNoise) -> Stage:
    """The edits that put ``noise`` into ``text``."""
    replacements: dict[int, str] = {}
    insertions: dict[int, str] = {}

    for kind in noise.kinds:  # earlier kinds win a character both want to replace
        # one generator per kind: dropping a kind leaves the others' choices as they were (shrinks well)
        rng = random.Random(f"{noise.seed}:{kind}")

        def chosen() -> bool:
            return rng.random() < noise.rate

        if kind == "crlf":
            for i, char in enumerate(text):
                if char == "\n" and (i == 0 or text[i - 1] != "\r"):
                    replacements.setdefault(i, "\r\n")
            continue
        for i, char in enumerate(text):
            if kind == "curly-quotes" and char in "\"'" and chosen():
                opening = i == 0 or text[i - 1] in _OPENERS
                curly = ("\u201c" if opening else "\u201d") if char == '"' else ("\u2018" if opening else "\u2019")
                replacements.setdefault(i, curly)
            elif kind == "straight-quotes" and char in _STRAIGHT and chosen():
                replacements.setdefault(i, _STRAIGHT[char])
            elif kind == "nbsp" and char == " " and chosen():
                replacements.setdefault(i, NBSP)
            elif kind == "html-entities" and char in _ENTITIES and chosen():
                replacements.setdefault(i, _ENTITIES[char])
            elif kind == "zero-width" and char.isalpha() and (i == 0 or text[i - 1] == " ") and chosen():
                insertions[i] = insertions.get(i, "") + ZERO_WIDTH
            elif kind == "soft-hyphens" and char.isalpha() and _inside_long_word(text, i) and chosen():
                insertions[i] = insertions.get(i, "") + SOFT_HYPHEN
            elif kind == "blank-lines" and char == "\n" and text[i - 1:i] == "\n" and chosen():
                insertions[i] = insertions.get(i, "") + "\n" * rng.randint(1, 3)
    edits = []
    for i in sorted(set(replacements) | set(insertions)):
        if i in insertions:
            edits.append(Edit(i, i, insertions[i]))
        if i in replacements:
            edits.append(Edit(i, i + 1, replacements[i]))
    return Stage(tuple(edits))


def _inside_long_word(text: str, i: int) -> bool:
    """True at the middle letter of a word of eight or more letters (where a CMS hyphenates)."""
    if i == 0 or not text[i - 1].isalpha():
        return False
    start = i
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = i
    while end < len(text) and text[end].isalpha():
        end += 1
    return end - start >= 8 and i - start == (end - start) // 2


def normalise(text: str) -> str:
    """``text`` with every kind of format noise undone (quotes made straight, entities decoded ...).

    Two texts that differ only by format noise normalise to the same string,
    provided the original text held no literal entity such as ``&amp;``.
    """
    import re

    decoded = {entity: char for char, entity in _ENTITIES.items()}
    text = re.sub("|".join(re.escape(entity) for entity in decoded), lambda m: decoded[m.group(0)], text)
    text = text.replace("\r\n", "\n").replace(ZERO_WIDTH, "").replace(SOFT_HYPHEN, "").replace(NBSP, " ")
    for curly, straight in _STRAIGHT.items():
        text = text.replace(curly, straight)
    return re.sub("\n{3,}", "\n\n", text)
