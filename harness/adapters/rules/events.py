"""Events by rule: a trigger lexicon for each ontology type, context checks, nearby arguments.

A trigger is a word or phrase from ``lexicon.EVENT_TRIGGERS`` in a body
sentence. Ambiguous triggers must have supporting words in the sentence
("hit" counts as an attack only near a weapon word; "supplied" as a transfer
only near goods; "won" as a match result only near a sport word and never
near an election), and some change type with them ("defeated" is a
competition result in a sentence about a match, a military defeat
otherwise; "signed" enacts a law when a bill is signed). ``trigger_type``
holds these checks for every adapter that reads the lexicon. Arguments are
the nearest named mentions before and after the trigger in its sentence, in the order of the type's roles; the place is
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
# the types ACE 2005 adds for courts, business, life and posts, and the two extensions
_COURT = r"court|judge|justices?\b|jury|jurors|tribunal|magistrate|prosecut|defendant|lawyer|attorney|verdict|lawsuit|case\b"
_CRIME = r"police|court|prosecut|crime|criminal|murder|fraud|theft|corruption|assault|terror|offen[cs]e|against|jury|accused"
_LAW = (r"law\b|laws\b|bill\b|bills\b|act\b|legislation|legislat|lawmakers|statute|decree|ordinance|regulations?\b"
        r"|rules?\b|ban\b|amendment|executive order|treaty|constitution|resolution|budget\b")
_SPORT = (r"match|game\b|games\b|final\b|finals\b|semi-?finals?\b|quarter-?finals?\b|cup\b|league|tournament|championship"
          r"|title\b|derby|season|goals?\b|scored|striker|coach|club|olympic|medal|grand prix|race\b|innings|wicket"
          r"|tennis|football|soccer|rugby|cricket|basketball|hockey|baseball|(?<![\d.:/-])\d{1,3}\s?[-\u2013]\s?\d{1,3}(?![\d.:/-])")
# words that rule a contest out: an election won or lost is Personnel.Elect, not a competition result
_ELECTION = (r"(?:re-?)?elect(?:ion|ions|ed|oral|orate|s)?\b|ballots?\b|vot(?:e|es|ed|ers?|ing)\b|polls?\b|candidates?\b"
             r"|primary\b|primaries|referendum|parliament|congress|senate|seats?\b")
_ORG_ENDS = (r"company|companies|firm|business|bank|newspaper|magazine|party|organi[sz]ation|startup|airline|retailer"
             r"|charity|club|brand|studio|chain|operations|group|agency|broadcaster|channel|publisher|venture|fund")
_EXECUTION = r"death|prison|inmate|convicted|sentenced|murder|gallows|lethal|firing squad|regime|authorities|court|crime"
_AWARDS = r"oscar|award|grammy|emmy|bafta|golden globe|prize|nobel|ballon"
_CONTEXT.update({
    "trials": _CRIME + r"|" + _COURT,
    "hearing": _COURT + r"|bail|sentencing|appeal|custody|extradition|parole|disciplinary",
    "hearings": _COURT + r"|extradition", "ruled": _COURT + r"|" + _LAW, "ruling": _COURT + r"|" + _LAW,
    "rulings": _COURT + r"|" + _LAW, "charges": _CRIME + r"|filed|pressed|fac|dropped|brought|denied|guilty",
    "suit": r"filed|court|against|antitrust|lawsuit|damages|brought|settle|sued",
    "sentence": r"prison|jail|years?\b|months?\b|life\b|death|court|judge|serv|suspended|handed|custodial|appeal",
    "appeal": _COURT + r"|ruling|ruled|conviction|convicted|sentence|decision|circuit|judgment|judgement",
    "appeals": _COURT + r"|ruling|conviction|sentence|decision|circuit",
    "appealed": _COURT + r"|ruling|conviction|sentence|decision|circuit|judgment",
    "appealing": _COURT + r"|ruling|conviction|sentence|decision|circuit",
    "pardon": r"president|governor|king|queen|granted|issued|sentence|convict|crime|prison|jail",
    "pardons": r"president|governor|king|queen|granted|issued|sentence|convict|crime|prison",
    "commuted": r"sentence", "freed": r"prison|jail|custody|detention|bail|parole|sentence",
    "parole": r"released|granted|freed|eligible|board|on parole|denied|violat",
    "execution": _EXECUTION, "executions": _EXECUTION, "hanged": _EXECUTION + r"|executed",
    "passed": _LAW, "approved": _LAW, "adopted": _LAW, "blocked": _LAW, "struck down": _LAW, "overturned": _LAW,
    "veto": _LAW + r"|security council|un\b", "vetoes": _LAW, "ratified": _LAW + r"|agreement|accord|convention|pact",
    "shut down": _ORG_ENDS, "closed": _ORG_ENDS, "closure": _ORG_ENDS, "dissolved": _ORG_ENDS, "folded": _ORG_ENDS,
    "shuttered": _ORG_ENDS, "wound up": _ORG_ENDS, "liquidated": _ORG_ENDS, "liquidation": _ORG_ENDS,
    "disbanded": _ORG_ENDS + r"|unit|militia|team|band",
    "bankrupt": r"went|declared|gone|go\b|company|firm|business|bank|filed", "wed": r"married|wedding|ceremony|couple",
})
_CONTEXT.update(dict.fromkeys(lx.EVENT_TRIGGERS["Competition.Result"], _SPORT))
# trigger -> pattern that, found in the sentence, cancels the trigger
_EXCLUDE = dict.fromkeys(lx.EVENT_TRIGGERS["Competition.Result"], _ELECTION)
_TESTING = r"clinical|vaccine|drug|phase|patients|participants|volunteers|study|pilot|free trial|trial (?:period|run)|and error"
_EXCLUDE.update({"trial": _TESTING, "trials": _TESTING, "retrial": r"clinical|vaccine|drug",
                 "nominated": _AWARDS, "nominate": _AWARDS, "nominates": _AWARDS, "nominating": _AWARDS,
                 "nominee": _AWARDS, "nomination": _AWARDS})
# trigger -> ((pattern, type), ...): the first pattern found in the sentence gives the type, else the lexicon's
_RETYPE = {
    "defeat": ((_SPORT, "Competition.Result"),), "defeats": ((_SPORT, "Competition.Result"),),
    "defeated": ((_SPORT, "Competition.Result"),),
    "signed": ((_LAW, "Policy.Enact"),),
    "ruled": ((_LAW, "Policy.Enact"),), "ruling": ((_LAW, "Policy.Enact"),), "rulings": ((_LAW, "Policy.Enact"),),
    "imposed": ((r"\bimposed (?:an? )?(?:\w+ )?fines?\b", "Justice.Fine"),),
    "executed": ((r"death|prison|inmate|convicted|sentenced|murder|lethal|firing squad|court", "Justice.Execute"),),
}
_SKIP_AFTER = {"strike": r"^\s+(?:a deal|an agreement|a balance)", "strikes": r"^\s+(?:a deal|an agreement)",
               "appeals": r"^\s+(?:court|judge|panel|chamber|for)\b", "appeal": r"^\s+(?:for|to (?:voters|fans))\b",
               "ruled": r"^\s+out\b", "closed": r"^\s+(?:up|down|at|higher|lower|flat|in on)\b",
               "passed": r"^\s+(?:around|away|by|over|through|out|the ball|an? \w*\s*test)\b",
               "draw": r"^\s+(?:for|on|up|attention|lessons|criticism|crowds)\b", "win": r"^\s+over\b",
               "sentence": r"^\s+(?:of the|in the) (?:report|statement|letter|text)\b"}


def trigger_type(trigger: str, sentence: str, before: str = "", after: str = "") -> str | None:
    """The event type ``trigger`` expresses in ``sentence``, or None when the sentence rules it out.

    ``trigger`` is a lexicon form in lower case; ``before`` and ``after`` are
    the sentence's text before and after it. A trigger with a context
    pattern counts only when the pattern is in the sentence, one with an
    exclusion pattern only when that is not, and a few triggers take another
    type from their sentence ("defeated" near a match is a competition result).
    """
    type_name = _TYPE_OF.get(trigger)
    if type_name is None:
        return None
    lower = sentence.lower()
    context = _CONTEXT.get(trigger)
    if context and not re.search(rf"\b(?:{context})", lower):
        return None
    exclude = _EXCLUDE.get(trigger)
    if exclude and re.search(rf"\b(?:{exclude})", lower):
        return None
    skip = _SKIP_AFTER.get(trigger)
    if skip and re.match(skip, after, re.I):
        return None
    if trigger == "fired" and re.search(r"\b(?:was|were|been|be|got)\s+$", before) \
            and not re.match(r"\s+(?:at|on|upon)\b", after):
        return "Personnel.End-Position"
    for pattern, retyped in _RETYPE.get(trigger, ()):
        if re.search(rf"\b(?:{pattern})", lower):
            return retyped
    return type_name


def _trie(forms: list[str]) -> str:
    """A regex matching any of ``forms``, longest first, with shared prefixes factored out.

    One alternative per distinct next character keeps the scan fast: a flat
    alternation of hundreds of phrases is tried phrase by phrase at every
    position of every sentence.
    """
    tree: dict = {}
    for form in forms:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # the end of a shorter form is tried after every longer one ("passed away" before "passed")
        return f"(?:{body})?" if "" in node else body

    return build(tree)


def _pattern() -> tuple[re.Pattern, dict[str, str]]:
    forms: dict[str, str] = {}
    for type_name, triggers in lx.EVENT_TRIGGERS.items():
        if type_name not in EVENT_TYPES:
            continue
        for trigger in triggers:
            forms.setdefault(trigger.lower(), type_name)
    return re.compile(rf"(?<![\w-])(?:{_trie(list(forms))})(?![\w-])", re.I), forms


_TRIGGERS, _TYPE_OF = _pattern()
_SPEECH_VERBS = "|".join(sorted(map(re.escape, lx.SPEECH_VERBS), key=len, reverse=True))
_SPEECH = re.compile(rf"\b(?:{_SPEECH_VERBS})\b")
_SPEAKER_AFTER = re.compile(rf"(?:,[^,]{{1,60}},)?,?\s+(?:{_SPEECH_VERBS})\b")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got|get)\s+(?:\w+ly\s+)?$")
_BY = re.compile(r"\bby\s+(?:the\s+)?$")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|at|outside|over|across|on)\s+(?:the\s+)?$")


# roles that only some kinds of name can fill: a law is no party, a defendant no country
_ROLE_TYPES = {
    "Law": ("LAW", "WORK_OF_ART"), "Money": (), "Sentence": (), "Crime": (), "Position": (),
    "Instrument": ("PRODUCT",), "Vehicle": ("PRODUCT",),
    "Person": ("PERSON",), "Defendant": ("PERSON", "ORG"), "Contest": ("EVENT",), "Adjudicator": ("PERSON", "ORG"),
}


def _fits(role: str, entity_type: str) -> bool:
    """Whether a name of ``entity_type`` can fill ``role`` (roles not listed take any name)."""
    allowed = _ROLE_TYPES.get(role)
    return allowed is None or entity_type in allowed


_PLACES = ("GPE", "LOC", "FAC")
# where a type's roles do not follow "subject before, object after": (before, after) maps from entity type to
# role, "*" for any other type. The traveller is the Artifact of a transport ("the minister visited Nairobi"), a place
# after a movement is where it goes, and nothing else after a transport takes part in it.
_ROLE_BY_POSITION = {
    "Movement.Transport": ({"PERSON": "Artifact", "NORP": "Artifact"},
                           {"PERSON": "Artifact", "PRODUCT": "Artifact", **dict.fromkeys(_PLACES, "Destination"),
                            "*": None}),
    "Military.Deploy": ({}, dict.fromkeys(_PLACES, "Destination")),
    "Justice.Extradite": ({}, dict.fromkeys(_PLACES, "Destination")),
}


def _role(type_name: str, roles: tuple[str, ...], position: int, entity_type: str) -> str | None:
    """The role of a name found before (``position`` 0) or after (1) a trigger, or None when it fits none."""
    by_type = _ROLE_BY_POSITION.get(type_name, ({}, {}))[position]
    role = by_type.get(entity_type, by_type.get("*", roles[position]))
    return role if role is not None and _fits(role, entity_type) else None


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
        has_speech = bool(speech.search(sentence))
        in_sentence = [m for m in named if s_start <= m.start and m.end <= s_end]
        for match in _TRIGGERS.finditer(sentence):
            word = match.group()
            key = word.lower()
            start, end = s_start + match.start(), s_start + match.end()
            if word[0].isupper() and match.start() > 0:
                continue  # a capitalised word mid-sentence is a name ("March", "Strike Force")
            type_name = trigger_type(key, sentence, sentence[:match.start()], sentence[match.end():])
            if type_name is None:
                continue
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
            # in the passive the subject undergoes the event and "by X" does it ("was sentenced by a judge")
            passive = bool(_PASSIVE.search(text, s_start, start))
            subject_position = 1 if passive else 0
            if before and len(roles) > subject_position:
                m = before[-1]
                role = _role(type_name, roles, subject_position, m.type)
                if (m.start, m.end) != place and role:
                    arguments.append((role, m.start, m.end))
            if after and len(roles) > 1:
                m = after[0]
                if not passive:
                    role = _role(type_name, roles, 1, m.type)
                elif _BY.search(text, s_start, m.start):
                    role = _role(type_name, roles, 0, m.type)
                else:
                    role = None  # "was arrested in Vienna": a name after a passive verb without "by" is no agent
                if (m.start, m.end) != place and role:
                    arguments.append((role, m.start, m.end))
            if found and found[-1].type == type_name and 0 <= start - found[-1].trigger[1] <= 12 \
                    and found[-1].trigger[0] >= s_start:
                continue  # "imposed fines", "held talks": two triggers of one event
            found.append(FoundEvent(type_name, (start, end), tuple(arguments), place,
                                    _modality(text, s_start, start, quoted, has_speech)))
    return found
