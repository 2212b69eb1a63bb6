"""Figures by rule: numbers in digits or words, with their qualifier and counted noun.

Numbers come from ``harness.values.find_numbers`` (digits, number words
with multipliers such as "nine million", "a dozen", ranges, vague amounts
like "several thousand", fractions, lakh and crore, temperatures, and
scorelines and votes as pairs); it already leaves out calendar dates,
years, clock times and ordinals. Numbers inside codes ("COVID-19", "F-16")
are not figures either (a dollar's country prefix, "A$" or "NZ$", is no
code: it belongs to the amount), nor number words that are part of another word or
idiom: "a two-wheeler", "a one-off", "one of the largest". The span grows to
the left over a qualifier ("nearly", "an estimated") and to the right over
the counted noun phrase ("35 attack drones", "30 of the weapons"),
"N-year-old", "%"/"percent", a temperature unit ("0.3 degrees Celsius") and
a tally word ("a 52-48 vote").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...values import APPROXIMATION_WORDS, TALLY_AFTER, Pair, Value, find_numbers
from . import lexicon as lx
from .text import Article

_STOP = frozenset("""
a an the and or but of to in on at by for with from as is are was were be been being has have had do does did will would
can could should may might must shall that which who whom whose this these those it its his her their our my your they he
she we i you than then there here not no nor so if when while after before since until over under about around into onto
more less most least also only just even still already again per each every all both other another such some any many much
said says say told added according including include includes included against between among during without within across
upon via toward towards near through up down out off away back ago later earlier now today yesterday tomorrow
""".split())
_IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child", "police": "police",
                      "personnel": "personnel", "staff": "staff", "aircraft": "aircraft", "cattle": "cattle",
                      "sheep": "sheep", "fish": "fish", "population": "person", "feet": "foot", "teeth": "tooth",
                      "crew": "crew", "mice": "mouse", "geese": "goose"}
_UNITS = frozenset(("km", "kilometres", "kilometers", "miles", "metres", "meters", "kg", "kilograms", "tonnes", "tons",
                    "percent", "hectares", "acres", "litres", "liters", "barrels", "degrees", "mph", "kph", "mw", "gw",
                    "kwh", "mwh", "gwh", "euros", "dollars", "pounds", "rubles", "roubles", "hryvnias", "yuan", "yen",
                    "points", "goals", "runs", "votes", "seats"))
_CURRENCY = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "rs": "rupee", "inr": "rupee"}
# after a number word and a hyphen, these still count something: "a two-day visit", "a one-year ban"
_MEASURE_NOUNS = frozenset(("second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century",
                            "mile", "metre", "meter", "kilometre", "kilometer", "foot", "inch", "page", "storey",
                            "story", "floor", "point", "goal", "game", "match", "set", "seat", "member", "judge",
                            "person", "man", "woman", "room", "bedroom", "lane", "step", "stage"))
# "one of the largest", "one of the few": a superlative after "one of the" names no count
_SUPERLATIVES = frozenset(("most", "best", "worst", "least", "few", "first", "last", "top", "main", "leading", "key"))
_TEMPERATURE_WORDS = re.compile(r"\s*(?:degrees?\s+)?(?:Celsius|Fahrenheit|centigrade|C\b|F\b)", re.I)
_WORD_AFTER = re.compile(r"(?:[ \-]|\s(?=[a-z]))([A-Za-z][A-Za-z'’-]*)")


_MAY_HAVE_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|trillions?|dozens?|several|multiple|few|numerous|scores|half|thirds?|quarters?|fifths?|"
    r"sixths?|sevenths?|eighths?|ninths?|tenths?|lakhs?|crores?|minus)\b", re.I)


@dataclass(frozen=True)
class FoundFigure:
    start: int
    end: int
    value: Value | None
    unit: str | None
    approximation: str | None
    measures: str | None


def _singular(word: str) -> str:
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[low]
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return low[:-1]
    return low


def _plural_like(word: str) -> bool:
    low = word.lower()
    return low in _IRREGULAR_PLURALS or low in _UNITS or (
        len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")))


# a dollar named by its country's capitals before the sign: "A$18 million", "NZ$45", "HK$2.6 million", "US$5"
_DOLLAR_PREFIX = re.compile(r"(?<![A-Za-z])[A-Z]{1,2}$")


_QUALIFIER_BEFORE = re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in APPROXIMATION_WORDS) + r")\s+$", re.I)


def currency_prefix(text: str, start: int) -> int:
    """Where an amount starting with "$" at ``start`` begins once its country prefix is counted in ("A$", "NZ$")."""
    if not text.startswith("$", start):
        return start
    prefix = _DOLLAR_PREFIX.search(text, max(0, start - 3), start)
    return prefix.start() if prefix else start


def amount_start(text: str, start: int, approximation: str | None, floor: int = 0) -> tuple[int, str | None]:
    """(where the figure of a number starting at ``start`` begins, its qualifier): the dollar's country prefix
    and a qualifier before it are counted in ("about HK$180"), looking back no further than ``floor``."""
    prefixed = currency_prefix(text, start)
    if prefixed != start and approximation is None:
        # the value parser reads the qualifier only right before the sign
        before = _QUALIFIER_BEFORE.search(text, max(floor, prefixed - 25), prefixed)
        approximation = before.group(1) if before else None
    return _qualifier_start(text, prefixed, approximation), approximation


def _in_code(text: str, start: int) -> bool:
    """Part of a name or code: "COVID-19", "Covid-19", "F-16", "G7", "Su-34" (a capitalised word before the dash)."""
    if start == 0 or currency_prefix(text, start) != start:
        return False
    before = text[start - 1]
    if before.isalnum():
        return True
    word = re.search(r"[A-Za-z]+$", text[:start - 1]) if before in "-/" else None
    return word is not None and word.group()[0].isupper()


def _word_compound(text: str, start: int, end: int) -> bool:
    """A number word that is part of another word: "a two-wheeler", "four-seaters", "a one-off", "one-sided"."""
    if not text[start:end].isalpha():
        return False  # digits: "a 42-page ruling" counts pages
    compound = re.match(r"-([A-Za-z]+)", text[end:end + 30])
    if compound is None:
        return False
    element = compound.group(1).lower()
    return _singular(element) not in _MEASURE_NOUNS


def _superlative_partitive(text: str, start: int, end: int) -> bool:
    """ "one of the largest", "one of its biggest", "one of the few": no count of one."""
    match = re.match(r"\s+of\s+(?:the|its|their|his|her|our|[A-Z]\w*'s)\s+([a-z]+)", text[end:end + 60])
    if text[start:end].lower() != "one" or match is None:
        return False
    word = match.group(1)
    return word in _SUPERLATIVES or (word.endswith("est") and len(word) > 4)


def is_no_count(text: str, start: int, end: int) -> bool:
    """A number that counts nothing: inside a code ("F-16"), a word ("a two-wheeler") or an idiom ("one of the largest")."""
    return _in_code(text, start) or _word_compound(text, start, end) or _superlative_partitive(text, start, end)


def _tally(text: str, end: int, limit: int) -> tuple[int, str | None]:
    """The tally word after a pair ("52-48 vote"): (new end, unit)."""
    match = re.match(r"\s+([a-z]+)\b", text[end:limit])
    if match and match.group(1) in TALLY_AFTER:
        return end + match.end(), _singular(match.group(1))
    return end, None


def _qualifier_start(text: str, start: int, approximation: str | None) -> int:
    if not approximation:
        return start
    window = text[max(0, start - len(approximation) - 2):start]
    index = window.lower().rfind(approximation.lower())
    if index < 0:
        return start
    return start - (len(window) - index)


def _counted_noun(text: str, end: int, limit: int, value) -> tuple[int, str | None, str | None]:
    """(new end, unit, measures) for the noun phrase after a number ending at ``end``."""
    if text.startswith("-year-old", end) or text.startswith(" year old", end):
        return end + 9, "year", "age"
    if text.startswith("%", end):
        return end + 1, "percent", None
    compound = re.match(r"-([a-z]{3,})\b(?!-)", text[end:end + 30])
    if compound and compound.group(1) not in _STOP:
        return end + compound.end(), _singular(compound.group(1)), compound.group(1)  # "a 42-page ruling"
    for word in (" percent", " per cent", " percentage points"):
        if text.startswith(word, end):
            return end + len(word), "percent", None
    cursor = end
    taken: list[tuple[int, str]] = []
    of_phrase = False
    for _ in range(5):
        match = _WORD_AFTER.match(text, cursor, limit)
        if match is None:
            break
        word = match.group(1)
        low = word.lower()
        if low == "of" and not taken and not of_phrase:
            of_phrase = True
            cursor = match.end()
            nxt = _WORD_AFTER.match(text, cursor, limit)
            if nxt and nxt.group(1).lower() in ("the", "its", "their", "his", "her", "these", "those", "our"):
                cursor = nxt.end()
            continue
        if low in _STOP or word in lx.NOT_NAMES and word[0].isupper():
            break
        taken.append((match.end(), word))
        cursor = match.end()
        if _plural_like(word) or (value == 1 and len(taken) == 1 and not of_phrase and not word[0].isupper()):
            noun = re.sub(r"^.*-", "", word)
            return match.end(), _singular(noun), " ".join(w for _, w in taken)
        if len(taken) >= 3:
            break
    share = isinstance(value, float) and 0 < value < 1
    while taken and taken[-1][1].lower().endswith(("'s", "’s")):
        taken.pop()  # "half of the state's 38 districts": the owner is not the whole
    if share and of_phrase and taken:
        # a share of a whole, singular or plural: "a fifth of the harvest", "half of the annual budget"
        noun = re.sub(r"^.*-", "", taken[-1][1])
        return taken[-1][0], _singular(noun), " ".join(w for _, w in taken)
    return end, None, None


def find_figures(article: Article) -> list[FoundFigure]:
    """Every figure in the body sentences of ``article``."""
    text = article.text
    found = []
    for s_start, s_end in article.sentences:
        sentence = text[s_start:s_end]
        if not _MAY_HAVE_NUMBER.search(sentence):
            continue
        for number in find_numbers(sentence):
            start, end = s_start + number.start, s_start + number.end
            if is_no_count(text, start, end):
                continue
            if text[max(s_start, start - 9):start].lower().endswith("not a ") or number.text.lower() == "single":
                continue  # "not a single ..." means none
            if isinstance(number.value, Pair):
                new_end, unit = _tally(text, end, s_end)
                measures = "vote" if unit == "vote" else "score"
            elif number.unit in ("°C", "°F"):
                words = _TEMPERATURE_WORDS.match(text, end, s_end)
                new_end, unit, measures = (words.end() if words else end), number.unit, "temperature"
            else:
                new_end, unit, measures = _counted_noun(text, end, s_end, number.value)
                unit = unit or number.unit
            if number.text.lower() == "one" and unit is None:
                continue  # "one of", "no one": a pronoun, not a count
            head = number.text.split()[0].lower()
            for currency, name in _CURRENCY.items():
                if head.startswith(currency):
                    unit = name
            begin, approximation = amount_start(text, start, number.approximation, s_start)
            found.append(FoundFigure(begin, new_end, number.value, unit, approximation, measures))
    return found
