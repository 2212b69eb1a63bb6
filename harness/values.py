"""Numbers written in news text, read as values.

``parse_number`` reads one quantity ("nine million", "14,000", "a dozen",
"40 million", "68-year-old", "10 to 15", "two-thirds", "2-0") and returns a
float, a ``(low, high)`` range, a ``Pair`` (a scoreline or a vote), or None.
``find_numbers`` finds every quantity in a text with its offsets, its
qualifier ("nearly", "some", "an estimated") and a unit the number carries
itself ("22C" -> "°C"), for extractors that look for figures.

The rules, each with its reason (docs/scoring.md has the table):

* signs: "-5", "−3.2%" (the minus sign U+2212) and "minus 4" are negative; "down
  4" is a change of −4 when it reads as one (after a form of "be", "closed" or
  "ended", at the start, or before "%"/"percent"/"points"), not in "shot down
  4 drones";
* scales: "million", "bn", "1.5m people", "£45m", "$1.2bn", "300k", and the
  Indian "lakh" (1e5) and "crore" (1e7), "Rs 4,500 crore" = 4.5e10. A bare
  "40m" has no value: "m" is the metre as well as the newsroom million, and
  only money ("£40m") or a counted plural ("40m people") says which ("40m
  tall" is metres);
* halves and fractions: "one and a half million", "two and a half", "half",
  "a quarter", "two-thirds", "a fifth", "one in five", "three out of four". A
  singular fraction ("a third") is one only before "of", after "by" or a
  qualifier, or alone, since "a third term" and "added a third" are ordinals;
* temperatures: "22C", "22°C", "0.3 degrees Celsius" give the number with unit
  "°C" ("°F" likewise);
* pairs: "2-0", "52-48" are a ``Pair`` in the order written: a dash between
  two whole numbers where the first is not smaller ("3-5 days" is a range),
  or any order next to a tally word ("a 2-3 defeat", "voted 48-52");
* not quantities: dates ("2022-12-19", "19 December"), clock times ("19:30",
  "7pm"), years ("in 1994": a whole number 1500-2099 not followed by a
  counted plural or "%"), ordinals ("first", "3rd").

Vague amounts follow the gold guidelines:

* "several" is ``(3, 9)``; "several thousand" is ``(3000, 9999)``;
* "a few" is ``(2, 5)`` (times the scale, as for "several");
* "multiple", "dozens", "hundreds", "thousands", "millions" (a bare plural)
  have no value: only a lower bound is implied, so the value is None;
* qualifiers such as "nearly" or "more than" do not change the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "APPROXIMATION_WORDS",
    "NumberMatch",
    "Pair",
    "Value",
    "find_numbers",
    "parse_number",
    "value_from_json",
    "value_in",
    "value_to_json",
    "values_equal",
]


@dataclass(frozen=True)
class Pair:
    """Two numbers written as one, in the order written: a scoreline "2-0", a vote "52-48".

    Not a range: "52-48" says 52 and 48, not a value between them. In JSON
    it is ``{"pair": [52, 48]}``.
    """

    first: float
    second: float


Value = float | tuple[float, float] | Pair

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
# close a group ("nine million", "forty thousand", "4,500 crore")
LARGE_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
# written straight after digits: "1.5bn", "40mn", "300k"
SUFFIX_SCALES = {"bn": 1e9, "mn": 1e6, "tn": 1e12, "b": 1e9, "m": 1e6, "k": 1e3}
# units written straight after digits that leave the number as it is: "5km", "40kg"
MEASURE_SUFFIXES = frozenset(("km", "kg", "cm", "mm", "ml", "mg", "kph", "mph", "kmh", "ft", "lb", "lbs", "mw",
                              "gw", "kw", "kwh", "mwh", "gwh", "twh", "ha"))
TEMPERATURE_SUFFIXES = {"C": "°C", "F": "°F"}
TEMPERATURE_WORDS = {"celsius": "°C", "centigrade": "°C", "fahrenheit": "°F"}
# a bare plural gives only a lower bound, hence no value
VAGUE_PLURALS = ("dozens", "hundreds", "thousands", "millions", "billions", "trillions", "scores")
VAGUE_WORDS = ("multiple", "numerous")
CURRENCY = "$€£¥₹"
CURRENCY_WORDS = ("rs", "inr")  # "Rs 4,500 crore"
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
MONTH_NAMES = frozenset((
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"))
# next to "2-0" or "48-52" these make a pair of any order a tally, not a range
TALLY_BEFORE = frozenset(("won", "win", "wins", "lost", "lose", "beat", "beats", "drew", "draw", "tied", "trail",
                          "trailed", "trailing", "led", "lead", "leads", "leading", "voted", "vote", "score",
                          "scoreline", "defeated", "edged", "thrashed", "routed"))
TALLY_AFTER = frozenset(("win", "victory", "defeat", "loss", "draw", "vote", "votes", "decision", "ruling",
                         "majority", "margin", "lead", "scoreline", "result", "verdict", "split", "tie", "aggregate",
                         "home", "away", "thrashing", "rout"))
_BE_FORMS = frozenset(("is", "are", "was", "were", "be", "been", "being", "closed", "ended", "finished", "s"))
_CHANGE_UNITS = ("%", "percent", "per cent", "points", "percentage points", "pts")
# "in 10 minutes": a ratio's denominator is not followed by a unit of time or distance
_NOT_RATIO = frozenset(("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                        "month", "months", "year", "years", "game", "games", "match", "matches", "mile", "miles",
                        "km", "metres", "meters", "row"))
_METRE_CONTEXT = frozenset(("tall", "high", "long", "deep", "wide", "away", "above", "below"))

# qualifier words that mark a figure as approximate or bounded, longest first
APPROXIMATION_WORDS: tuple[str, ...] = (
    "an estimated", "more than", "fewer than", "less than", "at least", "at most", "up to",
    "upwards of", "as many as", "as few as", "close to", "just over", "just under",
    "nearly", "almost", "around", "about", "approximately", "roughly", "some", "over",
    "under", "estimated",
)

VULGAR_FRACTIONS = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 1 / 5, "⅛": 1 / 8}
_TOKEN = re.compile(
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|\.\d+|(?=[½¼¾⅓⅔⅕⅛]))"
    r"(?P<vulgar>[½¼¾⅓⅔⅕⅛])?"
    r"(?P<glued>\s?[°º]\s?[CF]?(?![A-Za-z])|[A-Za-z]+)?"
    r"|(?P<word>[A-Za-z]+)"
    r"|(?P<symbol>[-\u2010-\u2015\u2212/%:" + re.escape(CURRENCY) + r"])",
)
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CLOCK_AFTER = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|BST\b|CET\b|hrs\b|ET\b|EST\b|PST\b)|:\d")


@dataclass(frozen=True)
class _Token:
    kind: str  # number | word | symbol | ordinal | clock | other (digits glued to letters that are no unit)
    text: str
    start: int
    end: int
    number: float | None = None
    suffix: str | None = None  # a scale suffix: "m", "bn", "k"
    unit: str | None = None  # a unit glued to the digits: "°C", "km"
    plain: bool = False  # digits only: no comma, no decimal point, nothing glued


@dataclass(frozen=True)
class _Reading:
    value: Value | None
    end: int  # index of the token after the quantity
    factor: float = 1.0  # the trailing scale ("10 to 15 million" applies it to both ends)
    unit: str | None = None


@dataclass(frozen=True)
class NumberMatch:
    """One quantity found in a text.

    ``value`` is a float, a ``(low, high)`` range, a ``Pair``, or None for a
    vague amount ("millions of", "multiple") or an ambiguous one ("40m");
    ``approximation`` is the qualifier before it ("nearly", "an estimated"),
    lowercased, or None; ``unit`` is a unit the number itself says ("°C"
    for "22C" or "0.3 degrees Celsius"), else None.
    """

    start: int
    end: int
    text: str
    value: Value | None
    approximation: str | None = None
    unit: str | None = None


def _number_token(match: re.Match) -> _Token:
    digits = match.group("number")
    glued = match.group("glued")
    start, end = match.start(), match.end()
    number = float(digits.replace(",", "") or 0) + VULGAR_FRACTIONS.get(match.group("vulgar") or "", 0)
    if glued is None:
        return _Token("number", match.group(0), start, end, number, plain=digits.isdigit() and not match.group("vulgar"))
    letters = glued.strip()
    low = letters.lower()
    if letters[0] in "°º":
        unit = TEMPERATURE_SUFFIXES.get(letters[-1], "degree")
        return _Token("number", match.group(0), start, end, number, unit=unit)
    if low in ("st", "nd", "rd", "th"):
        return _Token("ordinal", match.group(0), start, end)
    if low in ("am", "pm", "h", "hrs", "gmt", "utc"):
        return _Token("clock", match.group(0), start, end)
    if low in SUFFIX_SCALES:
        return _Token("number", match.group(0), start, end, number, suffix=low)
    if letters in TEMPERATURE_SUFFIXES:
        return _Token("number", match.group(0), start, end, number, unit=TEMPERATURE_SUFFIXES[letters])
    if low in MEASURE_SUFFIXES:
        return _Token("number", match.group(0), start, end, number, unit=low)
    return _Token("other", match.group(0), start, end)


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        if match.group(0) == "":
            continue
        if match.group("number") is not None:
            tokens.append(_number_token(match))
        elif match.group("word") is not None:
            tokens.append(_Token("word", match.group(0).lower(), match.start(), match.end()))
        else:
            tokens.append(_Token("symbol", match.group(0), match.start(), match.end()))
    return tokens


def _word(tokens: list[_Token], i: int) -> str | None:
    return tokens[i].text if 0 <= i < len(tokens) and tokens[i].kind == "word" else None


def _symbol(tokens: list[_Token], i: int) -> str | None:
    return tokens[i].text if 0 <= i < len(tokens) and tokens[i].kind == "symbol" else None


def _is_hyphen(tokens: list[_Token], i: int) -> bool:
    return (_symbol(tokens, i) or "x") in _DASHES


def _adjacent(tokens: list[_Token], i: int, j: int) -> bool:
    """True when tokens i and j are separated by nothing (hyphenated words)."""
    return 0 <= i < len(tokens) and 0 <= j < len(tokens) and tokens[i].end == tokens[j].start


def _scale_words(tokens: list[_Token], i: int) -> tuple[float, int]:
    """Multiply by scale words starting at i ("million", "hundred thousand", "lakh crore"); (factor, next index)."""
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


def _and_a_half(tokens: list[_Token], i: int) -> int:
    """How many tokens "and a half" (or "-and-a-half") takes from token i; 0 when it is not there."""
    words, k = [], i
    while len(words) < 3 and k < len(tokens):
        if _is_hyphen(tokens, k) and _adjacent(tokens, k - 1, k) and _adjacent(tokens, k, k + 1):
            k += 1
            continue
        words.append(_word(tokens, k))
        k += 1
    return k - i if words == ["and", "a", "half"] else 0


def _looks_counted(word: str | None) -> bool:
    """A plural noun that could be what a number counts ("people", "users")."""
    if word is None:
        return False
    return word in ("people", "men", "women", "children", "staff", "personnel") or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _sign(tokens: list[_Token], i: int) -> tuple[float, int]:
    """(-1, i + 1) for a minus written before token i + 1 ("-5", "−3.2", "minus 4"), else (1, i)."""
    symbol = _symbol(tokens, i)
    if symbol is not None and symbol in _DASHES and _adjacent(tokens, i, i + 1) \
            and (symbol == "\u2212" or not _adjacent(tokens, i - 1, i)):
        return -1.0, i + 1  # "10-15" is a range, " -5" a negative
    if _word(tokens, i) == "minus":
        return -1.0, i + 1
    return 1.0, i


def _cardinal(tokens: list[_Token], i: int) -> _Reading | None:
    """A cardinal number starting at token i, with its sign, currency and scale."""
    sign, i = _sign(tokens, i)
    if i >= len(tokens):
        return None
    token = tokens[i]
    currency = (token.kind == "symbol" and token.text in CURRENCY) or _word(tokens, i) in CURRENCY_WORDS
    if currency:
        i += 1
        if i >= len(tokens):
            return None
        token = tokens[i]
    if token.kind != "number":
        reading = _word_cardinal(tokens, i)
        if reading is None or (sign < 0 and reading.value is None):
            return reading
        return _Reading(sign * reading.value, reading.end, reading.factor) if sign < 0 else reading
    value = token.number
    factor = 1.0
    if token.suffix:
        after = _word(tokens, i + 1)
        # "m" is both the metre and the newsroom million: only money or a counted plural says million
        if token.suffix in ("m", "b") and not currency and not _looks_counted(after):
            if after in _METRE_CONTEXT and token.suffix == "m":
                return _Reading(sign * value, i + 1, 1.0, "m")
            return _Reading(None, i + 1)
        factor = SUFFIX_SCALES[token.suffix]
    j = i + 1
    if _and_a_half(tokens, j):
        value, j = value + 0.5, j + _and_a_half(tokens, j)
    more, j = _scale_words(tokens, j)
    factor *= more
    unit = token.unit or _temperature_words(tokens, j)
    return _Reading(sign * value * factor, j, factor, unit)


def _temperature_words(tokens: list[_Token], i: int) -> str | None:
    """ "°C" for "degrees Celsius" or "degrees C" after a number, "°F" likewise."""
    if _word(tokens, i) not in ("degree", "degrees"):
        return None
    word = _word(tokens, i + 1)
    if word in TEMPERATURE_WORDS:
        return TEMPERATURE_WORDS[word]
    if word in ("c", "f"):
        return "°" + word.upper()
    return None


def _word_cardinal(tokens: list[_Token], i: int) -> _Reading | None:
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
            return _Reading(0.5 * scale, j + 3, scale)
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
        elif (word == "and" or _is_hyphen(tokens, j)) and last in ("unit", "ten") and _and_a_half(tokens, j):
            current += 0.5  # "two and a half", "one and a half million", "one-and-a-half"
            last = "unit"
            j += _and_a_half(tokens, j)
            continue
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
    return _Reading(total + current, j, factor, _temperature_words(tokens, j))


def _fraction(tokens: list[_Token], i: int) -> _Reading | None:
    """ "half", "a quarter", "two-thirds", "a fifth of", "a quarter of a million"."""
    word = _word(tokens, i)
    if word in ("a", "an") and _word(tokens, i - 1) == "and" and _word(tokens, i + 1) == "half":
        return None  # "an hour and a half": the half belongs to what came before
    if word == "half":
        previous = _word(tokens, i - 1)
        if previous in ("the", "a", "first", "second", "other", "better", "one", "and") or _is_hyphen(tokens, i + 1) \
                or _word(tokens, i + 1) in ("past", "time"):
            return None  # "the second half", "half-time", "half past seven"
        return _scaled_fraction(tokens, 0.5, i + 1)
    if word not in ("a", "an") and word not in UNITS:
        return None
    numerator = 1.0 if word in ("a", "an") else UNITS[word]
    k = i + 1
    if _is_hyphen(tokens, k) and _adjacent(tokens, i, k) and _adjacent(tokens, k, k + 1):
        k += 1  # "two-thirds"
    denominator = _word(tokens, k)
    if denominator not in DENOMINATORS:
        return None
    if denominator in ("half", "halves") or not denominator.endswith("s"):
        # singular: "a fifth", "one third"; only a numerator of one, and not an ordinal ("a third term")
        if numerator != 1 or not _fraction_context(tokens, i, k + 1):
            return None
    elif numerator < 2:
        return None
    return _scaled_fraction(tokens, numerator / DENOMINATORS[denominator], k + 1)


def _fraction_context(tokens: list[_Token], i: int, after: int) -> bool:
    """A singular fraction reads as one before "of", after "by" or a qualifier, or alone."""
    if after >= len(tokens) or _word(tokens, after) == "of":
        return True
    previous = _word(tokens, i - 1)
    return previous == "by" or any(phrase.split()[-1] == previous for phrase in APPROXIMATION_WORDS)


def _scaled_fraction(tokens: list[_Token], value: float, j: int) -> _Reading:
    # "a quarter of a million", "two-thirds of a billion", "half a dozen"
    k = j + 1 if _word(tokens, j) == "of" else j
    scales = {**SMALL_SCALES, **LARGE_SCALES}
    if _word(tokens, k) in ("a", "an") and _word(tokens, k + 1) in scales:
        scale = scales[_word(tokens, k + 1)]
        return _Reading(value * scale, k + 2, scale)
    return _Reading(value, j)


def _ratio(tokens: list[_Token], low: _Reading) -> _Reading | None:
    """ "one in five", "three out of four", "9 in 10": the share as a fraction."""
    j = low.end
    if _word(tokens, j) == "in":
        k = j + 1
    elif _word(tokens, j) == "out" and _word(tokens, j + 1) == "of":
        k = j + 2
    else:
        return None
    if k >= len(tokens) or tokens[k].kind not in ("number", "word") or _is_year(tokens, k):
        return None
    high = _cardinal(tokens, k)
    if high is None or not isinstance(high.value, float) or not isinstance(low.value, float):
        return None
    if not 0 < low.value <= high.value or _word(tokens, high.end) in _NOT_RATIO or high.factor != 1.0:
        return None
    return _Reading(low.value / high.value, high.end)


def _vague(tokens: list[_Token], i: int) -> _Reading | None:
    """'several', 'a few', 'millions' (with an optional scale)."""
    word = _word(tokens, i)
    if word == "several":
        factor, j = _scale_words(tokens, i + 1)
        return _Reading((3 * factor, 10 * factor - 1), j)
    if word == "a" and _word(tokens, i + 1) == "few":
        factor, j = _scale_words(tokens, i + 2)
        return _Reading((2 * factor, 5 * factor), j)
    if word in VAGUE_PLURALS or word in VAGUE_WORDS:
        return _Reading(None, i + 1)
    return None


def _pair(tokens: list[_Token], i: int, low: _Reading, high: _Reading) -> Pair | None:
    """ "2-0", "52-48": two plain whole numbers joined by a dash, read as a tally (see the module docstring)."""
    dash = low.end
    if not (tokens[i].kind == "number" and tokens[i].plain and tokens[dash + 1].kind == "number"
            and tokens[dash + 1].plain and high.end == dash + 2 and low.end == i + 1):
        return None
    first, second = low.value, high.value
    tally = _word(tokens, i - 1) in TALLY_BEFORE or _word(tokens, high.end) in TALLY_AFTER \
        or (_word(tokens, i - 1) in ("a", "an") and _word(tokens, high.end + 1) in TALLY_AFTER)
    if first >= second or tally:
        return Pair(first, second)
    return None


def _expression(tokens: list[_Token], i: int) -> _Reading | None:
    """A quantity starting at token i, ranges, fractions and pairs included."""
    if _word(tokens, i) == "between":
        low = _cardinal(tokens, i + 1)
        if low and _word(tokens, low.end) == "and":
            high = _cardinal(tokens, low.end + 1)
            if high and low.value is not None and high.value is not None:
                return _Reading(_range(low, high), high.end)
    vague = _vague(tokens, i)
    if vague is not None:
        return vague
    fraction = _fraction(tokens, i)
    if fraction is not None:
        return fraction
    low = _cardinal(tokens, i)
    if low is None or low.value is None:
        return low
    ratio = _ratio(tokens, low)
    if ratio is not None:
        return ratio
    j = low.end
    joined = _is_hyphen(tokens, j) or _word(tokens, j) == "to"
    if joined:
        high = _cardinal(tokens, j + 1)
        # "2022-12-19" is a date, not a range
        chained = high is not None and (_is_hyphen(tokens, high.end) and high.end + 1 < len(tokens)
                                        and tokens[high.end + 1].kind == "number")
        if high is not None and high.value is not None and not chained:
            pair = _pair(tokens, i, low, high) if _is_hyphen(tokens, j) else None
            if pair is not None:
                return _Reading(pair, high.end)
            value = _range(low, high)
            if isinstance(value, tuple):
                return _Reading(value, high.end, unit=high.unit or low.unit)
    return low


def _range(low: _Reading, high: _Reading) -> Value:
    low_value, low_factor = low.value, low.factor
    high_value, high_factor = high.value, high.factor
    # "10 to 15 million": the scale written once applies to both ends
    if low_factor == 1.0 and high_factor > 1.0 and low_value * high_factor <= high_value:
        low_value *= high_factor
    if low_value > high_value:
        return low_value  # "2022-12" is not a range
    if low_value == high_value:
        return low_value
    return (low_value, high_value)


def _approximation(tokens: list[_Token], i: int) -> str | None:
    """The qualifier ending just before token i."""
    for phrase in APPROXIMATION_WORDS:
        words = phrase.split()
        k = i - len(words)
        if k >= 0 and all(_word(tokens, k + n) == w for n, w in enumerate(words)):
            return phrase
    return None


def _is_year(tokens: list[_Token], i: int) -> bool:
    """A whole number 1500-2099 used as a year: "in 1994", "2022-12-19"; not "1994 people" or "2000%"."""
    token = tokens[i]
    if token.kind != "number" or not token.plain or len(token.text) != 4 or not 1500 <= token.number <= 2099:
        return False
    before = _symbol(tokens, i - 1)
    if before is not None and before in CURRENCY and _adjacent(tokens, i - 1, i):
        return False
    after = _word(tokens, i + 1)
    if _symbol(tokens, i + 1) == "%" or after in LARGE_SCALES or after in SMALL_SCALES:
        return False
    return not _looks_counted(after)


def _calendar_end(text: str, tokens: list[_Token], i: int) -> int | None:
    """When token i starts a date, clock time or year, the index of the token after it; else None."""
    token = tokens[i]
    if token.kind == "clock":
        return i + 1
    if token.kind != "number":
        return None
    j = i + 1
    # "2022-12-19", "19/12/2022": three numbers joined by the same separator, nothing between
    separator = _symbol(tokens, j)
    if separator is not None and (separator in _DASHES or separator == "/") and j + 3 < len(tokens) \
            and _symbol(tokens, j + 2) == separator and tokens[j + 1].kind == tokens[j + 3].kind == "number" \
            and all(_adjacent(tokens, k, k + 1) for k in range(i, j + 3)):
        return j + 4
    if _CLOCK_AFTER.match(text, token.end):
        while j + 1 < len(tokens) and _symbol(tokens, j) == ":" and tokens[j + 1].kind == "number":
            j += 2  # "19:30", "10:30:15"
        return j
    if _is_year(tokens, i):
        return j
    if not (token.plain and 1 <= token.number <= 31):
        return None
    previous = text[:token.start].rstrip().rstrip(",.").rsplit(None, 1)
    following = text[token.end:].lstrip().split(None, 1)
    if (previous and previous[-1] in MONTH_NAMES) or (following and following[0].rstrip(",.") in MONTH_NAMES):
        return j  # "Dec. 19", "19 December"; "in March 40 people" is a count
    return None


def _is_change(text: str, tokens: list[_Token], i: int, end: int) -> bool:
    """ "down" before token i reads as a change: "shares were down 4%", not "shot down 4 drones"."""
    if _word(tokens, i - 1) != "down":
        return False
    before = _word(tokens, i - 2)
    if i - 2 < 0 or before is None or before in _BE_FORMS:
        return True
    return text[end:].lstrip().lower().startswith(_CHANGE_UNITS)


def find_numbers(text: str) -> list[NumberMatch]:
    """Every quantity in ``text``, left to right, with offsets, qualifier and unit.

    A match spans the number words, any sign ("minus", "down" as a change)
    and any range ("10 to 15"), but not the qualifier before it nor the
    counted noun after it; the qualifier is given separately in
    ``approximation``. Dates, clock times and years are skipped.
    """
    tokens = _tokens(text)
    found: list[NumberMatch] = []
    i = 0
    while i < len(tokens):
        calendar = _calendar_end(text, tokens, i)
        if calendar is not None:
            i = calendar
            continue
        parsed = _expression(tokens, i)
        if parsed is None:
            i += 1
            continue
        value, j = parsed.value, parsed.end
        if i >= 2 and _is_hyphen(tokens, i - 1) and tokens[i - 2].kind == "number" and _adjacent(tokens, i - 1, i):
            i += 1  # the tail of a date or code such as "2022-12-19"
            continue
        start, end = tokens[i].start, tokens[j - 1].end
        if value is None and _word(tokens, i) in VAGUE_PLURALS and _word(tokens, j) != "of":
            i += 1  # "for years", "hours after": a plural without "of" is no quantity
            continue
        if isinstance(value, float) and value > 0 and _is_change(text, tokens, i, end):
            value, start = -value, tokens[i - 1].start
            approximation = None
        else:
            approximation = _approximation(tokens, i)
        word = _word(tokens, i)
        if word in ("several", "multiple") or (word == "a" and _word(tokens, i + 1) == "few"):
            approximation = approximation or ("a few" if word == "a" else word)
        found.append(NumberMatch(start, end, text[start:end], value, approximation, parsed.unit))
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
    >>> parse_number("won 2-0")
    Pair(first=2.0, second=0.0)
    """
    for match in find_numbers(text):
        return match.value
    return None


