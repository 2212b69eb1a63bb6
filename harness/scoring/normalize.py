"""Text normalisation for matching names and quotes.

Names are compared after: Unicode compatibility folding, removing accents,
case folding, dropping a possessive "'s", a leading "the" and leading titles
("President", "Mr", "Prime Minister" ...), and turning punctuation into
spaces. "President José Ramírez's" and "jose ramirez" are equal.
"""

from __future__ import annotations

import re
import unicodedata

TITLES = (
    "prime minister", "foreign minister", "defence minister", "defense minister", "minister",
    "president", "vice president", "chancellor", "secretary general", "secretary", "senator",
    "governor", "mayor", "general", "gen", "colonel", "col", "lieutenant", "lt", "captain", "capt",
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "king", "queen", "prince", "princess", "pope", "rev", "reverend", "sen", "rep", "gov",
)
_TITLE = re.compile(r"^(?:(?:%s)\b\.?\s*)+" % "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)))
_POSSESSIVE = re.compile(r"['\u2019\u02bc]s?$")
_NON_WORD = re.compile(r"[^\w]+")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a`"
_TOKEN = re.compile(r"\w+")
_LEADING_THE = re.compile(r"^the\s+")
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+")


def fold(text: str) -> str:
    """Compatibility-folded, accent-free, case-folded text."""
    if text.isascii():
        return text.casefold()  # ASCII has nothing to decompose and no accents: most names, at a fraction of the cost
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def normalize_name(name: str) -> str:
    """The comparable form of an entity name or speaker (see the module docstring)."""
    text = fold(name).strip()
    text = _POSSESSIVE.sub("", text)
    text = _LEADING_THE.sub("", text)
    text = _TITLE.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    return text


def normalize_description(text: str) -> str:
    """The comparable form of a speaker description ("A police spokesman" -> "police spokesman")."""
    folded = _NON_WORD.sub(" ", fold(text)).strip()
    return _LEADING_ARTICLE.sub("", folded)


def trim(start: int, end: int, text: str) -> tuple[int, int]:
    """``[start, end)`` of ``text`` without surrounding whitespace and quotation marks."""
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS):
        end -= 1
    return start, end


def token_spans(text: str, start: int, end: int) -> set[tuple[int, int]]:
    """The word tokens of ``text[start:end]`` as document offsets."""
    return {(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])}


def token_f1(a: set, b: set) -> float:
    """Token overlap F1 of two token sets (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return 2 * common / (len(a) + len(b))
