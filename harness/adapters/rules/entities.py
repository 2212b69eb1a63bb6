"""Entity mentions by rule: capitalised-word runs classified with generic lexicons, plus dates and times.

A run of capitalised words is cut at titles ("President"), a leading "The",
a possessive "'s" and hyphenated compounds ("Chinese-made" gives "Chinese"). Each run
is then classified: a country, city or region by the gazetteer; a demonym
as NORP; an organisation by its first or last word ("Ministry of ...",
"... Bank"); a place by a following head noun ("... region", "... River");
otherwise a person when a title or role noun stands before it or it has two
to four name-like words. A single unknown word becomes a person when it is
the surname of a person already found, a place after "in"/"near"/"from".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import lexicon as lx
from .text import WORD, Article

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_COUNT = (r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
          r"|forty|fifty|sixty|ninety|a few|several|a|an)")
# a qualifier kept inside a date or time span ("up to six weeks", "barely a quarter of an hour")
_QUALIFIER = r"(?:(?:nearly|almost|about|around|roughly|more than|less than|over|under|up to|at least|barely|just|only) )"
# a year after a preposition of time, with or without "the", which stays outside ("in the 2023 drought" -> "2023")
_YEAR_PREPOSITIONS = ("in", "In", "before", "after", "since", "Since", "by", "until", "from", "of", "during")
_YEAR_AFTER_PREPOSITION = ("(?=(?:19|20)\\d\\d)(?:" + "|".join(
    [rf"(?<=\b{word} )" for word in _YEAR_PREPOSITIONS] + [rf"(?<=\b{word} the )" for word in _YEAR_PREPOSITIONS]
    + [r"(?<='s )", r"(?<=’s )"]) + r")(?:19|20)\d{2}s?\b")
# the longer forms come first: at one position the first alternative that matches wins
_DATE_PATTERNS = [re.compile(p) for p in (
    rf"\b(?:{_MONTH}-{_MONTH} |(?:first|second|third|fourth|final) )quarter"
    r"(?: of (?:the |this |last |next )?(?:financial|fiscal|calendar) year| of \d{4})?\b",
    r"\bQ[1-4](?: ?(?:FY)?\d{2,4})?\b",  # "Q3", "Q3 FY24"
    rf"\b{_MONTH}(?: and|,| to|-|–) ?{_MONTH}(?: \d{{4}})?\b",  # "June and September 2024"
    r"(?<=\bbetween )(?:19|20)\d\d and (?:19|20)\d\d\b",  # "between 2013 and 2023"
    r"(?<=\bthe )quarter\b(?![-\w]| of)",  # a back-reference to the period: "in the quarter"
    r"\b(?:next|last|this|current|previous|coming) (?:financial|fiscal) year\b",
    r"\bsame (?:period|quarter|month|week) (?:last year|a year (?:earlier|ago))\b",
    r"\b(?:middle|end|start|beginning) of (?:(?:next|last|this) (?:week|month|year)|(?:19|20)\d{2}|" + _MONTH + r")\b",
    r"\b(?:middle|end|start|beginning) of the (?:decade|year|month|week|century|season|summer|winter)\b",
    r"\b\d{1,2}(?:st|nd|rd|th)(?: (?:and|to) \d{1,2}(?:st|nd|rd|th))? centur(?:y|ies)\b",  # "the 10th and 13th centuries"
    rf"\b(?:next|last|past|coming|previous|first|final) {_COUNT} (?:days|weeks|months|years|decades)"
    r"(?: of (?:the|this|last|that) (?:year|decade|season)| of (?:19|20)\d\d)?\b",  # "first nine months of the year"
    r"\b(?:first|final|last|opening|closing) day\b(?![- ]\w*(?:old|long))",  # "the final day of the show"
    r"\bhalf-year\b(?!-)",
    r"\b(?:summer|winter|autumn)-long\b",
    r"\b(?:(?:early|late) (?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,? (?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}(?:, \d{4})?)?",
    r"\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|April|June|July|August|September|October|November|December|May(?= \d))(?: \d{1,2}(?:st|nd|rd|th)?)?(?:,? \d{4})?\b",
    r"\b(?:\d{1,2} (?:and|to|-|–) )?\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{4})?\b",
    r"\b(?:early|late|mid)[- ](?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}s?)\b",
    r"\b(?:(?:early|late) (?=(?:next|last|this) ))?(?:[Ll]ast|[Nn]ext|[Tt]his|past|coming|previous|that) (?:January|February|March|April|June|July|August|September|October|November|December|week|weekend|month|year|season|summer|winter|spring|autumn|fall|decade|century|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    r"\b(?:summer|winter|autumn)(?: of (?:19|20)\d{2})?\b(?!-)",
    r"(?<=\bthe )weekend\b",
    r"(?=May\b)(?:(?<=\bin )|(?<=\bby )|(?<=\buntil )|(?<=\bsince )|(?<=\bearly )|(?<=\blate ))May\b",  # not the verb
    r"\bspring of (?:19|20)\d{2}\b|(?<=\bin )spring\b(?![- ]\w)|(?<=\bin the )spring\b(?![- ]\w)",  # not the water source
    r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b",
    r"\b(?:earlier|later) this (?:week|month|year)\b",
    r"\b(?:recent|coming|past) (?:days|weeks|months|years)\b",
    rf"(?<!\d,)(?<!\d\.)\b{_QUALIFIER}?{_COUNT}(?:-| )(?:days?|weeks?|fortnights?|months?|years?|decades?)(?!-)(?: (?:ago|earlier|later))?\b",
    r"(?<=\bfor )(?:days|weeks|months|years|decades)\b",  # "for years": a vague duration
    # the lookahead first: most positions fail there at once
    _YEAR_AFTER_PREPOSITION,
    # earlier years only after a preposition of time: "farmed there since 1870"
    r"(?<=\bsince )1[6-8]\d\d\b|(?<=\bin )1[6-8]\d\d\b(?![ ,]\d)|(?<=\buntil )1[6-8]\d\d\b"
    r"|(?<=\bby )1[6-8]\d\d\b(?![ ,]\d| (?:to|and) \d|[-–]\d)|(?<=\bfrom )1[6-8]\d\d\b(?![ ,]\d| (?:to|and) \d|[-–]\d)",
)]
_CLOCK = r"\b(?:\d{1,2}(?:[:.]\d{2})? ?(?:a\.m\.|p\.m\.|[ap]m\b|[AP]M\b)|midnight\b|noon\b|midday\b)"
_TIME_PATTERNS = [re.compile(p) for p in (
    _CLOCK + r"(?: (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?(?: (?:[A-Z]{1,3}T|UTC)\b)?",
    r"\b\d{1,2}:\d{2}\b",
    r"\b(?:overnight|late-night|[Tt]onight|all night|all day)\b|(?<=\bby )(?:morning|evening|nightfall|midday|dusk|dawn)\b",
    rf"\b{_COUNT}-(?:minute|hour|second)\b(?!-)",  # "an eight-minute ovation"
    r"\b(?:this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|tomorrow|that|each|every) (?:morning|afternoon|evening|night)\b",
    r"(?<=\bthe )(?:morning|afternoon|evening)(?: twilight)?\b",
    r"\b\d{1,3}(?:st|nd|rd|th) minute\b",  # a match minute
    rf"\b{_QUALIFIER}?(?:(?:a quarter|half|three quarters) of an |half an |an |{_COUNT} )(?:hours?|minutes?|seconds?)\b"
    r"(?: (?:later|earlier|ago))?",
    r"\b[Hh]ours\b(?= (?:before|after|later|earlier))",
    r"(?<=\bfor )hours\b",
)]

# one alternation per type: a single pass over each line is much faster than one per pattern
_TIME = re.compile("|".join(f"(?:{p.pattern})" for p in _TIME_PATTERNS))
_DATE = re.compile("|".join(f"(?:{p.pattern})" for p in _DATE_PATTERNS))
_PERSON_TITLES = frozenset(lx.TITLES)
_LOCATION_PREPOSITIONS = frozenset(("in", "near", "from", "outside", "across", "to", "into", "toward", "towards",
                                    "at", "via", "through", "around", "inside", "off"))


# ", the vaccine alliance," / ", a former judge,": an apposition right after a name says what the name is
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?([a-z]+)\s*[,.]")
_ORG_NOUNS = frozenset(("journal", "magazine", "alliance", "group", "company", "firm", "agency", "organisation", "organization", "charity",
                        "union", "bank", "coalition", "association", "network", "party", "club", "team", "startup",
                        "maker", "manufacturer", "retailer", "operator", "lender", "insurer", "airline", "broadcaster",
                        "newspaper", "foundation", "institute", "regulator", "ministry", "watchdog", "consortium",
                        "developer", "publisher", "studio", "label", "band", "choir", "orchestra", "ensemble",
                        "promoter", "distributor", "brand", "outlet", "site", "website", "biotech", "start-up",
                        "carrier", "supplier", "chain", "utility", "platform", "streamer"))


# words between a name and a title that are part of the title ("Senate Majority Leader", "Foreign Affairs Minister")
_TITLE_MODIFIERS = frozenset(("Majority", "Minority", "Deputy", "Vice", "Prime", "Chief", "Senior", "Acting", "Former",
                              "Assistant", "Associate", "Executive", "Foreign", "Defence", "Defense", "Finance",
                              "Interior", "Health", "Energy", "Affairs", "Economy", "Justice", "Trade", "Labour", "Labor",
                              "Education", "Transport", "Environment", "General", "Managing", "Regional", "State",
                              "District", "Circuit", "Magistrate", "Superior", "High", "County", "Federal", "Cabinet",
                              "Permanent", "Principal", "Under"))
# lower-case words after a name that say it is an organisation's ("Canal Sur television", "the Daily Post newspaper")
_ORG_NOUNS_AFTER = frozenset(("television", "radio", "channel", "tv", "newspaper", "broadcaster", "magazine",
                              "agency", "group", "company", "firm", "network", "alliance", "party", "coalition",
                              "movement", "bloc"))


# institutions named after their place: "Ferrow Local Court" makes no organisation of "Ferrow"
_PLACE_INSTITUTIONS = frozenset(("Court", "Council", "Hospital", "Police", "Library", "Station", "Airport", "School",
                                 "College", "Museum", "Cathedral", "Prison", "Assembly", "Tribunal", "Gazette", "Herald",
                                 "Tribune", "Times", "Post", "News", "Journal", "Echo", "Chronicle"))
# "the province of X", "the centre of X": the name after is a place
_PART_OF = re.compile(r"\b(?:" + "|".join(sorted(lx.ADMINISTRATIVE)) + r"|centre|center|outskirts|heart|edge|suburbs|island|isle|port)"
                      r" of\s+$")
# "towns such as X"
_SUCH_AS = re.compile(r"\b(?i:cities|towns|countries|states|villages|suburbs|regions|provinces|places)"
                      r" (?:such as|like|including)\s+$")
# "Ferrow-based", "Ferrow-born": the name before is a place
_BASED = re.compile(r"-(?:based|born|headquartered|bred)$")


# a party-state tag after a legislator's name: "R-Texas", "D-Calif.", "I-Vt."
_PARTY_TAG = re.compile(r"(?<![\w-])[RDI]-(?P<state>(?:[A-Z][a-z]+\.?|[A-Z]\.[A-Z]\.|W\.Va\.)(?: [A-Z][a-z]+)?)(?=[,;)\s]|$)")


# verbs of travel before a place: "visit X", "leave for X", "reach X", and "between X and Y"
_TRAVEL_TO = re.compile(r"\b(?:visit|visits|visited|visiting|reach|reaches|reached|between|(?:leave|leaves|left|leaving|"
                        r"bound|headed|heading|depart|departs|departed|sail|sails|sailed|sailing|set off) for) $")
# a stretch of land or road between two places: "the coast between X and Y"
_BETWEEN_PLACES = re.compile(r"\b(?:coast|coastline|border|road|line|highway|motorway|railway|route|stretch|section|"
                             r"towns?|cities|villages|ports?|flights?|trains?|ferries|buses|services?) between $")
# articles of other languages that open names ("Le Monde", "El Pais")
# capitalised particles that open surnames and names of places mid-sentence ("Van Diemen's Land", "De Beers")
_PARTICLES = frozenset(("Van", "Von", "De", "Da", "Di", "Del", "Della", "Du", "Dos", "Das", "Den", "Der"))
_FOREIGN_ARTICLES = frozenset(("Le", "La", "Les", "El", "Il", "Der", "Die", "Das", "Los", "Las", "Lo"))
# "residents of X": a place after
_RESIDENTS_OF = re.compile(r"\b(?i:residents|inhabitants|people|streets|mayor|outskirts) of\s+$")
# a name, a role held in a team or a firm, and a person's name: "Fluminense defender Caio Prates"
_ROLE_OF_BODY = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+) (?:coach|manager|defender|striker|midfielder|goalkeeper|"
                           r"winger|forward|captain|boss|chairman|chairwoman|spokesman|spokeswoman|spokesperson|"
                           r"founder|co-founder|chief executive|executive|director|engineer|analyst) [A-Z]")
# kinds of firm or body, then examples: "Chinese rivals such as Roborock and Ecovacs"
_NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}"
_ORGS_SUCH_AS = re.compile(
    r"\b(?:rivals|competitors|companies|firms|brands|makers|groups|banks|lenders|insurers|airlines|retailers|"
    r"carmakers|chipmakers|clubs|teams|startups|start-ups|platforms|broadcasters|publishers|studios|charities|"
    r"agencies|unions|parties) (?:such as|like|including) "
    rf"({_NAME}(?:, {_NAME})*(?:,? (?:and|or) {_NAME})?)")
# staff or owners of a body around its name: "lawyers at X", "shares in X", "X shareholders"
_STAFF_OF_BODY = re.compile(
    r"(?:\b(?i:lawyers|analysts|economists|researchers|strategists|executives|engineers|employees|staff|workers|"
    r"bankers|traders|shares|stake|investors) (?:at|from|with|in|of) ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})\b"
    r"|\b([A-Z][\w'’-]+) (?:shareholders|shares|investors|employees|staff|subscribers|customers|stock)\b)")
# a result between two sides: "Yorkshire beat Lancashire", "Leeds drew with Hull"
_SIDE = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
_RESULT = re.compile(rf"(?P<a>{_SIDE}) (?:beat|defeated|drew with|lost to|edged|thrashed|overcame|edged past|knocked out)"
                     rf" (?P<b>{_SIDE})(?= (?:\d|by|in|at|on|to|after|with|and|,)|[,.;])")


def temporal_mentions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """DATE and TIME mentions in ``text[start:end]`` as (start, end, type), times first where both match."""
    stop = len(text) if end is None else end
    found: list[tuple[int, int, str]] = []
    for pattern, type_ in ((_TIME, "TIME"), (_DATE, "DATE")):
        for match in pattern.finditer(text, start, stop):
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), type_))
    return sorted(found)


def party_tags(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The states named in party-state tags inside ``text[start:end]``, as (start, end) offsets."""
    found = []
    for match in _PARTY_TAG.finditer(text, start, len(text) if end is None else end):
        state = match.group("state")
        if state in lx.STATES or state in lx.STATE_ABBREVIATIONS:
            found.append(match.span("state"))
        elif state.split(" ")[0] in lx.STATES or state.split(" ")[0] in lx.STATE_ABBREVIATIONS:
            first = state.split(" ")[0]
            found.append((match.start("state"), match.start("state") + len(first)))
    return found


