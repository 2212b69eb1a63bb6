"""Entity mentions by rule: capitalised-word runs classified with generic lexicons, plus dates and times.

A run of capitalised words is cut at titles ("President"), a leading "The",
a possessive "'s" and hyphenated compounds ("US-made" gives "US"). Each run
is then classified: a country, city or region by the gazetteer; a demonym
as NORP; an organisation by its first or last word ("Ministry of ...",
"... Bank"); a place by a following head noun ("... region", "... River");
otherwise a person when a title or role noun stands before it or it has two
to four name-like words. A single unknown word becomes a person when it is
the surname of a person already found, a place after "in"/"near"/"from".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from .text import WORD, Article

_DATE_PATTERNS = [re.compile(p) for p in (
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,? (?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}(?:, \d{4})?)?",
    r"\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|April|June|July|August|September|October|November|December|May(?= \d))(?: \d{1,2}(?:st|nd|rd|th)?)?(?:,? \d{4})?\b",
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{4})?\b",
    r"\b(?:early|late|mid)[- ](?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}s?)\b",
    r"\b(?:last|next|this|past|coming|previous) (?:week|weekend|month|year|summer|winter|spring|autumn|fall|decade|century|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    r"\b(?:yesterday|today|tomorrow)\b",
    r"\b(?:earlier|later) this (?:week|month|year)\b",
    r"\b(?:recent|coming|past) (?:days|weeks|months|years)\b",
    r"\b(?:(?:nearly|almost|about|around|more than|over) )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)(?:-| )(?:days?|weeks?|months?|years?|decades?)(?: ago)?\b",
    r"(?:(?<=\bin )|(?<=\bIn )|(?<=\bsince )|(?<=\bSince )|(?<=\bby )|(?<=\buntil )|(?<=\bfrom )|(?<=\bof )|(?<=\bduring ))(?:the )?(?:19|20)\d{2}s?\b",
)]
_TIME_PATTERNS = [re.compile(p) for p in (
    r"\b\d{1,2}(?::\d{2})? ?(?:a\.m\.|p\.m\.|am\b|pm\b)",
    r"\b\d{1,2}:\d{2}\b",
    r"\b(?:midnight|noon|overnight|late-night)\b",
    r"\b(?:this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|tomorrow|that) (?:morning|afternoon|evening|night)\b",
    r"\b(?:hours|minutes) (?:later|earlier|before|after)\b",
)]

# one alternation per type: a single pass over each line is much faster than one per pattern
_TIME = re.compile("|".join(f"(?:{p.pattern})" for p in _TIME_PATTERNS))
_DATE = re.compile("|".join(f"(?:{p.pattern})" for p in _DATE_PATTERNS))
_PERSON_TITLES = frozenset(lx.TITLES)
_LOCATION_PREPOSITIONS = frozenset(("in", "near", "from", "outside", "across", "to", "into", "toward", "towards",
                                    "at", "via", "through", "around", "inside"))


@dataclass(frozen=True)
class Mention:
    """One predicted mention."""

    start: int
    end: int
    text: str
    type: str
    form: str = "name"
    canonical: str | None = None


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _strip_period(text: str, token: str) -> str:
    """Drop a sentence period from a token, keeping it for initials and abbreviations ("J.", "U.S.", "St.")."""
    if not token.endswith("."):
        return token
    core = token[:-1]
    if len(core) == 1 or "." in core or core.lower() in ("st", "gen", "dr", "mr", "mrs", "ms", "sen", "rep", "lt",
                                                          "col", "capt", "sgt", "adm", "jr", "sr", "inc", "corp", "co"):
        return token
    return core


def _runs(text: str, start: int, end: int) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised tokens (with connectors between them) inside ``text[start:end]``."""
    tokens = []
    for match in WORD.finditer(text, start, end):
        token = _strip_period(text, match.group())
        tokens.append((match.start(), match.start() + len(token), token))
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # connectors waiting for a capitalised word
    for i, (s, e, token) in enumerate(tokens):
        gap_ok = bool(current) and text[(pending or current)[-1][1]:s] == " "
        if _is_cap(token) and not token.isdigit():
            if current and gap_ok:
                current.extend(pending)
                current.append((s, e, token))
            else:
                if current:
                    runs.append(current)
                current = [(s, e, token)]
            pending = []
            if token.endswith(("'s", "’s")) or text[e:e + 1] in (",", ";", ":", ")", "(", '"', "“", "”"):
                runs.append(current)
                current = []
        elif current and token in lx.NAME_CONNECTORS and gap_ok and len(pending) < 2:
            pending.append((s, e, token))
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs


def _possessive(token: str) -> str:
    return token[:-2] if token.endswith(("'s", "’s")) else token


class EntityFinder:
    """Finds mentions in an article; keeps what it learned (persons' surnames) for quotes and events."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.mentions: list[Mention] = []
        self.surnames: dict[str, str] = {}  # last name -> canonical full name
        self.aliases: dict[str, str] = {}  # first word of a multi-word organisation -> its type
        self._taken: list[tuple[int, int]] = []

    # --- helpers ---

    def _add(self, start: int, end: int, type_: str, form: str = "name", canonical: str | None = None) -> None:
        if end <= start or any(s < end and start < e for s, e in self._taken):
            return
        self._taken.append((start, end))
        self.mentions.append(Mention(start, end, self.text[start:end], type_, form, canonical))

    def _word_before(self, offset: int) -> str:
        match = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, offset - 30):offset])
        return match.group(1) if match else ""

    def _word_after(self, offset: int) -> str:
        match = re.match(r"\s*([A-Za-z]+)", self.text[offset:offset + 30])
        return match.group(1) if match else ""

    def _sentence_start(self, offset: int) -> bool:
        before = self.text[max(0, offset - 3):offset]
        return offset == 0 or "\n" in before or bool(re.search(r"[.!?][\"”’]?\s+[\"“‘]?$", self.text[max(0, offset - 4):offset])) \
            or before.endswith(("“", '"', "- "))

    # --- dates and times ---

    def _dates(self, start: int, end: int) -> None:
        for pattern, type_ in ((_TIME, "TIME"), (_DATE, "DATE")):
            for match in pattern.finditer(self.text, start, end):
                self._add(match.start(), match.end(), type_)

    # --- names ---

    def _classify(self, run: list[tuple[int, int, str]]) -> None:
        text = self.text
        # a leading non-name word ("The", "But") and sentence-initial function words go
        while run and (run[0][2] in lx.NOT_NAMES or run[0][2].lower() in lx.NAME_CONNECTORS):
            run = run[1:]
        while run and run[-1][2] in lx.NAME_CONNECTORS:
            run = run[:-1]
        if not run:
            return
        # split a leading demonym or country off a longer run ("Russian President Vladimir Putin")
        words = [_possessive(t) for _, _, t in run]
        full = " ".join(words)
        if full in lx.MONTHS or full in lx.WEEKDAYS or full in lx.MONTH_ABBREVIATIONS:
            return
        if len(run) > 1 and (words[0] in lx.DEMONYMS or words[0] in lx.COUNTRIES) and not self._whole_known(full, run):
            self._single(run[:1])
            run = run[1:]
            words = words[1:]
            full = " ".join(words)
        # titles: drop them, remember the name after is a person
        titled = False
        i = 0
        while i < len(run):
            two = " ".join(words[i:i + 2])
            if two in _PERSON_TITLES and i + 2 < len(run):
                i += 2
                titled = True
            elif words[i] in _PERSON_TITLES and i + 1 < len(run):
                i += 1
                titled = True
            else:
                break
        if titled:
            run, words = run[i:], words[i:]
            full = " ".join(words)
        start = run[0][0]
        end = run[-1][0] + len(words[-1])
        # hyphenated compounds: only the capitalised parts ("US-made", "Russian-Belarusian")
        if len(run) == 1 and "-" in words[0]:
            self._compound(run[0][0], words[0])
            return
        after = self._word_after(end).lower()
        if self._whole_known(full, run) or len(run) == 1:
            if len(run) == 1 and not titled:
                self._single(run, after=after)
                return
        kind = self._known_type(full)
        if kind is None and words[-1] in lx.ORG_SUFFIXES and len(run) > 1:
            kind = "ORG"
        if kind is None and words[-1].lower() in lx.PLACE_HEADS and len(run) > 1 and not titled:
            kind = lx.PLACE_HEADS[words[-1].lower()]  # "Ewood Park", "Hudson River"
        if kind is None and after in lx.PLACE_HEADS and not titled:
            head_end = end + self.text[end:].index(self._word_after(end)) + len(after)
            self._add(start, head_end, lx.PLACE_HEADS[after])
            return
        if kind is None:
            if words[-1] in lx.ORG_SUFFIXES or words[0] in lx.ORG_HEADS:
                kind = "ORG"
            elif titled or self._role_before(start) or (2 <= len(run) <= 4 and all(self._name_like(w) for w in words)):
                kind = "PERSON"
        if kind is None:
            return
        if kind == "PERSON":
            canonical = self.surnames.get(words[-1]) or full
            self.surnames.setdefault(words[-1], canonical)
            self._add(start, end, kind, canonical=canonical)
        else:
            if kind == "ORG" and len(run) > 1 and words[0] not in lx.ORG_HEADS and words[0] not in lx.NOT_NAMES:
                self.aliases.setdefault(words[0], "ORG")  # "Acme Holdings" ... later "Acme"
            self._add(start, end, kind)

    @staticmethod
    def _name_like(word: str) -> bool:
        return bool(re.fullmatch(r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?|[A-Z]\.|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)", word))

    def _whole_known(self, full: str, run: list) -> bool:
        return self._known_type(full) is not None

    @staticmethod
    def _known_type(name: str) -> str | None:
        if name in lx.COUNTRIES or name in lx.CITIES:
            return "GPE"
        if name in lx.LOCATIONS:
            return "LOC"
        if name in lx.DEMONYMS:
            return "NORP"
        if name in lx.KNOWN_ORGS:
            return "ORG"
        return None

    def _role_before(self, offset: int) -> bool:
        return self._word_before(offset).lower() in lx.ROLE_NOUNS

    def _compound(self, start: int, word: str) -> None:
        cursor = start
        for part in word.split("-"):
            if part and _is_cap(part):
                kind = self._known_type(part) or ("ORG" if part.isupper() and len(part) > 1 else None)
                if kind:
                    self._add(cursor, cursor + len(part), kind)
            cursor += len(part) + 1

    def _single(self, run: list, after: str | None = None) -> None:
        s, _, token = run[0]
        word = _possessive(token)
        e = s + len(word)
        if "-" in word and self._known_type(word) is None:
            self._compound(s, word)
            return
        kind = self._known_type(word)
        if kind is None and after and after in lx.PLACE_HEADS:
            head = self.text[e:].index(self._word_after(e)) + e
            self._add(s, head + len(after), lx.PLACE_HEADS[after])
            return
        if kind is None:
            if word in self.surnames:
                self._add(s, e, "PERSON", canonical=self.surnames[word])
                return
            if word in self.aliases:
                self._add(s, e, self.aliases[word])
                return
            if word in lx.ORG_SUFFIXES and word not in ("Forces", "Force", "Staff", "United", "City"):
                return  # "Ministry" alone is a nominal, not a name
            before = self._word_before(s)
            if self._sentence_start(s) and word in lx.NOT_NAMES:
                return
            if word.isupper() and 2 <= len(word.replace(".", "")) <= 6:
                kind = "ORG"
            elif self._role_before(s):
                kind = "PERSON"
                self.surnames.setdefault(word, word)
            elif before.lower() in _LOCATION_PREPOSITIONS and not self._sentence_start(s) and self._name_like(word):
                kind = "GPE"
        if kind is not None:
            self._add(s, e, kind, canonical=self.surnames.get(word) if kind == "PERSON" else None)

    def find(self) -> list[Mention]:
        """Every mention in body sentences and headings, in text order."""
        areas = sorted(self.article.sentences + self.article.headings)
        for start, end in areas:
            self._dates(start, end)
        deferred = []
        for start, end in areas:
            for run in _runs(self.text, start, end):
                if len(run) == 1:
                    deferred.append(run)  # single words wait until full names taught us the surnames
                else:
                    self._classify(run)
        for run in deferred:
            self._classify(run)
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions
