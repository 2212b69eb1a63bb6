"""Numbers written in news text, read as values.

``parse_number`` reads one quantity ("nine million", "14,000", "a dozen",
"40 million", "68-year-old", "10 to 15") and returns a float, a
``(low, high)`` range, or None. ``find_numbers`` finds every quantity in a
text with its offsets and its qualifier ("nearly", "some", "an estimated"),
for extractors that look for figures.

Conventions follow the gold guidelines for vague amounts:

* "several" is ``(3, 9)``; "several thousand" is ``(3000, 9999)``;
* "a few" is ``(2, 5)`` (times the scale, as for "several");
* "multiple", "dozens", "hundreds", "thousands", "millions" (a bare plural)
  have no value: only a lower bound is implied, so the value is None;
* qualifiers such as "nearly" or "more than" do not change the value;
* ordinals ("first", "3rd") are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "APPROXIMATION_WORDS",
    "NumberMatch",
    "Value",
    "find_numbers",
    "parse_number",
    "value_in",
    "values_equal",
]

Value = float | tuple[float, float]

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# multiply what came before within the group ("three hundred", "two dozen")
SMALL_SCALES = {"hundred": 100, "dozen": 12}
# close a group ("nine million", "forty thousand")
LARGE_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# written straight after digits: "1.5bn", "40mn"
SUFFIX_SCALES = {"bn": 1e9, "mn": 1e6, "tn": 1e12, "b": 1e9, "m": 1e6, "k": 1e3}
# a bare plural gives only a lower bound, hence no value
VAGUE_PLURALS = ("dozens", "hundreds", "thousands", "millions", "billions", "trillions", "scores")
VAGUE_WORDS = ("multiple", "numerous")
CURRENCY = "$€£¥"

# qualifier words that mark a figure as approximate or bounded, longest first
APPROXIMATION_WORDS: tuple[str, ...] = (
    "an estimated", "more than", "fewer than", "less than", "at least", "at most", "up to",
    "upwards of", "as many as", "as few as", "close to", "just over", "just under",
    "nearly", "almost", "around", "about", "approximately", "roughly", "some", "over",
    "under", "estimated",
)

_TOKEN = re.compile(
    r"(?P<ordinal>\d+(?:st|nd|rd|th)\b)"
    r"|(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suffix>bn|mn|tn|b|m|k)?(?![A-Za-z])"
    r"|(?P<word>[A-Za-z]+)"
    r"|(?P<symbol>[-\u2010-\u2015/%" + re.escape(CURRENCY) + r"])",
)


@dataclass(frozen=True)
class _Token:
    kind: str  # number | word | symbol | ordinal
    text: str
    start: int
    end: int
    number: float | None = None
    suffix: str | None = None


@dataclass(frozen=True)
class NumberMatch:
    """One quantity found in a text.

    ``value`` is a float, a ``(low, high)`` range, or None for a vague amount
    ("millions of", "multiple"); ``approximation`` is the qualifier before it
    ("nearly", "an estimated"), lowercased, or None.
    """

    start: int
    end: int
    text: str
    value: Value | None
    approximation: str | None = None


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        if match.group("number") is not None:
            digits = match.group("number").replace(",", "")
            tokens.append(_Token("number", match.group(0), match.start(), match.end(), float(digits),
                                 match.group("suffix")))
        elif match.group("ordinal") is not None:
            tokens.append(_Token("ordinal", match.group(0), match.start(), match.end()))
        elif match.group("word") is not None:
            tokens.append(_Token("word", match.group(0).lower(), match.start(), match.end()))
        else:
            tokens.append(_Token("symbol", match.group(0), match.start(), match.end()))
    return tokens


def _word(tokens: list[_Token], i: int) -> str | None:
    return tokens[i].text if 0 <= i < len(tokens) and tokens[i].kind == "word" else None


def _is_hyphen(tokens: list[_Token], i: int) -> bool:
    return 0 <= i < len(tokens) and tokens[i].kind == "symbol" and tokens[i].text not in ("/", "%", *CURRENCY)


def _adjacent(tokens: list[_Token], i: int, j: int) -> bool:
    """True when tokens i and j are separated by nothing (hyphenated words) ."""
    return tokens[i].end == tokens[j].start


def _scale_words(tokens: list[_Token], i: int) -> tuple[float, int]:
    """Multiply by scale words starting at i ("million", "hundred thousand"); (factor, next index)."""
    factor = 1.0
    while True:
        word = _word(tokens, i)
        if word in SMALL_SCALES:
            factor *= SMALL_SCALES[word]
        elif word in LARGE_SCALES:
            factor *= LARGE_SCALES[word]
        else:
            return factor, i
        i += 1


def _cardinal(tokens: list[_Token], i: int) -> tuple[float, int, float] | None:
    """A cardinal number starting at token i: (value, next index, trailing scale factor)."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    currency = token.kind == "symbol" and token.text in CURRENCY
    if currency:
        i += 1
        if i >= len(tokens):
            return None
        token = tokens[i]
    if token.kind == "number":
        value = token.number
        factor = 1.0
        if token.suffix:
            # a bare "m" or "k" after digits is a unit (metres) unless money is meant
            if token.suffix in ("bn", "mn", "tn") or currency:
                factor = SUFFIX_SCALES[token.suffix]
            else:
                return None
        more, j = _scale_words(tokens, i + 1)
        factor *= more
        return value * factor, j, factor
    return _word_cardinal(tokens, i)


def _word_cardinal(tokens: list[_Token], i: int) -> tuple[float, int, float] | None:
    total = 0.0
    current = 0.0
    last = None  # what the previous token was: unit | ten | scale | and | a
    j = i
    seen = False
    factor = 1.0
    while j < len(tokens):
        word = _word(tokens, j)
        if word in ("a", "an") and not seen and _word(tokens, j + 1) in (*SMALL_SCALES, *LARGE_SCALES):
            current, last = 1.0, "a"
        elif word == "half" and not seen and _word(tokens, j + 1) in ("a", "an") \
                and _word(tokens, j + 2) in (*SMALL_SCALES, *LARGE_SCALES):
            scale = {**SMALL_SCALES, **LARGE_SCALES}[_word(tokens, j + 2)]
            return 0.5 * scale, j + 3, scale
        elif word in UNITS:
            if last in ("unit",) or (last == "ten" and UNITS[word] >= 10):
                break
            current += UNITS[word]
            last = "unit"
        elif word in TENS:
            if last in ("unit", "ten"):
                break
            current += TENS[word]
            last = "ten"
        elif word in SMALL_SCALES and seen:
            current = (current or 1.0) * SMALL_SCALES[word]
            factor = SMALL_SCALES[word]
            last = "scale"
        elif word in LARGE_SCALES and seen:
            total += (current or 1.0) * LARGE_SCALES[word]
            current = 0.0
            factor = LARGE_SCALES[word]
            last = "scale"
        elif word == "and" and last == "scale" and (_word(tokens, j + 1) in UNITS or _word(tokens, j + 1) in TENS):
            last = "and"
        elif _is_hyphen(tokens, j) and last == "ten" and _word(tokens, j + 1) in UNITS \
                and _adjacent(tokens, j - 1, j) and _adjacent(tokens, j, j + 1):
            last = "ten"  # "twenty-three": the unit that follows adds on
        else:
            break
        seen = True
        j += 1
    if not seen or last in ("a", "and"):
        return None
    if last != "scale":
        factor = 1.0
    return total + current, j, factor


def _vague(tokens: list[_Token], i: int) -> tuple[Value | None, int] | None:
    """'several', 'a few', 'millions' (with an optional scale): (value or None, next index)."""
    word = _word(tokens, i)
    if word == "several":
        factor, j = _scale_words(tokens, i + 1)
        return (3 * factor, 10 * factor - 1), j
    if word == "a" and _word(tokens, i + 1) == "few":
        factor, j = _scale_words(tokens, i + 2)
        return (2 * factor, 5 * factor), j
    if word in VAGUE_PLURALS or word in VAGUE_WORDS:
        return None, i + 1
    return None


def _expression(tokens: list[_Token], i: int) -> tuple[Value | None, int] | None:
    """A quantity starting at token i, ranges included: (value, next index)."""
    if _word(tokens, i) == "between":
        low = _cardinal(tokens, i + 1)
        if low and _word(tokens, low[1]) == "and":
            high = _cardinal(tokens, low[1] + 1)
            if high:
                return _range(low, high), high[1]
    vague = _vague(tokens, i)
    if vague is not None:
        return vague
    low = _cardinal(tokens, i)
    if low is None:
        return None
    j = low[1]
    joined = _is_hyphen(tokens, j) or _word(tokens, j) == "to"
    if joined:
        high = _cardinal(tokens, j + 1)
        # "2022-12-19" is a date, not a range
        chained = high is not None and (_is_hyphen(tokens, high[1]) and high[1] + 1 < len(tokens)
                                        and tokens[high[1] + 1].kind == "number")
        if high is not None and not chained:
            value = _range(low, high)
            if isinstance(value, tuple):
                return value, high[1]
    return low[0], j


def _range(low: tuple[float, int, float], high: tuple[float, int, float]) -> Value:
    low_value, _, low_factor = low
    high_value, _, high_factor = high
    # "10 to 15 million": the scale written once applies to both ends
    if low_factor == 1.0 and high_factor > 1.0 and low_value * high_factor <= high_value:
        low_value *= high_factor
    if low_value > high_value:
        return low_value  # "2022-12" is not a range
    if low_value == high_value:
        return low_value
    return (low_value, high_value)


def _approximation(text: str, tokens: list[_Token], i: int) -> tuple[str | None, int]:
    """The qualifier ending just before token i, and the token index where it starts."""
    for phrase in APPROXIMATION_WORDS:
        words = phrase.split()
        k = i - len(words)
        if k >= 0 and all(_word(tokens, k + n) == w for n, w in enumerate(words)):
            return phrase, k
    return None, i


def find_numbers(text: str) -> list[NumberMatch]:
    """Every quantity in ``text``, left to right, with offsets and qualifier.

    A match spans the number words and any range ("10 to 15"), but not the
    qualifier before it nor the counted noun after it; the qualifier is
    given separately in ``approximation``.
    """
    tokens = _tokens(text)
    found: list[NumberMatch] = []
    i = 0
    while i < len(tokens):
        parsed = _expression(tokens, i)
        if parsed is None:
            i += 1
            continue
        value, j = parsed
        if i >= 2 and _is_hyphen(tokens, i - 1) and tokens[i - 2].kind == "number" and _adjacent(tokens, i - 1, i):
            i += 1  # the tail of a date or code such as "2022-12-19"
            continue
        start, end = tokens[i].start, tokens[j - 1].end
        if value is None and _word(tokens, i) in VAGUE_PLURALS and _word(tokens, j) != "of":
            i += 1  # "for years", "hours after": a plural without "of" is no quantity
            continue
        approximation, _ = _approximation(text, tokens, i)
        word = _word(tokens, i)
        if word in ("several", "multiple") or (word == "a" and _word(tokens, i + 1) == "few"):
            approximation = approximation or ("a few" if word == "a" else word)
        found.append(NumberMatch(start, end, text[start:end], value, approximation))
        i = j
    return found


def parse_number(text: str) -> Value | None:
    """The value of the first quantity in ``text``; None when it has none.

    >>> parse_number("some nine million people")
    9000000.0
    >>> parse_number("68-year-old")
    68.0
    >>> parse_number("10 to 15")
    (10.0, 15.0)
    """
    for match in find_numbers(text):
        return match.value
    return None


def values_equal(a: float, b: float, tolerance: float = 1e-9) -> bool:
    """True when ``a`` and ``b`` agree within a relative ``tolerance``."""
    if a == b:
        return True
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def value_in(predicted: Value | None, gold: Value | None, tolerance: float = 1e-9) -> bool:
    """True when a predicted value agrees with a gold value.

    A gold range matches any number inside it (widened by the tolerance) and
    an equal range; a predicted range matches a gold number only when both
    ends equal it. None matches nothing, not even None.
    """
    if predicted is None or gold is None:
        return False
    if isinstance(gold, tuple):
        low, high = gold
        if isinstance(predicted, tuple):
            return values_equal(predicted[0], low, tolerance) and values_equal(predicted[1], high, tolerance)
        return (low <= predicted <= high) or values_equal(predicted, low, tolerance) \
            or values_equal(predicted, high, tolerance)
    if isinstance(predicted, tuple):
        return values_equal(predicted[0], gold, tolerance) and values_equal(predicted[1], gold, tolerance)
    return values_equal(predicted, gold, tolerance)