def organisation_shape(words: list[str]) -> bool:
    """An organisation's name by its shape: a last word such as "Bank" or "Mobility", a first word such as
    "Ministry", or an organisation word before "of" ("Circuit Court of Appeals")."""
    if not words:
        return False
    if words[-1] in lx.ORG_SUFFIXES or words[0] in lx.ORG_HEADS or " ".join(words) in lx.KNOWN_ORGS:
        return True
    return any(w in lx.ORG_SUFFIXES and words[i + 1] in ("of", "for", "on") for i, w in enumerate(words[:-1]))


def known_type(name: str) -> str | None:
    """The type of a name by common knowledge (the gazetteer, demonyms, well-known organisations), or None; a
    name written with accents the gazetteer leaves out is the same name ("Bogotá", "Medellín")."""
    if not name.isascii():
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        if plain and plain != name and known_type(plain) in ("GPE", "LOC"):
            return known_type(plain)
    if name in lx.COUNTRIES or name in lx.CITIES or name in lx.STATES:
        return "GPE"
    if name in lx.LOCATIONS:
        return "LOC"
    if name in lx.DEMONYMS:
        return "NORP"
    if name in lx.KNOWN_ORGS:
        return "ORG"
    if _demonym_of_place(name):
        return "NORP"
    return None


def _demonym_of_place(word: str) -> bool:
    """A people's adjective formed from a known place's name ("Tasmanian", "Tennessean", "Bostonians"): the name
    with "-n", "-an", "-ian" or "-ean" added, a final "-e" or "-a" of the place dropped before it."""
    if " " in word or len(word) < 6 or not re.fullmatch(r"[A-Z][a-z]+", word):
        return False
    single = word[:-1] if word.endswith("ns") else word
    if not single.endswith("an"):
        return False
    stems = {single[:-1], single[:-2], single[:-3], single[:-2] + "e", single[:-3] + "e", single[:-3] + "a",
             single[:-2] + "a"}
    return any(len(stem) > 3 and (stem in lx.COUNTRIES or stem in lx.CITIES or stem in lx.STATES) for stem in stems)


@dataclass(frozen=True)
class Mention:
    """One predicted mention."""

    start: int
    end: int
    text: str
    type: str
    form: str = "name"
    canonical: str | None = None


def _organisation_noun(word: str) -> bool:
    """A noun for a kind of organisation ("broadcaster", "chipmaker"), not a person's ("winemaker")."""
    lower = word.lower()
    return lower in _ORG_NOUNS or (len(lower) > 7 and lower.endswith("maker") and lower not in _PERSON_MAKERS)


# words for a firm's relation to another that open a sentence before its name ("Rival Corsa Systems reports ...")
_BUSINESS_RELATIONS = frozenset(("rival", "rivals", "competitor", "peer", "parent", "subsidiary", "partner"))
# given names shaped like agent nouns, which an opening "Bowler ..." is not
_AGENT_NAMES = frozenset(("Jennifer", "Peter", "Christopher", "Alexander", "Oliver", "Walter", "Roger", "Heather",
                          "Amber", "Esther", "Hunter", "Tucker", "Spencer", "Taylor", "Victor", "Hector", "Connor",
                          "Trevor", "Skyler", "Tyler", "Carter", "Parker", "Homer", "Jasper", "Xander", "Conor",
                          "Eleanor", "Eleonor", "Igor", "Gunnar", "Reiner", "Rainer", "Werner", "Günter", "Gunter"))
# "-maker" nouns for people
_PERSON_MAKERS = frozenset(("winemaker", "filmmaker", "policymaker", "lawmaker", "peacemaker", "dressmaker",
                            "matchmaker", "playmaker", "shoemaker", "kingmaker", "troublemaker", "decision-maker",
                            "homemaker", "cheesemaker", "watchmaker", "dealmaker", "rainmaker", "noisemaker",
                            "cabinetmaker", "bookmaker"))


def _role_word(word: str) -> bool:
    """A noun for a person's role or profession ("coach", "cardiologist", "historian")."""
    lower = word.lower()
    return lower in lx.ROLE_NOUNS or lower in _PERSON_MAKERS or (
        len(lower) > 6 and lower.endswith(("ologist", "ist", "ian")) and lower.isalpha()
                                      and lower not in _NOT_ROLES)