def values_equal(value: float, reference: float, tolerance: float = 1e-9) -> bool:
    """True when ``value`` is within a ``tolerance`` relative to ``reference``: |reference − value| ≤ tolerance·|reference|.

    Relative to the reference (the gold value), so that 179 and 221 are
    alike around a gold 200 at tolerance 0.1; a reference of 0 needs 0.
    """
    if value == reference:
        return True
    return abs(reference - value) <= tolerance * abs(reference)


def value_in(predicted: Value | None, gold: Value | None, tolerance: float = 1e-9) -> bool:
    """True when a predicted value agrees with a gold value, the tolerance relative to the gold value.

    A gold range matches any number inside it (widened by the tolerance at
    each end) and an equal range; a predicted range matches a gold number
    only when both ends equal it; a ``Pair`` matches only a pair equal in
    both places and order. None matches nothing, not even None.
    """
    if predicted is None or gold is None:
        return False
    if isinstance(gold, Pair) or isinstance(predicted, Pair):
        return isinstance(gold, Pair) and isinstance(predicted, Pair) \
            and values_equal(predicted.first, gold.first, tolerance) \
            and values_equal(predicted.second, gold.second, tolerance)
    if isinstance(gold, tuple):
        low, high = gold
        if isinstance(predicted, tuple):
            return values_equal(predicted[0], low, tolerance) and values_equal(predicted[1], high, tolerance)
        return (low <= predicted <= high) or values_equal(predicted, low, tolerance) \
            or values_equal(predicted, high, tolerance)
    if isinstance(predicted, tuple):
        return values_equal(predicted[0], gold, tolerance) and values_equal(predicted[1], gold, tolerance)
    return values_equal(predicted, gold, tolerance)


def value_from_json(raw: Any) -> Any:
    """A figure value as stored in JSON: a list is a range, ``{"pair": [a, b]}`` a ``Pair``."""
    if isinstance(raw, list):
        return tuple(raw)
    if isinstance(raw, dict) and isinstance(raw.get("pair"), list) and len(raw["pair"]) == 2:
        return Pair(*raw["pair"])
    return raw


def value_to_json(value: Any) -> Any:
    """The JSON form of a figure value (the inverse of ``value_from_json``)."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Pair):
        return {"pair": [value.first, value.second]}
    return value
