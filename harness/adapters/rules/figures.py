"""Figures by rule: numbers in digits or words, with their qualifier and counted noun.

Numbers come from ``harness.values.find_numbers`` (digits, number words
with multipliers such as "nine million", "a dozen", ranges, vague amounts
like "several thousand"). Calendar dates, years, clock times, ordinals and
numbers inside codes ("COVID-19", "F-16") are not figures. The span grows
to the left over a qualifier ("nearly", "an estimated") and to the right
over the counted noun phrase ("35 attack drones", "30 of the weapons"),
"N-year-old", "%"/"percent" and currency words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_CURRENCY = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
_MONTH_WORDS = frozenset([*lx.MONTHS, *lx.MONTH_ABBREVIATIONS, *(m + "." for m in lx.MONTH_ABBREVIATIONS)])
_WORD_AFTER = re.compile(r"(?:[ \-]|\s(?=[a-z]))([A-Za-z][A-Za-z'’-]*)")


_MAY_HAVE_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|trillions?|dozens?|several|multiple|few|numerous|scores)\b", re.I)


@dataclass(frozen=True)
class FoundFigure:
    start: int
    end: int
    value: float | tuple[float, float] | None
    unit: str | None
    approximation: str | None
    measures: str | None


def _find_numbers(text: str):
    from ...values import find_numbers

    return find_numbers(text)


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


def _is_calendar(text: str, start: int, end: int) -> bool:
    """A year, a day of a month, or a clock time."""
    number = text[start:end]
    before = text[max(0, start - 12):start].split()
    after = text[end:end + 12].split()
    prev = before[-1] if before else ""
    nxt = after[0].strip(",.") if after else ""
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", number) and not (nxt and _plural_like(nxt) and nxt not in ("years", "s")):
        return True
    if prev.strip(",") in _MONTH_WORDS or nxt in _MONTH_WORDS or text[end:end + 2] in ("th", "st", "nd", "rd"):
        return True
    if re.match(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|hrs\b)|:\d", text[end:end + 6]):
        return True
    return False


def _in_code(text: str, start: int) -> bool:
    """Part of a name or code: "COVID-19", "F-16", "G7", "Su-34"."""
    if start == 0:
        return False
    before = text[start - 1]
    if before.isalnum():
        return True
    return before in "-/" and start >= 2 and text[start - 2].isalpha() and text[start - 2].isupper()


def _scoreline(text: str, start: int, limit: int) -> bool:
    """A score or a tally written "3-1" with no counted noun after it (a range counts something: "3-5 days")."""
    match = re.match(r"\d{1,3}[-–]\d{1,3}\b", text[start:limit])
    if match is None:
        return False
    after = re.match(r"\s+([A-Za-z]+)", text[start + match.end():limit])
    return after is None or after.group(1).lower() in _STOP


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
    return end, None, None


def find_figures(article: Article) -> list[FoundFigure]:
    """Every figure in the body sentences of ``article``."""
    text = article.text
    found = []
    for s_start, s_end in article.sentences:
        sentence = text[s_start:s_end]
        if not _MAY_HAVE_NUMBER.search(sentence):
            continue
        for number in _find_numbers(sentence):
            start, end = s_start + number.start, s_start + number.end
            if _in_code(text, start) or _is_calendar(text, start, end) or _scoreline(text, start, s_end):
                continue
            if text[max(s_start, start - 9):start].lower().endswith("not a ") or number.text.lower() == "single":
                continue  # "not a single ..." means none
            new_end, unit, measures = _counted_noun(text, end, s_end, number.value)
            if number.text.lower() == "one" and unit is None:
                continue  # "one of", "no one": a pronoun, not a count
            head = text[start:start + 1]
            if head in _CURRENCY:
                unit = _CURRENCY[head]
            begin = _qualifier_start(text, start, number.approximation)
            found.append(FoundFigure(begin, new_end, number.value, unit, number.approximation, measures))
    return found