# words with a profession's ending that are none
_NOT_ROLES = frozenset(("christian", "against", "assist", "persist", "insist", "exist", "resist", "median", "guardian",
                        "civilian", "canadian", "australian", "indian", "italian", "russian", "asian", "european"))


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _strip_period(text: str, token: str) -> str:
    """Drop a sentence period from a token, keeping it for initials and abbreviations ("J.", "U.S.", "St.")."""
    if not token.endswith("."):
        return token
    core = token[:-1]
    if token in lx.STATE_ABBREVIATIONS or len(core) == 1 or "." in core or core.lower() in ("st", "gen", "dr", "mr", "mrs", "ms", "sen", "rep", "lt",
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
        gap = text[(pending or current)[-1][1]:s] if current else ""
        # a plural possessive of people inside a name: "Renters' Rights Bill", "Fishermen's Federation"
        gap_ok = bool(current) and (gap == " " or (gap in ("' ", "’ ") and not pending and current[-1][2].endswith("s")))
        if _ORDINAL.fullmatch(token) and (pending or all(t in lx.NOT_NAMES for _, _, t in current)) and i + 1 < len(tokens) \
                and _is_cap(tokens[i + 1][2]) and text[e:tokens[i + 1][0]] == " ":
            if current:
                runs.append(current)
            current = [(s, e, token)]  # "9th U.S. Circuit Court of Appeals": kept only if the name is an organisation's
            pending = []
            continue
        if _BASED.search(token) and _is_cap(token):
            if current:
                runs.append(current)
            runs.append([(s, e, token)])  # "Ferrow-based Acme Ltd": the place stands apart from the name
            current, pending = [], []
            continue
        if (_is_cap(token) and not token.isdigit()) or (current and gap_ok and _LOWER_MODEL.fullmatch(token)):
            if current and gap_ok:
                current.extend(pending)
                current.append((s, e, token))
            else:
                if current:
                    runs.append(current)
                current = [(s, e, token)]
            pending = []
            plural_people = token[:-2].endswith(("men", "ren", "ple")) and i + 1 < len(tokens) \
                and _is_cap(tokens[i + 1][2]) and text[e:tokens[i + 1][0]] == " "
            # a possessive before a place or building head that ends the name: "St Anne's Hospital", "Van Diemen's Land"
            place_after = i + 1 < len(tokens) and tokens[i + 1][2] in lx.POSSESSIVE_HEADS \
                and text[e:tokens[i + 1][0]] == " " and not (
                    i + 2 < len(tokens) and text[tokens[i + 1][1]:tokens[i + 2][0]] == " " and _is_cap(tokens[i + 2][2]))
            if (token.endswith(("'s", "’s")) and not plural_people and not place_after) \
                    or text[e:e + 1] in (",", ";", ":", ")", "(", '"', "“", "”"):
                runs.append(current)
                current = []
        elif current and gap_ok and len(pending) < 2 and (token in lx.NAME_CONNECTORS or (
                token == "on" and not pending and (current[-1][2] in lx.LAW_HEADS or current[-1][2] in lx.ORG_SUFFIXES)
                and i + 1 < len(tokens) and tokens[i + 1][2] not in lx.WEEKDAYS and tokens[i + 1][2] not in lx.MONTHS)):
            pending.append((s, e, token))  # "on" only after a law's or a body's head: "Protocol on ...", "Committee on ..."
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return _joined_lists(text, runs)


def _joined_lists(text: str, runs: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
    """Join runs that one name's list of fields splits: "Ministry of Fisheries, Forestry and Marine Resources" (a
    comma inside the complement of "of"), "Medicines and Healthcare products Regulatory Agency" (one lower-case
    word between fields and the body's head)."""
    joined: list[list[tuple[int, int, str]]] = []
    for run in runs:
        if joined and run:
            previous = joined[-1]
            gap = text[previous[-1][1]:run[0][0]]
            words = [t for _, _, t in previous]
            following = [t for _, _, t in run]
            # the list goes on to an "and" between two fields ("..., Forestry and Marine Resources")
            listed = gap == ", " and words[-1] in lx.TOPIC_WORDS and following[0] in lx.TOPIC_WORDS and any(
                w in ("of", "for") and (words[k - 1] in lx.ORG_SUFFIXES or words[k - 1] in lx.ORG_HEADS)
                for k, w in enumerate(words[1:], 1)) and "and" in following[1:3] \
                and following.index("and") + 1 < len(following)
            # ... a plural common noun, no verb ("Food and Drug products Inspection Agency")
            lowered = re.fullmatch(r" [a-z]{3,}s ", gap) is not None and gap.strip() not in lx.SPEECH_VERBS \
                and gap.strip() not in _NOT_PLURALS and "and" in words and run[-1][2] in lx.ORG_SUFFIXES and len(run) <= 3
            if listed or lowered:
                if lowered:
                    inner = previous[-1][1] + 1
                    previous.append((inner, inner + len(gap) - 2, gap.strip()))
                previous.extend(run)
                continue
        joined.append(list(run))
    return joined


_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
_FLYING = re.compile(r"\b(?:airlines?|flights?|flew|passengers|carriers?|aircraft|airport|cabin crew)\b", re.IGNORECASE)
# an act of a legislature named by its kind and a numbered designation: "Regulation 261/2004", "Directive 2019/1937",
# "Regulation (EU) No 1005/2008"
_LAW_DESIGNATION = re.compile(r"\b(?:Regulation|Directive|Decision|Resolution|Ordinance|Decree|Law)"
                              r" (?:\((?:EU|EC|EEC)\) )?(?:No\.? )?\d{1,4}[/.]\d{1,4}(?:/(?:EU|EC|EEC))?(?![\d/])")
# a model code written in lower case, inside a name after a maker's: "Hyundai i20", "Nuvola eX5"
_LOWER_MODEL = re.compile(r"[a-z]{1,2}\d{1,4}[A-Za-z]{0,3}|[a-z][A-Z][A-Za-z]*\d*")
# a model designation: "F-16", "KF-21", "MiG-29", "Shahed-136", and its plural "F-16s"
_MODEL_CODE = re.compile(r"[A-Z][A-Za-z]{0,11}-[A-Z]?\d{1,4}[A-Za-z]?s?")
# codes of that shape that name no product
_NOT_MODELS = frozenset(("COVID", "SARS", "MERS", "H1N1", "G", "P", "MH", "FLIGHT", "ISO", "EN", "UN", "UNSC", "M", "A"))
# plural place nouns after "X and Y": "Khulna and Satkhira districts"
_PLACE_PLURALS = {"districts": "GPE", "provinces": "GPE", "states": "GPE", "counties": "GPE", "regions": "GPE",
                  "parishes": "GPE", "municipalities": "GPE", "prefectures": "GPE", "islands": "LOC", "rivers": "LOC",
                  "mountains": "LOC", "lakes": "LOC", "valleys": "LOC"}
# nouns for works that are also verbs: only a possessive or a year right before makes them nouns
_VERB_NOUNS = frozenset(("hit", "play", "show", "single", "release", "game", "drama", "record"))
# words that open or carry a clause, so no noun phrase runs through them
_CLAUSE_WORDS = frozenset(("that", "which", "who", "whom", "whose", "and", "or", "but", "to", "was", "were", "is",
                           "are", "has", "had", "have", "will", "would", "it", "they", "he", "she", "we", "not"))
# words ending in "s" that count nothing ("Halo 3 was released", "Switch 2 as well")
_NOT_PLURALS = frozenset(("was", "has", "this", "thus", "plus", "its", "his", "yes", "across", "unless", "less",
                          "perhaps", "always", "does", "goes", "becomes", "comes", "sells", "ships", "costs", "runs"))
_ORDINAL_WORDS = frozenset(("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"))


def _title_case(line: str) -> bool:
    """Most longer words capitalised, as in "Harbour Tech Opens Berlin Office"."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


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
        for s, e, type_ in temporal_mentions(self.text, start, end):
            self._add(s, e, type_)

    # --- names ---

    def _classify(self, run: list[tuple[int, int, str]], person: bool = True) -> None:
        """Type one run of capitalised words and add its mention(s); ``person=False`` when it cannot be a person."""
        text = self.text
        if person and self._title(run):
            return
        # a leading non-name word ("The", "But") and sentence-initial function words go
        while run and (run[0][2] in lx.NOT_NAMES or (run[0][2].lower() in lx.NAME_CONNECTORS and not (
                run[0][2] in _PARTICLES and len(run) >= 2 and not self._sentence_start(run[0][0])))
                       or run[0][2].lower() in lx.SPEAKING_GROUPS):  # "Organisers of the ... Festival"
            if run[0][2] in _ORDINAL_WORDS and len(run) >= 3 and run[-1][2].lower() in lx.PLACE_HEADS \
                    and not self._sentence_start(run[0][0]):
                break  # "the Third Mainland Bridge"
            if run[0][2] in _FOREIGN_ARTICLES and len(run) >= 2 and not self._sentence_start(run[0][0]):
                break  # "told Le Monde": the article belongs to the name
            run = run[1:]
        while run and run[-1][2] in lx.NAME_CONNECTORS:
            run = run[:-1]
        if not run:
            return
        words = [_possessive(t) for _, _, t in run]
        if len(run) == 2 and words[1] in self.surnames and words[0] not in lx.FIRST_NAMES \
                and self._sentence_start(run[0][0]) and self.surnames[words[1]] != " ".join(words):
            self._classify(run[1:], person)  # "Stolen Vermeer sketch returns": the opening word is no name
            return
        bare_the = next((i for i, w in enumerate(words[1:-1], 1) if w == "the" and words[i - 1] not in ("of", "for")
                         and not self._listed_field(words, i)), None)
        if bare_the is not None:  # "hands Flamengo the Rio derby": two names, not one
            self._classify(run[:bare_the], person)
            self._classify(run[bare_the + 1:], person)
            return
        at_for = words.index("for") if "for" in words[1:-1] else 0
        if at_for and not organisation_shape(words[:at_for]) and words[at_for - 1] not in _PERSON_TITLES \
                and words[at_for - 1] not in lx.ORG_SUFFIXES and words[at_for - 1] not in lx.ORG_HEADS:
            self._classify(run[:at_for], person)  # "asked Canberra for Defence Force support": two names
            self._classify(run[at_for + 1:], person)
            return
        if _ORDINAL.fullmatch(words[0]):
            if len(run) > 1 and organisation_shape(words[1:]):
                self._add(run[0][0], run[-1][0] + len(words[-1]), "ORG")
                return
            run, words = run[1:], words[1:]
        full = " ".join(words)
        if full in lx.MONTHS or full in lx.WEEKDAYS or full in lx.MONTH_ABBREVIATIONS:
            return
        if len(run) > 1 and self._known_type(full) is not None:
            self._add(run[0][0], run[-1][0] + len(words[-1]), self._known_type(full))
            return
        # a name before a title is a name of its own ("Chilean President Ana Rojas", "Acme chief ... ")
        cut = self._title_inside(words)
        if cut:
            # words that qualify the title belong to it ("Senate Majority Leader"), and what stands before a
            # title is its organisation or place, not a person
            head = cut
            while head > 0 and words[head - 1] in _TITLE_MODIFIERS:
                head -= 1
            self._classify(run[:head], person=False)
            run, words = run[cut:], words[cut:]
            full = " ".join(words)
        # "Acme and Globex": two names, unless the whole is one organisation's name
        # ... unless the words before "and" are a name already ("Justice Department and the State Department")
        joined = words.index("and") if "and" in words[1:-1] else 0
        # "Department of Forestry and Fire Protection": the "and" joins the complement of an organisation's "of"
        of_at = next((i for i, w in enumerate(words[1:joined], 1) if w in ("of", "for", "on")), 0)
        # ... and after "for" or "on" ("Centre for Archives and Heritage Science", "Protocol on X and Y")
        of_phrase = bool(of_at) and (organisation_shape(words[:of_at]) or words[of_at - 1] in lx.LAW_HEADS)
        # "Fisheries and Oceans Act", "Museum and Art Gallery": common nouns for fields on both sides of "and" and a
        # head word ending the whole make one name
        topic_join = bool(joined) and words[joined + 1] in lx.TOPIC_WORDS \
            and (words[-1] in lx.ORG_SUFFIXES or words[-1] in lx.LAW_HEADS) and words[joined - 1] != words[-1] \
            and (words[joined - 1] in lx.TOPIC_WORDS or words[joined - 1] in lx.ORG_SUFFIXES)
        if joined and not of_phrase and not topic_join and (words[-1] not in lx.ORG_SUFFIXES and words[0] not in lx.ORG_HEADS
                                         or words[joined + 1] == "the" or organisation_shape(words[:joined])):
            cut = words.index("and")
            self._classify(run[:cut])
            self._classify(run[cut + 1:])
            return
        if len(run) >= 2 and (words[-1] == "Observatory" or (words[-1] in ("Centre", "Center")
                                                             and words[-2] in lx.FACILITY_CENTRE_USES)) \
                and self._inside_building(run[0][0], words[-1] != "Observatory"):
            self._add(run[0][0], run[-1][0] + len(words[-1]), "FAC")
            return  # "sheltered in the Laura Community Centre": the building (FAC), not the body that runs it
        possessive_at = next((k for k, (_, _, t) in enumerate(run[:-1]) if t.endswith(("'s", "’s"))), None)
        if possessive_at is not None and words[-1] in lx.POSSESSIVE_HEADS and possessive_at == len(run) - 2:
            self._add(run[0][0], run[-1][0] + len(words[-1]), lx.POSSESSIVE_HEADS[words[-1]])
            return  # "St Anne's Hospital", "Van Diemen's Land"
        if len(run) >= 2 and words[-1].lower() in lx.PLACE_HEADS and words[-1][:1].isupper() \
                and self._known_type(full) is None and (not organisation_shape(words) or (
                    lx.PLACE_HEADS[words[-1].lower()] == "FAC" and words[-1] not in lx.ORG_SUFFIXES
                    and words[0] not in ("Ministry", "Department", "University", "Bank", "Court", "Office"))):
            self._add(run[0][0], run[-1][0] + len(words[-1]), lx.PLACE_HEADS[words[-1].lower()])
            return  # "Prince Street", "Mill Lane": no title before a person, but a place's name
        if len(run) == 2 and words[0] in lx.COMPASS and words[1] in lx.DEMONYMS:
            self._add(run[0][0], run[-1][0] + len(words[-1]), "NORP")
            return  # "North American", "West African"
        if len(run) >= 2 and words[0] in lx.COMPASS and self._known_type(" ".join(words[1:])) in ("LOC", "GPE"):
            self._add(run[0][0], run[-1][0] + len(words[-1]), self._known_type(" ".join(words[1:])))
            return  # "East Africa", "Southern Europe"
        if len(run) >= 3 and self._known_type(" ".join(words[1:])) == "ORG" and words[0] in lx.DEMONYMS:
            self._add(run[0][0], run[-1][0] + len(words[-1]), "ORG")
            return  # "Australian Red Cross": a national branch of a known organisation
        # titles: drop them, remember the name after is a person
        titled = False
        i = 0
        if len(run) >= 2 and all(w in lx.ORG_SUFFIXES for w in words[1:]) and words[0] in _PERSON_TITLES:
            i = len(run)  # "Justice Department", "Interior Ministry": a title word names the organisation
            self._add(run[0][0], run[-1][0] + len(words[-1]), "ORG")
            return
        while i < len(run):
            two = " ".join(words[i:i + 2])
            if i == 0 and len(words) > 1 and (words[1] in lx.ORG_SUFFIXES or words[1] in lx.ORG_HEADS) \
                    and two not in _PERSON_TITLES:
                break  # "General Directorate of Water Management": the title word names the body
            if two in _PERSON_TITLES and i + 2 < len(run):
                i += 2
                titled = True
            elif words[i] in _PERSON_TITLES and i + 1 < len(run):
                i += 1
                titled = True
            else:
                break
        if len(run) >= 2 and (_organisation_noun(words[0]) or (words[0].lower() in _BUSINESS_RELATIONS
                                                              and organisation_shape(words[1:]))) \
                and self._known_type(full) is None \
                and words[1] not in lx.NAME_CONNECTORS:  # "Ministry of Education" is one name
            self._classify(run[1:], person=False)  # "Chipmaker Orvane" opening a headline
            if not any(m.start == run[1][0] for m in self.mentions):
                self._add(run[1][0], run[-1][0] + len(words[-1]), "ORG")
            return
        if not titled and len(run) >= 3 and (_role_word(words[0]) or (
                len(run) == 3 and self._sentence_start(run[0][0]) and words[0].lower().endswith(("er", "or"))
                and words[0] not in lx.FIRST_NAMES and words[0] not in _AGENT_NAMES and words[0] not in lx.COMMON_WORDS)) \
                and self._person_like(words[1:]):
            i, titled = 1, True  # "Cardiologist Omar Haddad", "Opener Ravi Das" opening a sentence
        if titled:
            run, words = run[i:], words[i:]
            full = " ".join(words)
        start = run[0][0]
        end = run[-1][0] + len(words[-1])
        # hyphenated compounds: only the capitalised parts ("Chinese-made", "Franco-German")
        if len(run) == 1 and "-" in words[0]:
            if _MODEL_CODE.fullmatch(words[0]) and self._typed_by_form(run, words, start, end):
                return  # "F-16s"
            self._compound(run[0][0], words[0])
            return
        after = self._word_after(end).lower()
        if self._whole_known(full, run) or len(run) == 1:
            if len(run) == 1 and not titled:
                self._single(run, after=after)
                return
        kind = self._known_type(full)
        if kind is None and not titled and self._typed_by_form(run, words, start, end):
            return
        if "of" in words[2:-1]:
            # "Clara Lindholm of Aarhus University": a person and the organisation they belong to
            at = words.index("of")
            if self._person_like(words[:at]) and words[0] not in lx.ORG_HEADS and organisation_shape(words[at + 1:]) \
                    and not re.search(r"\b[Tt]he $", text[max(0, start - 4):start]):  # "the Hellenic Register of Shipping"
                self._classify(run[:at])
                self._classify(run[at + 1:], person=False)
                return
        if kind is None and organisation_shape(words) and len(run) > 1:
            kind = "ORG"
        if kind is None and len(run) > 1 and not titled and not self._organisation_noun_before(start) and (
                words[-1] in lx.EVENT_HEADS or " ".join(words[-2:]) in lx.EVENT_HEADS):
            kind = "EVENT"  # "Formula One Grand Prix", "Munich Security Conference"
        if kind is None and words[-1].lower() in lx.PLACE_HEADS and len(run) > 1 and not titled:
            kind = lx.PLACE_HEADS[words[-1].lower()]  # "Ewood Park", "Hudson River"
        if kind is None and after in _ORG_NOUNS_AFTER and not titled:
            kind = "ORG"
        if kind is None and after in lx.PLACE_HEADS and not titled:
            head_end = end + self.text[end:].index(self._word_after(end)) + len(after)
            self._add(start, head_end, lx.PLACE_HEADS[after])
            return
        if kind is None:
            if words[-1] in lx.ORG_SUFFIXES or words[0] in lx.ORG_HEADS or self._organisation_noun_before(start):
                kind = "ORG"
            elif not titled and len(run) <= 3 and words[0] not in lx.FIRST_NAMES and not self._sentence_start(start) \
                    and (self._word_before(start).lower() in ("in", "near", "from", "outside", "into", "towards", "toward")
                         or _TRAVEL_TO.search(text[max(0, start - 24):start])) \
                    and not (self._word_before(start).lower() == "from" and run[-1][2].endswith(("'s", "’s"))) \
                    and all(self._name_like(w) for w in words):
                kind = "GPE"  # "in Oak Flat": a place of more than one word nobody knows
            elif words[-1] in ("Fire", "Wildfire", "Blaze", "Bushfire") and not titled:
                kind = "EVENT"  # "the Cedar Ridge Fire": a named wildfire
            elif words[-1] == "Air" and self._airline(words):
                kind = "ORG"  # "Kestrel Air": an airline
            elif person and (titled or self._role_before(start)):
                kind = "PERSON"
            elif len(words) > 1 and all(w in lx.COMMON_WORDS for w in words[words[0] in lx.DEMONYMS:]) \
                    and (words[0] not in lx.DEMONYMS or words[-1] in lx.UTILITY_HEADS or words[-1] in lx.ORG_SUFFIXES) \
                    and not self._person_evidence(words, start, end):
                # "Silver Ridge Power", "Quiet Ember": common words make no person's name without a cue for one; a
                # nationality opening a body's name belongs to it ("African Open Trade Area")
                kind = "ORG" if words[-1] in lx.UTILITY_HEADS or words[-1] in lx.ORG_SUFFIXES else None
            elif person and self._person_like(words):
                # a determiner does not go before a person's name: "at the Sala Grande", "the Velvet Kites"
                the = re.search(r"\b(?:(at|in|on|near|outside|inside) )?[Tt]he $", text[max(0, start - 12):start])
                if the is None or words[0] in lx.FIRST_NAMES:
                    kind = "PERSON"
                elif words[-1] in _PERSON_TITLES or " ".join(words[-2:]) in _PERSON_TITLES:
                    return  # "the Foreign Secretary": a title, no name
                else:
                    kind = "FAC" if the.group(1) else "ORG"
        if kind is None and len(words) > 1 and words[0] in lx.DEMONYMS:
            self._add(start, start + len(words[0]), "NORP")  # "Nigerian Afrobeats star ...": the nationality
            self._classify(run[1:], person)  # "American Jessica Tran": and the name after it
            return
        if kind is None:
            return
        if kind == "PERSON" and "of" in words[1:-1]:
            # "Senator Rand Paul of Kentucky": a person and the place they represent
            at = words.index("of")
            place = words[at + 1:]
            body = place[1:] if place[0] == "the" else place
            if self._person_like(words[:at]) and body and (organisation_shape(body) or organisation_shape(words[at + 1:])):
                # "Inspector Ann Lee of Harwick Police", "Professor Ada Obi of the University of Kent"
                self._classify(run[:at])
                self._classify(run[at + 1:], person=False)
                return
            if self._known_type(" ".join(place)) in ("GPE", "LOC") or (
                    titled and len(place) <= 2 and all(self._name_like(w) for w in place)):
                self._classify(run[:at])
                self._add(run[at + 1][0], end, self._known_type(" ".join(place)) or "GPE")
                return
        if kind == "PERSON":
            canonical = self.surnames.get(words[-1]) or full
            self.surnames.setdefault(words[-1], canonical)
            self._add(start, end, kind, canonical=canonical)
        else:
            if kind == "ORG" and len(run) > 1 and words[0] not in lx.ORG_HEADS and words[0] not in lx.NOT_NAMES \
                    and words[-1] not in _PLACE_INSTITUTIONS:
                self.aliases.setdefault(words[0], "ORG")  # "Acme Holdings" ... later "Acme"
            if kind == "ORG" and len(run) == 2 and words[-1] in lx.CLUB_SUFFIXES:
                self.aliases.setdefault(words[-1], "ORG")  # "Kelso Rovers" ... later "Rovers"
            self._add(start, end, kind)

    # --- names typed by their form and the words around them ---

    def _apposition_noun(self, end: int, nouns: frozenset) -> str | None:
        """The head noun of an apposition after ``end`` when it is one of ``nouns`` (", a daily tablet,",
        ", the mangrove forest that ...", ", a novel about ..."), or None: the last word before a
        preposition, a relative pronoun or a punctuation mark, within four words (", a former harbour
        master who" has the head "master")."""
        match = re.match(r",\s+(?:the|a|an)\s+((?:[\w'’-]+ ){0,3}?[\w'’-]+)(?=[,.;:]| (?:that|which|who|whose|where|"
                         r"of|in|on|at|with|for|about|from|by|near|off|and|to|set|made|built|based|known|called|owned|run|"
                         r"led|founded|backed|listed)\b)",
                         self.text[end:end + 80])
        if match is None:
            return None
        head = match.group(1).split()[-1].lower()
        return head if head in nouns else None

    def _dateline_places(self) -> set[str]:
        return {self.text[s:e] for s, e in self.article.datelines}

    def _determined_noun_before(self, start: int, nouns: frozenset) -> bool:
        """Whether a noun of ``nouns`` stands right before ``start`` (a comma may follow it) after a determiner,
        a possessive or a year within three words: "her album X", "Herrera's 2019 novel X", "the drug, X"."""
        match = re.search(r"(?:\b(?i:the|a|an|its|his|her|their|our|this|whose)|['’]s|\b(?:19|20)\d\d)"
                          r"((?: [\w-]+){1,3}),?(?: the)? [\"“]?$", self.text[max(0, start - 60):start])
        if match is None:
            return False
        *between, noun = match.group(1).split()
        if noun.lower() in _VERB_NOUNS and not re.search(r"(?:\b(?:its|his|her|their|our)|['’]s|\b(?:19|20)\d\d) [\w-]+,?"
                                                        r"(?: the)? [\"“]?$", self.text[max(0, start - 40):start]):
            return False  # "The outage hit X" is a verb; "its 2021 hit X" a noun
        # "a hailstorm that hit X": a clause, not a noun phrase, stands between
        return noun.lower() in nouns and not any(w.lower() in _CLAUSE_WORDS for w in between)

    def _title(self, run: list[tuple[int, int, str]]) -> bool:
        """Add a titled work when ``run`` is one: after a noun for a kind of work ("the novel A House Made of
        Tides", "her album Cidade Azul"), or opened by a capitalised article inside a sentence ("the cast of
        The Salt Orchard"), which only titles (and a few names the gazetteer knows) have."""
        start = run[0][0]
        words = [_possessive(t) for _, _, t in run]
        end = run[-1][0] + len(words[-1])
        if len(words) == 1 and words[0] in self.surnames:
            return False  # "the exhibition Vermeer's Delft": the painter, named before
        # the cheap look at the word before first: most runs have no noun for a work there
        previous = re.search(r"([A-Za-z]+)[,\"“]? (?:the )?[\"“]?$", self.text[max(0, start - 24):start])
        previous = previous.group(1).lower() if previous else ""
        after_noun = (previous in lx.WORK_NOUNS and self._determined_noun_before(start, lx.WORK_NOUNS)) or (
            previous in ("in", "directed", "composed", "painted") and re.search(
                r"\b(?:starred|starring|stars|appeared|appears) in $|\b(?:directed|composed|painted) $",
                self.text[max(0, start - 20):start]) is not None)
        after_noun = after_noun or previous in ("titled", "entitled")  # "an exhibition titled Salt and Iron"
        after_noun = after_noun or (self.text[end:end + 1] == "," and words[0] not in lx.FIRST_NAMES
                                    and self._apposition_noun(end, lx.WORK_NOUNS) is not None)  # "Salt and Iron, a novel"
        article = words[0] in ("The", "A", "An") and len(words) >= 3 and not self._sentence_start(start)
        quoted = self.text[start - 1:start] in ('"', "“") and self.text[end:end + 1] in ('"', "”") \
            and len(words) <= 6 and sum(w[:1].isupper() for w in words) >= len(words) - 1 \
            and not re.search(r"(?:said|says|told|:)\s*$", self.text[max(0, start - 12):start - 1])
        after_noun = after_noun or quoted  # a short title-case phrase alone in quotation marks: "Paper Moon"
        if not (after_noun or article):
            return False
        body = words[1:] if words[0] in ("The", "A", "An") else words
        if not body or self._known_type(" ".join(words)) or self._known_type(" ".join(body)) \
                or (organisation_shape(body) and not after_noun) or body[-1] in lx.EVENT_HEADS or body[-1] in lx.LAW_HEADS \
                or (body[-1].lower() in lx.PLACE_HEADS and not article and not after_noun) or (words[0] in lx.FIRST_NAMES and not after_noun):
            return False
        if self._word_after(end).lower() in _ORG_NOUNS_AFTER:
            return False  # "The Daily Post newspaper"
        if re.search(r"\b(?:published|appeared|printed)\b[\w ,]{0,25} in $", self.text[max(0, start - 40):start]):
            self._add(start, end, "ORG")  # "published in The Lancet Healthy Longevity": a journal
            return True
        self._add(start, end, "WORK_OF_ART")
        return True

    def _airline(self, words: list[str]) -> bool:
        """Whether "<Brand> Air" names an airline: the brand is written as a word (not "MacBook"), no maker the
        lexicon knows, and the article speaks of flights, passengers or airlines."""
        brand = words[:-1]
        return bool(brand) and all(self._name_like(w) for w in brand) and " ".join(brand) not in lx.KNOWN_ORGS \
            and _FLYING.search(self.text) is not None

    def _model(self, words: list[str], end: int, numbered: bool = True) -> int | None:
        """Where a product's name ends when ``words`` (ending at ``end``) name a model: a number after them
        ("Halo 3", "Unreal Engine 5", but not "Category 3" or "Halo 2%"), a model code ("Ridgeback E2"), an
        edition word ("Flex Lite"), or a series letter ("Series X"); None otherwise."""
        if numbered and (words[0] in lx.NUMBERED_NOUNS or words[-1] in lx.NUMBERED_NOUNS or words[0] in lx.COMPASS):
            return None  # "Category 3", "South 24 Parganas"
        number = re.match(r" (\d{1,3}(?:\.\d{1,2})?s?)(?!\d|[,.:/-]\d|\w| ?%| ?(?:percent|per|million|billion|trillion)\b)"
                          r"(?: ([a-z]+))?", self.text[end:end + 30])
        counted = number is not None and number.group(2) is not None and len(number.group(2)) > 3 \
            and number.group(2).endswith("s") and number.group(2) not in _NOT_PLURALS \
            and number.group(2) not in lx.PRODUCT_NOUNS  # "Ferrow 3 goals", but "Model 3 cars"
        if number and not counted:  # "Halo 3", but not "Ferrow 3 goals"
            model_end = end + len(number.group(0)) - (len(number.group(2)) + 1 if number.group(2) else 0)
            edition = re.match(r" ([A-Z][a-z]*)\b(?: \d{1,2}\b(?![,.]\d))?", self.text[model_end:model_end + 15])
            return model_end + edition.end() if edition and edition.group(1) in lx.EDITION_WORDS else model_end
        last = words[-1]
        if last == "Air" and self._airline(words):
            return None
        if len(words) >= 2 and (re.fullmatch(r"[A-Z]{1,3}\d{1,4}[A-Za-z]{0,3}|\d{1,4}[A-Z]{1,3}", last)
                                or (last in lx.EDITION_WORDS and not organisation_shape(words[:-1]))
                                or (len(last) == 1 and last.isupper() and words[-2] in ("Series", "Model", "Class",
                                                                                      "Type", "Mark"))):
            return end
        return None

    def _typed_by_form(self, run: list[tuple[int, int, str]], words: list[str], start: int, end: int) -> bool:
        """Add a name typed by its form or its cue and say so; False when none applies.

        The head word says the type: a law ("... Act", "... Agreement"), a
        storm or battle ("Hurricane ...", "Battle of ..."), a building or
        place in a language news names them in ("Stade ...", "Avenida ...",
        "Mount ..."), an event noun after the name ("the Ferrow festival",
        "the European Parliament election"); a model number, code or
        edition makes a product ("Halo 3", "Ridgeback E2", "Flex Lite"), and
        so does a product noun or launch verb before the name ("the drug
        Arvelix", "unveiled the Tanuki") or after it ("the Halo glasses");
        a name after "X-based" is an organisation's ("Madrid-based Estrella
        Norte"). A short name such a name leaves behind ("Halo" after "Halo
        3", "Delphine" after "Hurricane Delphine") keeps its type.
        """
        text = self.text
        full = " ".join(words)
        if full in self.surnames or (len(words) == 1 and words[0] in lx.NOT_NAMES):
            return False
        if len(words) == 1 and re.fullmatch(r"COP ?\d{1,2}", full):
            self._add(start, end, "EVENT")  # the UN climate conferences
            return True
        if len(words) > 1 and self.aliases.get(full) in ("PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "ORG"):
            self._add(start, end, self.aliases[full])  # "Corvo OS" after "Corvo OS 5"
            return True
        if len(run) > 1 and "-" in words[0] and any(part.islower() for part in words[0].split("-")):
            self._compound(start, words[0])  # "Lisbon-drafted Urban Rents Act": the place, then the name
            self._classify(run[1:])
            return True
        if full != full.upper() and full.upper() in self._dateline_places():
            self._add(start, end, "GPE")  # "Lake Charles" after the dateline "LAKE CHARLES, La. -"
            return True
        at_the = re.search(r"\b(?:at|inside|outside) the $", text[max(0, start - 12):start]) is not None \
            and not re.match(r" (?:[a-z]+ )?(?:fair|show|festival|summit|conference|expo|awards)\b", text[end:end + 30])
        if at_the and (len(words) == 1 or words[-1] in ("Arena", "Hall", "Dome", "Pavilion")) \
                and self._known_type(full) is None and words[0] not in lx.ORG_HEADS \
                and words[0] not in lx.NOT_FIRST_NAMES and full not in self.aliases:
            self._add(start, end, "FAC")  # "at the Festhalle", "at the Albert Hall": a venue ("Centre" may be a body's)
            return True
        two_word_head = re.match(r" (?:air|naval|military|army|power|nuclear|train|bus|railway|police|fire|oil|gas)"
                                 r" (base|station|plant|field|terminal)\b", text[end:end + 30])
        if two_word_head and self._known_type(full) is None:
            self._add(start, end + two_word_head.end(), "FAC")  # "Lask air base", "Ferrow power station"
            return True
        plural = re.match(r" (?:and|or) [A-Z][\w'’-]+ ([a-z]+)\b", text[end:end + 40]) if len(words) == 1 else None
        plural = plural or (re.match(r" ([a-z]+)\b", text[end:end + 30])
                            if re.search(r"[A-Z][\w'’-]+,? (?:and|or) $", text[max(0, start - 30):start]) else None)
        if plural and plural.group(1) in _PLACE_PLURALS and self._known_type(full) in (None, "GPE", "LOC"):
            self._add(start, end, _PLACE_PLURALS[plural.group(1)])  # "Khulna and Satkhira districts"
            return True
        place = self._apposition_noun(end, frozenset(lx.PLACE_HEADS))
        if place and self._known_type(full) is None and words[0] not in lx.FIRST_NAMES:
            self._add(start, end, lx.PLACE_HEADS[place])  # "the Sundarbans, the mangrove forest that ..."
            return True
        if _MODEL_CODE.fullmatch(words[0]) and words[0].split("-")[0].upper() not in _NOT_MODELS:
            model_end = self._model(words, end, numbered=False) or end
            self._add(start, model_end, "PRODUCT")  # "F-16 Block 70", "KF-21 Boramae", "F-16s"
            return True
        if len(words) >= 2 and words[-1] in lx.AWARD_HEADS and words[0] not in lx.FIRST_NAMES:
            self._add(start, end, "WORK_OF_ART")  # "the Booker Prize", as OntoNotes types prizes
            return True
        if len(words) >= 3 and words[0] in lx.LAW_HEADS and words[1] in ("on", "of", "for") \
                and (words[1] == "on" or not self._sentence_start(start)):
            self._add(start, end, "LAW")  # "the Protocol on Sustainable Tuna Access", "Convention on Biological Diversity"
            return True
        if len(words) >= 2 and words[-1] in lx.LAW_HEADS and words[0] not in lx.FIRST_NAMES \
                and not organisation_shape(words[:-1]):  # "Centre for Trade Policy", but "Energy and Water ... Act"
            self._add(start, end, "LAW")
            return True
        # the longest storm or battle word opening the name: "Severe Tropical Cyclone Ilsa", "Typhoon Korrin"
        opening = next((k for k in (3, 2, 1) if len(words) > k and " ".join(words[:k]) in lx.EVENT_FIRST), 0)
        if opening:
            named = words[opening:]
            if named and all(self._name_like(w) or w in lx.NAME_CONNECTORS for w in named):
                self._add(start, end, "EVENT")
                if len(named) == 1:
                    self.aliases.setdefault(named[0], "EVENT")  # "Delphine" after "Hurricane Delphine"
                return True
        if len(words) >= 2 and (words[0] in lx.FACILITY_FIRST
                                or (len(words) >= 3 and words[1] in lx.FACILITY_FIRST)):
            self._add(start, end, "FAC")
            return True
        if len(words) >= 2 and words[0] in lx.LOCATION_FIRST and self._name_like(words[-1]):
            self._add(start, end, "LOC")
            return True
        if len(words) >= 2 and self._known_type(full) is None and not organisation_shape(words) \
                and (_PART_OF.search(text[max(0, start - 30):start]) or _RESIDENTS_OF.search(text[max(0, start - 30):start])):
            self._add(start, end, "GPE")  # "residents of New Norfolk", "the town of Port Alder"
            return True
        if len(words) <= 3 and self._known_type(full) is None and words[0] not in lx.FIRST_NAMES \
                and _BETWEEN_PLACES.search(text[max(0, start - 40):start]):
            self._add(start, end, "GPE")  # "the coast between Coquimbo and ...": the ends of a stretch are places
            return True
        if len(words) >= 2 and self._known_type(words[0]) == "GPE" and words[0] not in lx.FIRST_NAMES \
                and self._known_type(full) is None and all(self._name_like(w) for w in words[1:]) \
                and words[-1].lower() not in lx.PLACE_HEADS and words[1] not in lx.DEMONYMS \
                and words[-1] not in lx.EVENT_HEADS and words[-1] not in lx.LAW_HEADS \
                and self._word_after(end).lower() not in lx.EVENT_NOUNS_AFTER \
                and not text[end:end + 13].startswith((" by-election", " run-off")):
            self._add(start, end, "ORG")  # "Kolkata Knight Riders", "Denver Broncos": a team or firm named for its place
            if len(words) == 2 and words[1].endswith("s"):
                self.aliases.setdefault(words[1], "ORG")  # "the Royals" after "Rajasthan Royals"
            return True
        if len(words) == 2 and self._known_type(words[1]) == "GPE" and self._known_type(full) is None \
                and words[0] not in lx.FIRST_NAMES and words[0] not in lx.COMPASS and words[0] not in lx.DEMONYMS \
                and words[0] not in ("New", "Old", "Greater", "Saint", "St.", "San", "Santa", "Port", "Fort", "Mount"):
            self._add(start, end, "ORG")  # "Metro Tasmania", "Invest India": a body named after its place
            return True
        if len(words) >= 2 and words[0] in _FOREIGN_ARTICLES \
                and self._known_type(full) is None and not self._sentence_start(start):
            place = self._word_before(start).lower() in _LOCATION_PREPOSITIONS \
                or _TRAVEL_TO.search(text[max(0, start - 24):start]) is not None or any(
                m.type == "GPE" and re.fullmatch(r"(?:,| and| or|,? and) ", text[m.end:start]) for m in self.mentions)
            self._add(start, end, "GPE" if place else "ORG")  # "told Le Monde", "in El Pais": a foreign article opens a title, no person
            return True
        noun = re.match(r" ([a-z-]+)(?: (show|fair|festival))?\b", text[end:end + 30])
        if noun and (noun.group(1) in lx.EVENT_NOUNS_AFTER or noun.group(2)) \
                and not (len(words) == 1 and self._sentence_start(start)) \
                and self._known_type(full) not in ("GPE", "NORP", "LOC") and full not in lx.WEEKDAYS \
                and full not in lx.MONTHS:
            self._add(start, end + noun.end(), "EVENT")  # "the Sol Maior festival", "the Frankfurt motor show"
            return True
        model_end = self._model(words, end)
        if model_end is not None and self._known_type(full) in (None, "ORG"):
            road = words[-1] in lx.ROAD_WORDS
            self._add(start, model_end, "FAC" if road else "PRODUCT")
            if not road and model_end > end:
                self.aliases.setdefault(full, "PRODUCT")  # "HaloOS" after "HaloOS 7"
            return True
        if len(words) >= 2 and self.aliases.get(words[0]) == "ORG" and words[-1] not in lx.ORG_SUFFIXES \
                and words[-1] not in lx.CLUB_SUFFIXES and not self._sentence_start(start) \
                and all(self._name_like(w) for w in words[1:]) and self._known_type(" ".join(words[1:])) is None \
                and re.search(r"\b(?:the|a|an|its|their|new)\s+$", text[max(0, start - 8):start]):
            self._add(start, end, "PRODUCT")  # "brake lines on the Ridgeway Vista": the firm's name and a model
            return True
        if len(words) >= 2 and words[0] in lx.KNOWN_ORGS and not words[0].isupper() \
                and self._known_type(" ".join(words[1:])) is None and words[-1] not in lx.ORG_SUFFIXES \
                and all(self._name_like(w) or _LOWER_MODEL.fullmatch(w) or re.fullmatch(r"[A-Z][a-z]*\d{1,2}|[A-Z]", w)
                        for w in words[1:]) and words[1] not in lx.DEMONYMS:
            self._add(start, end, "PRODUCT")  # a maker's name and a model: "Volkswagen Beetle", "Apple Watch"
            return True
        if len(words) >= 2 and self._apposition_noun(end, _ORG_NOUNS) and words[0] not in lx.FIRST_NAMES \
                and self._known_type(full) is None:
            self._add(start, end, "ORG")  # "Nimbus Cloud, the Singapore-based data centre operator,"
            if words[0] not in lx.ORG_HEADS and words[0] not in lx.NOT_NAMES:
                self.aliases.setdefault(words[0], "ORG")
            return True
        if re.search(r"-(?:based|headquartered|listed|registered) $", text[max(0, start - 16):start]) \
                and words[0] not in lx.FIRST_NAMES and not _role_word(words[-1]):
            self._add(start, end, "ORG")
            if len(words) > 1 and words[0] not in lx.ORG_HEADS:
                self.aliases.setdefault(words[0], "ORG")  # "Lindqvist" after "Copenhagen-based Lindqvist Pharma"
            return True
        if self._known_type(full) is not None or (len(words) > 1 and organisation_shape(words)):
            return False
        verb = re.search(r"\b(\w+) (?:(?:the|a|an|its|their|his|her) )?(?:new )?$", text[max(0, start - 30):start])
        launched = verb is not None and (verb.group(1).lower() in lx.PRODUCT_VERBS and (
            verb.group(1).lower() not in ("calls", "called", "dubbed", "recalled", "recalls")
            or verb.group(0).split()[1:2] == ["the"]))
        if len(words) >= 2 and words[-1].lower() in lx.PRODUCT_NOUNS and words[-1].lower() not in ("system", "platform"):
            self._add(start, end, "PRODUCT")  # "Kestrel Space Telescope": a product noun as the head
            return True
        after_words = re.match(r" ([a-z]+)(?: ([a-z]+))?\b", text[end:end + 30])
        product_after = after_words is not None and (after_words.group(1) in lx.PRODUCT_NOUNS
                                                     or after_words.group(2) in lx.PRODUCT_NOUNS)  # "accelerator chips"
        if launched or self._determined_noun_before(start, lx.PRODUCT_NOUNS) or (
                product_after
                and (re.search(r"\b(?:the|a|an|its|their|new|of|\d[\d,.]*)\s+$", text[max(0, start - 12):start])
                     or re.fullmatch(r"[A-Z]{1,3}\d{1,4}[A-Za-z]{0,3}", full))
                and not (full.isupper() and not any(c.isdigit() for c in full))):  # "the Halo glasses", "K2 tanks"
                # ... but "a NASA rocket" is the agency's
            if words[0] not in lx.FIRST_NAMES:
                self._add(start, end, "PRODUCT")
                if len(words) == 1:
                    self.aliases.setdefault(full, "PRODUCT")
                return True
        if self._apposition_noun(end, lx.PRODUCT_NOUNS) and words[0] not in lx.FIRST_NAMES:
            self._add(start, end, "PRODUCT")  # "Arvelix, a daily tablet,"
            self.aliases.setdefault(full, "PRODUCT")
            return True
        return False

    def _language(self, start: int, end: int, word: str) -> bool:
        """A language's name where the words around say it is spoken: "a call in Portuguese with ...",
        "she speaks Yoruba."; "Portuguese firms" and "a Portuguese court" stay nationalities."""
        if word not in lx.LANGUAGES:
            return False
        before = re.search(r"\b(in|into|speaks?|spoke|speaking|learned|learnt|learning|learn|fluent in|translated from)"
                           r" $", self.text[max(0, start - 16):start])
        follow = re.match(r"\s*(?:[,.;:)!?\"”]|$|(?:with|and|or|to|as|at|for|by|on|but|is|was|while|when|because|"
                          r"from|instead)\b)", self.text[end:end + 12])
        return before is not None and follow is not None

    def _title_inside(self, words: list[str]) -> int:
        """Where a title starts after a leading name ("Texas Attorney General Ken Paxton" -> 1), or 0; none
        where the words end an organisation's name ("Ohio Justice Collaborative")."""
        if words[-1] in lx.ORG_SUFFIXES:
            return 0
        for i in range(1, len(words) - 1):
            for size in (2, 1):
                if " ".join(words[i:i + size]) in _PERSON_TITLES and i + size < len(words):
                    return i
        return 0

    def _person_like(self, words: list[str]) -> bool:
        """Two to four name-like words that read as a person's name, not an organisation's or a place's.

        A known given name is evidence for a person; a first word that
        begins organisation and place names ("Fifth", "Harbour") is
        evidence against.
        """
        if not 2 <= len(words) <= 4 or not all(self._name_like(w) for w in words):
            return False
        if words[0] in lx.FIRST_NAMES:
            return True
        if words[0] in lx.DEMONYMS:
            return False  # "Australian Open", "Andean Pact"
        return words[0] not in lx.NOT_FIRST_NAMES and not any(w in lx.ORG_SUFFIXES for w in words[1:])

    @staticmethod
    def _name_like(word: str) -> bool:
        # accented capitals too: "Élodie", "Ångström"
        return bool(re.fullmatch(r"(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þa-z][a-zß-öø-ÿ]+)?|[A-Z]\.|Ma?c[A-Z][a-z]+"
                                 r"|O'[A-Z][a-z]+)", word))

    def _whole_known(self, full: str, run: list) -> bool:
        return self._known_type(full) is not None

    _known_type = staticmethod(known_type)

    @staticmethod
    def _listed_field(words: list[str], at: int) -> bool:
        """Whether the "the" at ``at`` opens the last field of a body's list ("Department of Agriculture, Water and
        the Environment"): "and the" between two fields after an organisation's "of" or "for"."""
        return at >= 3 and words[at - 1] == "and" and words[at - 2] in lx.TOPIC_WORDS \
            and words[at + 1] in lx.TOPIC_WORDS and any(
                w in ("of", "for") and organisation_shape(words[:k]) for k, w in enumerate(words[1:at - 2], 1))

    def _tail_of_name(self, word: str) -> str | None:
        """The type of a name found before whose last word ``word`` is, when that name is no person's and the word
        is its own (no head such as "Centre" or "Act", and never written in lower case in the article)."""
        if word in lx.ORG_SUFFIXES or word in lx.LAW_HEADS or word in lx.EVENT_HEADS or word in lx.AWARD_HEADS \
                or word.lower() in lx.PLACE_HEADS or not self._name_like(word) \
                or re.search(rf"\b{re.escape(word.lower())}\b", self.text) is not None:
            return None
        types = {m.type for m in self.mentions if m.form == "name" and " " in m.text and m.type not in
                 ("PERSON", "DATE", "TIME", "NORP") and _possessive(m.text.split()[-1]) == word}
        return types.pop() if len(types) == 1 else None

    def _inside_building(self, start: int, visited: bool) -> bool:
        """Whether a place preposition before ``start`` speaks of a building ("sheltered in the X Centre", "outside
        the X Observatory"); "an astronomer at the X Observatory" names the body that employs them (ORG), so "at",
        "to" and "from" count only for a place people visit (``visited``: a community or leisure centre)."""
        match = re.search(r"\b(\w+) (in|inside|outside|into|near|at|from|to) the $", self.text[max(0, start - 40):start])
        if re.search(r"\b(?:visit|visits|visited|visiting|toured|tours|touring|evacuated|entered|enters) the $",
                     self.text[max(0, start - 20):start]):
            return True  # "visited the Sydney Observatory": a place one goes to
        return match is not None and (visited or match.group(2) not in ("at", "from", "to")) \
            and not _role_word(match.group(1))

    def _person_evidence(self, words: list[str], start: int, end: int) -> bool:
        """Whether something marks ``words`` as a person's name: a known given name, a speech verb right after
        or before it, or its last word used alone elsewhere in the article (a surname)."""
        if words[0] in lx.FIRST_NAMES:
            return True
        after = re.match(r",? (\w+)", self.text[end:end + 20])
        before = re.search(r"(\w+) $", self.text[max(0, start - 20):start])
        if (after and after.group(1) in lx.SPEECH_VERBS) or (before and before.group(1) in lx.SPEECH_VERBS):
            return True
        # the surname alone in a body sentence, not opening it (where any word is capitalised)
        alone = rf"(?<!{re.escape(words[-2])} )\b{re.escape(words[-1])}\b" if len(words) > 1 else rf"\b{re.escape(words[-1])}\b"
        return any(not start <= m.start() < end and self.article.in_body(m.start(), m.end())
                   and not self._sentence_start(m.start()) for m in re.finditer(alone, self.text))

    def _role_before(self, offset: int) -> bool:
        role = re.search(r"([A-Za-z-]+),? $", self.text[max(0, offset - 30):offset])  # no sentence end between
        return role is not None and _role_word(role.group(1))

    def _organisation_noun_before(self, offset: int) -> bool:
        """Whether a noun that says what kind of organisation follows stands right before ``offset``
        ("public broadcaster Rai", "carmaker Volta")."""
        if re.search(r"\bmarket research(?:er)? $|\bresearch (?:firm|group|house) $", self.text[max(0, offset - 20):offset]):
            return True  # "market researcher Quantis": the researcher is a firm
        designer = re.search(r"\b([a-z]+) (?:designer|developer|supplier|manufacturer|producer) $", self.text[max(0, offset - 30):offset])
        if designer and designer.group(1) in lx.PRODUCT_NOUNS:
            return True  # "chip designer Veltrix": a designer of products is a firm
        noun = re.search(r"([A-Za-z-]+),? $", self.text[max(0, offset - 30):offset])  # no sentence end between
        return noun is not None and _organisation_noun(noun.group(1))

    def _apposition(self, end: int) -> str | None:
        """The type an apposition gives the name before it ("Gavi, the vaccine alliance," -> ORG)."""
        match = _APPOSITION.match(self.text, end)
        if match is None:
            return None
        head = match.group(1).lower()
        if head in lx.ROLE_NOUNS:
            return "PERSON"
        return "ORG" if head in _ORG_NOUNS else None

    def _compound(self, start: int, word: str) -> None:
        parts = word.split("-")
        if _BASED.search(word) and all(self._name_like(part) for part in parts[:-1]):
            name = "-".join(parts[:-1])
            wider = re.search(r"([A-Z][\w'’.]*(?: [A-Z][\w'’.]*)?) $", self.text[max(0, start - 30):start])
            if wider and self._known_type(f"{wider.group(1)} {name}") in ("GPE", "LOC"):
                self._add(start - len(wider.group(1)) - 1, start + len(name), self._known_type(f"{wider.group(1)} {name}"))
                return  # "the Los Angeles-based developer": the place has two words
            kind = self._known_type(name)
            self._add(start, start + len(name), kind if kind in ("GPE", "LOC") else "GPE" if kind is None else kind)
            return
        if all(self._name_like(part) and self._known_type(part) is None for part in parts) \
                and self._word_before(start).lower() in _LOCATION_PREPOSITIONS and not self._sentence_start(start):
            self._add(start, start + len(word), "GPE")  # "in Emilia-Romagna", "across Baden-Wuerttemberg"
            return
        cursor = start
        for part in parts:
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
            if _MODEL_CODE.fullmatch(word) and self._typed_by_form(run, [word], s, e):
                return  # "F-16s"
            self._compound(s, word)
            return
        if self._language(s, e, word):
            self._add(s, e, "LANGUAGE")
            return
        kind = self._known_type(word)
        if kind in ("LOC", "GPE") and word in lx.KNOWN_ORGS and not re.search(r"\b[Tt]he $", self.text[max(0, s - 4):s]):
            kind = "ORG"  # "Amazon's Alexa", but "the Amazon": a place name that is also a firm's needs "the"
        if kind == "ORG" and not word.isupper() and self._model([word], e) is not None \
                and re.match(r" \d", self.text[e:e + 2]):
            self._add(s, self._model([word], e), "PRODUCT")  # "Boeing 737 Max": a maker's name and a model number
            return
        if kind is None and self._typed_by_form(run, [word], s, e):
            return
        if kind is None and word in self.aliases and self.aliases[word] in ("PRODUCT", "EVENT", "WORK_OF_ART", "LAW"):
            self._add(s, e, self.aliases[word])
            return
        if kind is None and after and after in lx.PLACE_HEADS:
            head = self.text[e:].index(self._word_after(e)) + e
            self._add(s, head + len(after), lx.PLACE_HEADS[after])
            return
        if kind is None and _PART_OF.search(self.text[max(0, s - 30):s]):
            kind = "GPE"  # "the province of X", whatever else X names
        if kind is None:
            if word in self.surnames:
                self._add(s, e, "PERSON", canonical=self.surnames[word])
                return
            if word in self.aliases:
                self._add(s, e, self.aliases[word])
                return
            tail = self._tail_of_name(word)
            if tail is not None:
                self._add(s, e, tail)  # "Merane" after "Tropical Storm Merane", "Halvari" after "Typhoon Halvari"
                return
            if word in lx.ORG_SUFFIXES and any(m.type == "ORG" and m.text.split()[-1] == word and " " in m.text
                                               for m in self.mentions):
                self._add(s, e, "ORG")  # "the Commission" after "the European Commission": a short name
                return
            if word in lx.ORG_SUFFIXES and word not in ("Forces", "Force", "Staff", "United", "City"):
                return  # "Ministry" alone is a nominal, not a name
            before = self._word_before(s)
            if self._sentence_start(s) and word in lx.NOT_NAMES:
                return
            if word.isupper() and 2 <= len(word.replace(".", "")) <= 6:
                kind = "ORG"
            elif re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]*)+", word) and not re.match(r"(?:Mc|Mac|De|Di|Da|La|Le|Van|Von)[A-Z]", word):
                kind = "ORG"  # a capital inside the word is how brands are written ("NetChoice"), not people
            elif self._organisation_noun_before(s):
                kind = "ORG"
            elif self._role_before(s):
                kind = "PERSON"
                self.surnames.setdefault(word, word)
            elif self._apposition(e) is not None:
                kind = self._apposition(e)
                if kind == "PERSON":
                    self.surnames.setdefault(word, word)
            elif before.lower() in _LOCATION_PREPOSITIONS and not self._sentence_start(s) and self._name_like(word):
                kind = "GPE"
            elif _TRAVEL_TO.search(self.text[max(0, s - 24):s]) and self._name_like(word) and (
                    not self.text[max(0, s - 8):s].endswith("between ") or re.match(r" and [A-Z]", self.text[e:e + 6])):
                kind = "GPE"  # "will visit Dijon", "leave for Aurora", "to reach Launceston", "between Mongla and ..."
        if kind is not None:
            self._add(s, e, kind, canonical=self.surnames.get(word) if kind == "PERSON" else None)

    def _by_context(self, start: int, end: int) -> None:
        """Single names nothing typed, typed by the words around them.

        A name after "the province of" (or state, town ...) is a place; one
        joined by "and", "or" or a comma to a place is a place too ("between
        Ferrow and Dunmore"); a first name of one person named in full is that
        person ("Ada" after "Ada Okoro"); an abbreviation in brackets after an
        organisation's name is that organisation ("(Ofwat)").
        """
        text = self.text
        persons = [m for m in self.mentions if m.type == "PERSON" and m.form == "name" and " " in m.text]
        first_names: dict[str, set[str]] = {}
        for m in persons:
            first_names.setdefault(m.text.split()[0], set()).add(m.canonical or m.text)
        # a place of another kind opening a list after "in" lists places too: "in Homa Bay, Siaya and Busia"
        listed_places = [m for m in self.mentions if m.form == "name" and m.type == "LOC"
                         and re.search(r"\b(?:in|across|near|from|to)\s+$", text[max(0, m.start - 8):m.start])]
        for match in re.finditer(r"(?<![\w-])(?<!\w['’])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[A-Z][a-z]+)?(?![\w-])",
                                 text[start:end]):
            s, e = start + match.start(), start + match.end()
            word = _possessive(match.group())
            e = s + len(word)
            if word in lx.NOT_NAMES or any(m.start < e and s < m.end for m in self.mentions):
                continue
            before = text[max(0, s - 40):s]
            after = text[e:e + 40]
            places = [m for m in self.mentions if m.form == "name" and m.type == "GPE"] + listed_places
            if _PART_OF.search(before) or _SUCH_AS.search(before) or any(m.text == word for m in places):
                self._add(s, e, "GPE")  # "the province of X", "towns such as X", a place named so before
            elif any(re.fullmatch(r"(?:,| and| or|,? and|,? or) ", text[m.end:s]) for m in places) or \
                    any(re.fullmatch(r"(?:,| and| or|,? and|,? or) ", text[e:m.start]) for m in places):
                if not self._sentence_start(s) and word not in _PERSON_TITLES and word not in _TITLE_MODIFIERS:
                    self._add(s, e, "GPE")
            elif len(first_names.get(word, ())) == 1:
                self._add(s, e, "PERSON", canonical=next(iter(first_names[word])))
            elif re.match(r"\)", after) and re.search(r"\($", before):
                named = [m for m in self.mentions if m.type == "ORG" and re.fullmatch(r"\s*\(", text[m.end:s])]
                if named:
                    self._add(s, e, "ORG")

    def _sides_by_role(self, start: int, end: int) -> None:
        """A single unknown name before a role that belongs to a team or a firm and a person's name is that team
        or firm, wherever it stands ("Fluminense defender Caio Prates", "Corvex chief executive Ana Lisboa")."""
        for match in _ROLE_OF_BODY.finditer(self.text, start, end):
            word = match.group(1)
            if self._known_type(word) is None and word not in lx.FIRST_NAMES and word not in lx.NOT_NAMES \
                    and word not in self.surnames and not word.isupper():
                self.aliases.setdefault(word, "ORG")
        for match in _ORGS_SUCH_AS.finditer(self.text, start, end):
            for name in re.split(r",? (?:and|or) |, ", match.group(1)):
                if name and self._known_type(name) in (None, "ORG") and name.split()[0] not in lx.FIRST_NAMES:
                    self.aliases.setdefault(name, "ORG")  # "rivals such as Roborock and Ecovacs"
        for match in _STAFF_OF_BODY.finditer(self.text, start, end):
            name = match.group(1) or match.group(2)
            if match.group(2) and self._sentence_start(match.start(2)):
                continue  # "Bank shares fell": an opening word may be a common noun
            if self._known_type(name) is None and name.split()[0] not in lx.FIRST_NAMES \
                    and name.split()[0] not in lx.NOT_NAMES:
                self.aliases.setdefault(name, "ORG")  # "lawyers at Mannheimer Swartling", "Fjordnet shareholders"

    def _sides(self, start: int, end: int) -> None:
        """The two sides of a result ("Yorkshire beat Lancashire by six wickets") are teams when nothing else
        is known of their names: organisations."""
        for match in _RESULT.finditer(self.text, start, end):
            for side in ("a", "b"):
                s, e = match.span(side)
                # words before the side's name that are no part of it ("On Saturday Kelso Harlequins drew")
                while " " in self.text[s:e] and (self.text[s:e].split()[0] in lx.NOT_NAMES
                                                 or any(m.start <= s < m.end for m in self.mentions)):
                    s += self.text[s:e].index(" ") + 1
                words = self.text[s:e].split()
                if words[0] in lx.NOT_NAMES or self._known_type(" ".join(words)) is not None:
                    continue
                if not any(m.start < e and s < m.end for m in self.mentions):
                    self._add(s, e, "ORG")

    def _known_only(self, start: int, end: int) -> None:
        """A title-case heading: capitals say nothing there, so only names known already are taken.

        Known means in the gazetteer or found in the body ("Harbour Tech
        Opens Berlin Office" gives "Harbour Tech" when the body named it, and
        "Berlin"); the longest known stretch of each run wins.
        """
        found = {m.text: (m.type, m.canonical) for m in self.mentions if m.form == "name"}
        for run in _runs(self.text, start, end):
            words = [_possessive(t) for _, _, t in run]
            i = 0
            while i < len(run):
                for j in range(len(run), i, -1):
                    name = " ".join(words[i:j])
                    kind = self._known_type(name) or (found[name][0] if name in found else None)
                    if kind is None and j == i + 1:
                        kind = "PERSON" if name in self.surnames else self.aliases.get(name)
                    if kind is not None:
                        canonical = found[name][1] if name in found else (self.surnames.get(name) if kind == "PERSON" else None)
                        self._add(run[i][0], run[j - 1][0] + len(words[j - 1]), kind, canonical=canonical)
                        i = j
                        break
                else:
                    i += 1

    def find(self) -> list[Mention]:
        """Every mention in body sentences and headings, in text order.

        Body sentences come first (multi-word names, then single words once
        the full names taught the surnames), then headings: a title-case
        heading only repeats names known by then.
        """
        text = self.text
        for start, end in self.article.datelines:
            if text[start:end] not in lx.KNOWN_ORGS:
                self._add(start, end, "GPE")  # "WASHINGTON (AP) -": a dateline opens with a place
            region = re.match(r", ([A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?){0,2})(?= \(|,| [-–—]|:)", text[end:end + 40])
            if region and (self._known_type(region.group(1)) == "GPE" or region.group(1) in lx.STATE_ABBREVIATIONS
                           or region.group(1).endswith(" Islands")):  # "MAJURO, Marshall Islands": the state
                self._add(end + region.start(1), end + region.end(1), "GPE")  # "SAN JOSE, Calif. (AP) -"
        areas = sorted(self.article.sentences + self.article.headings)
        for start, end in self.article.sentences:
            for state in party_tags(text, start, end):
                self._add(*state, "GPE")
        for start, end in areas:
            self._dates(start, end)
        for start, end in self.article.sentences:
            for match in _LAW_DESIGNATION.finditer(text, start, end):
                self._add(*match.span(), "LAW")  # "Regulation 261/2004", "Directive (EU) 2019/1937"
        # the body first: what it says of a name ("Orvane Semiconductor") outweighs a headline's shorthand
        plain = sorted(self.article.sentences) + [h for h in self.article.headings if not _title_case(text[h[0]:h[1]])]
        deferred = []
        for start, end in self.article.sentences:
            self._sides_by_role(start, end)
        for start, end in plain:
            for run in _runs(text, start, end):
                if len(run) == 1:
                    deferred.append(run)  # single words wait until full names taught us the surnames
                else:
                    self._classify(run)
        for run in deferred:
            self._classify(run)
        for start, end in self.article.sentences:
            self._by_context(start, end)
        for start, end in self.article.sentences:
            self._sides(start, end)
        for start, end in self.article.headings:
            if _title_case(text[start:end]):
                self._known_only(start, end)
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions
