"""Events by rule: a trigger lexicon for each ontology type, context checks, nearby arguments.

A trigger is a word or phrase from ``lexicon.EVENT_TRIGGERS`` in a body
sentence. Ambiguous triggers must have supporting words in the sentence
("hit" counts as an attack only near a weapon word; "supplied" as a transfer
only near goods). Arguments are the nearest named mentions before and after
the trigger in its sentence, in the order of the type's roles; the place is
a place name after "in"/"near"/"at". Modality comes from the words just
before the trigger ("would", "plans to" -> hypothetical; "not", "denied" ->
negated) and from speech around it (reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...ontology import EVENT_TYPES
from . import lexicon as lx
from .entities import Mention
from .text import Article

_WEAPONS = r"missile|rocket|drone|shell|bomb|artillery|strike|gun|weapon|troops|forces|army|military|attack|fire|mortar|airstrike"
_GOODS = r"weapon|arms|tank|missile|aid|equipment|ammunition|system|fuel|gas|oil|food|vaccine|supplies|shells|jets|aircraft|drones"
_ORG_WORDS = r"company|force|alliance|organi[sz]ation|party|group|unit|fund|agency|startup|venture|firm|coalition|team|league"
_PEOPLE = r"people|civilians|children|soldiers|person|man|woman|residents|players?|fans|officers|workers|passengers"
_MOVERS = r"troops|soldiers|forces|servicemen|refugees|people|aid|weapons|civilians|residents|team|delegation"
_MONEY = r"\$|€|£|million|billion|dollars|euros|funds|money"

# trigger -> pattern that must occur in the same sentence for the trigger to count
_CONTEXT = {
    "hit": _WEAPONS, "struck": _WEAPONS, "targeted": _WEAPONS, "strike": _WEAPONS, "strikes": _WEAPONS,
    "fired": _WEAPONS, "shooting": r"gun|shot|police|killed|wounded|injured", "raid": r"police|troops|forces|killed",
    "raids": r"police|troops|forces|killed", "offensive": _WEAPONS, "barrage": _WEAPONS,
    "supply": _GOODS, "supplied": _GOODS, "supplying": _GOODS, "delivered": _GOODS, "delivery": _GOODS,
    "deliveries": _GOODS, "provided": _GOODS, "shipped": _GOODS, "shipments": _GOODS, "transferred": _GOODS,
    "sold": _GOODS + r"|stake|shares|company|club", "sell": _GOODS + r"|stake|shares|company",
    "bought": _GOODS + r"|stake|shares|company|club", "buy": _GOODS + r"|stake|shares|company",
    "acquired": r"stake|shares|company|firm|club|rights|" + _GOODS,
    "formed": _ORG_WORDS, "formation": _ORG_WORDS, "founded": _ORG_WORDS, "established": _ORG_WORDS,
    "launched": _ORG_WORDS, "set up": _ORG_WORDS, "created": _ORG_WORDS,
    "hurt": _PEOPLE, "moved": _MOVERS, "sent": _MOVERS, "returned": _MOVERS, "fled": r".",
    "raised": _MONEY, "grant": _MONEY, "pay": _MONEY, "invested": _MONEY, "investment": _MONEY,
    "statement": r"released|issued|published", "address": r"televised|video|nightly|late-night|evening|in an address|his address|her address",
    "rally": r"protest|supporters|demonstrat|thousands|crowd", "rallies": r"protest|supporters|demonstrat|crowd",
    "march": r"protest|demonstrat|thousands|crowd", "fine": r"\bfine of\b|\ba fine\b", "charged": r"police|court|prosecutor|crime|murder|fraud|with",
    "voted": r"elect|parliament|lawmakers|voters", "election": r".", "hosted": r"talks|summit|meeting|leaders|visit",
    "damage": r"caused|infrastructure|building|home|plant", "meet": r".", "call with": r"phone|video",
    "letter": r"wrote|sent|signed|open letter", "trip": r".", "broadcast": r"address|speech|televised",
    "restored": r"power|electricity|water|heat|supply|connection|service", "restoring": r"power|electricity|water|heat|supply",
    "cut off": r"power|electricity|water|heat|gas|internet|supply", "quit": r"post|job|role|office|position|team|club|resign",
    "dismissed": r"post|job|role|office|position|minister|coach|manager|fired|sacked",
    "retired": r"post|job|role|office|position|career|football|sport", "custody": r"police|taken|held|remain",
    "penalty": r"court|fine|imposed|sanction", "death": r"killed|died|toll|sentence|caused|of",
    "imposed": r"fine|sanction|penalt|tariff|ban\b|curfew|restriction|dut(?:y|ies)|levy|embargo|limit",
    "fines": r"impos|pay|fac|up to|million|billion|\$|€|£", "fee": r"transfer|signed|joined|\$|€|£|million",
    "conference": r"press|news|peace|summit|held|hosted|attended", "interview": r"told|gave|in an interview|said",
    "spent": _MONEY, "pays": _MONEY, "speech": r"gave|give|delivered|deliver|televised|in a speech|(?:his|her|a|the) speech (?:to|at|on|in)", "arrests": r"police|made|officers|detain",
}
_SKIP_AFTER = {"strike": r"^\s+(?:a deal|an agreement|a balance)", "strikes": r"^\s+(?:a deal|an agreement)"}


def _pattern() -> re.Pattern:
    forms: dict[str, str] = {}
    for type_name, triggers in lx.EVENT_TRIGGERS.items():
        if type_name not in EVENT_TYPES:
            continue
        for trigger in triggers:
            forms.setdefault(trigger, type_name)
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I), forms


_TRIGGERS, _TYPE_OF = _pattern()
_SPEECH = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, lx.SPEECH_VERBS), key=len, reverse=True)) + r")\b")
_SPEAKER_AFTER = re.compile(r"(?:,[^,]{1,60},)?\s+(?:" + "|".join(sorted(map(re.escape, lx.SPEECH_VERBS), key=len, reverse=True)) + r")\b")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|at|outside|over|across|on)\s+(?:the\s+)?$")


@dataclass(frozen=True)
class FoundEvent:
    type: str
    trigger: tuple[int, int]
    arguments: tuple[tuple[str, int, int], ...]
    place: tuple[int, int] | None
    modality: str


def _modality(text: str, s_start: int, start: int, quoted: list[tuple[int, int]], sentence_has_speech: bool) -> str:
    words = re.findall(r"[a-z']+", text[max(s_start, start - 40):start].lower())[-4:]
    if any(w in lx.NEGATION_CUES or w.endswith("n't") for w in words):
        return "negated"
    if any(w in lx.HYPOTHETICAL_CUES for w in words):
        return "hypothetical"
    if sentence_has_speech or any(qs <= start < qe for qs, qe in quoted):
        return "reported"
    return "asserted"


def find_events(article: Article, mentions: list[Mention], quoted: list[tuple[int, int]]) -> list[FoundEvent]:
    """Every event trigger in the body of ``article`` with its arguments, place and modality."""
    text = article.text
    speech = _SPEECH
    named = [m for m in mentions if m.type not in ("DATE", "TIME")]
    found = []
    for s_start, s_end in article.sentences:
        sentence = text[s_start:s_end]
        lower = sentence.lower()
        has_speech = bool(speech.search(sentence))
        in_sentence = [m for m in named if s_start <= m.start and m.end <= s_end]
        for match in _TRIGGERS.finditer(sentence):
            word = match.group()
            key = word.lower()
            start, end = s_start + match.start(), s_start + match.end()
            if word[0].isupper() and match.start() > 0:
                continue  # a capitalised word mid-sentence is a name ("March", "Strike Force")
            context = _CONTEXT.get(key)
            if context and not re.search(rf"\b(?:{context})", lower):
                continue
            skip = _SKIP_AFTER.get(key)
            if skip and re.match(skip, sentence[match.end():]):
                continue
            if key == "fired" and re.search(r"\b(?:was|were|been|be|got)\s+$", sentence[:match.start()]) \
                    and not re.match(r"\s+(?:at|on|upon)\b", sentence[match.end():]):
                type_name = "Personnel.End-Position"
            else:
                type_name = _TYPE_OF[key]
            roles = EVENT_TYPES[type_name].roles
            # the subject of "X said ..." reports the event, it takes no part in it
            before = [m for m in in_sentence if m.end <= start and m.type in ("PERSON", "ORG", "GPE", "NORP")
                      and not _SPEAKER_AFTER.match(text, m.end)]
            after = [m for m in in_sentence if m.start >= end and m.type in ("PERSON", "ORG", "GPE", "NORP", "FAC")]
            place = None
            for m in after + before[::-1]:
                if m.type in ("GPE", "LOC", "FAC") and _PLACE_PREPOSITION.search(text[max(s_start, m.start - 12):m.start]):
                    place = (m.start, m.end)
                    break
            arguments = []
            if before and roles:
                m = before[-1]
                if (m.start, m.end) != place:
                    arguments.append((roles[0], m.start, m.end))
            if after and len(roles) > 1:
                m = after[0]
                if (m.start, m.end) != place:
                    arguments.append((roles[1], m.start, m.end))
            if found and found[-1].type == type_name and 0 <= start - found[-1].trigger[1] <= 12 \
                    and found[-1].trigger[0] >= s_start:
                continue  # "imposed fines", "held talks": two triggers of one event
            found.append(FoundEvent(type_name, (start, end), tuple(arguments), place,
                                    _modality(text, s_start, start, quoted, has_speech)))
    return found
