"""Quotes by rule: paired quotation marks, speech-verb cues, speakers from the adjacent words.

Direct and partial quotes are the text between a pair of marks (straight
``"`` paired left to right within a paragraph, curly “ ” by direction, and
single marks told from apostrophes by where they stand; marks inside an open
quotation are nested in it; a mark left open at the end of a paragraph closes
there, as a multi-paragraph quote does). The cue and speaker are read from
the words next to the marks ("..., she said", "said Smith", "Smith told
reporters: ...", "..., said cardiologist Omar Haddad"), or from the clause
before a colon ("She put it simply: ..."); the second half of a quotation
split by its attribution ('"...," she said, "..."') is a direct quote of the
same speaker. A quote with
neither is taken to continue the previous speaker's words when it opens a
paragraph, and is a scare quote (dropped) when it is a few words inside a
sentence. Indirect quotes are the clause after a speech verb whose subject
is a name, a pronoun, a short description or a group ("officials said that ...",
"the ministry announced ...", "local authorities said ...") or before it
("..., the mayor said."); after "told" the addressee is skipped ("told
reporters the bridge would reopen"); a second attribution joined on ("... while police
said ...") ends the first reported clause and starts another.
Pronoun speakers are given as the most recent person (he, she) or
organisation/place (it, they) named before, at that name's offsets; the
pronoun is kept as a mention of it. Noun phrases that speak for nobody ("the
research suggests") and consent prompts give no quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...clean import consent_text
from . import lexicon as lx
from .entities import Mention
from .text import Article

# a speech verb is a whole word: "state" in "the state's canals" is none
_VERBS = "(?:" + "|".join(sorted((re.escape(v) for v in lx.SPEECH_VERBS), key=len, reverse=True)) + r")(?![’'-]\w)"
_NAME = r"[A-Z][\w’'.-]*(?: (?:of |de |al-|bin )?[A-Z][\w’'.-]*){0,3}"
_GROUPS = lx.SPEAKING_GROUPS
_GROUP = "(?:" + "|".join(_GROUPS) + ")"
# an apposition that is a relative clause says something of the speaker, and names no one who speaks
_RELATIVE = re.compile(r",\s+(?:which|who|whose|whom|where|that)\b")
# a word that may qualify a group ("local", "two", "senior"), not one that starts a clause ("while officials said")
_MODIFIER = (r"(?!(?:while|and|but|as|when|after|before|because|since|if|though|although|whereas|so|or|then|that"
             r"|which|who|where|whom|than|until|unless|once|with|without|for|from|to|of|in|on|at|by)\b)[a-z][\w-]*")
_GROUP_CAPITAL = "(?:" + "|".join(g.capitalize() for g in _GROUPS) + ")"
# a body named by its place or organisation ("the Maharashtra government", "Texas officials")
_BODY = "(?:government|ministry|officials|authorities|police|sources|military|army|embassy|council|administration)"
# a pronoun; a name with role words before it, which may follow an organisation or place ("City manager Pep
# Guardiola"); a description ("the mayor"); or a group ("Texas officials")
_SPEAKER = (rf"(?:he|she|they|it|He|She|They|It|(?:[Tt]he |[Aa]n? )?(?:{_NAME} (?=[a-z]))?(?:[a-z][\w-]* ){{0,4}}{_NAME}"
            rf"|(?:[A-Z][\w.-]* ){{0,3}}[A-Z][\w.-]*['’]s (?:{_MODIFIER} ){{0,2}}{_MODIFIER}"
            rf"|(?:[Tt]he |[Aa]n? |(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir) )(?:[A-Z][\w’'.]*-[a-z][\w-]* )?(?:{_MODIFIER} |of ){{0,3}}{_MODIFIER}|(?:[Tt]he )?{_NAME} (?:state )?{_BODY}"
            rf"|(?:(?:{_MODIFIER} ){{0,2}}{_GROUP}|{_GROUP_CAPITAL})(?: (?:at|from|with) {_NAME})?)")
# how long an apposition between a speaker and the verb may be ("Ana Ruiz, a nurse at ... who led the study, said")
_APPOSITION = 130
_ADVERB = r"(?:(?:also|later|then|previously|earlier|further|had|has|have|once|again|repeatedly|publicly) )?"

# '"...," said cardiologist Omar Haddad': role words may stand before the name
_AFTER_VERB_FIRST = re.compile(rf"^[\s,]*(?P<verb>{_VERBS})\s+(?P<spk>(?:{_NAME} (?=[a-z]))?(?:{_MODIFIER} ){{0,3}}{_NAME}|[Tt]he (?:[a-z][\w-]* ){{0,2}}[a-z]+)")
# an owner's role, then the name of who holds it in apposition: "the council's director, Ann Lee", "Chile's trade
# minister, Ann Lee"; the name speaks, not the owner
_OWNER_ROLE = r"(?:[Tt]he |[Aa]n? )?(?:[\w.&-]+ ){0,3}[\w.&-]+['’]s (?:[a-z][\w-]* ){0,5}[a-z][\w-]*,\s+"
_AFTER_VERB_OWNED_ROLE = re.compile(rf"^[\s,]*(?P<verb>{_VERBS})\s+{_OWNER_ROLE}(?P<spk>{_NAME})")
# the same with the verb after the name: '"...," Chile's trade minister, Ann Lee, told delegates'
_AFTER_OWNED_ROLE_FIRST = re.compile(rf"^[\s,]*{_OWNER_ROLE}(?P<spk>{_NAME}),\s+{_ADVERB}(?P<verb>{_VERBS})\b")
# '"...," Maria Santos, 52, said': an apposition may stand between the speaker and the verb
_AFTER_SPEAKER_FIRST = re.compile(rf"^[\s,]*(?P<spk>{_SPEAKER})(?:,\s+[^,\"“”]{{1,40}},)?\s+{_ADVERB}(?P<verb>{_VERBS})\b")
_BEFORE = re.compile(rf"(?P<spk>{_SPEAKER})(?P<app>,\s+[^,\"“”]{{2,{_APPOSITION}}},)?\s+{_ADVERB}(?P<verb>{_VERBS})\b"
                     rf"(?P<rest>[^\"“”]{{0,60}}?)[:,]?\s*$")
# a quotation introduced by a colon after a clause with no speech verb ("She put it simply:", "X was less pleased:")
_COLON_INTRO = re.compile(r"^(?P<clause>[^\"“”:;]{3,120}):\s*$")
# what is between the halves of a quotation split by its attribution: '"...," Smith said, "..."'
_SPLIT = re.compile(rf"^[\s,]*[^.!?;:\"“”]{{0,80}}\b(?:{_VERBS})\b[^.!?;:\"“”]{{0,60}},\s*$")
_INDIRECT = re.compile(rf"(?:^|(?<=[\s(]))(?P<spk>{_SPEAKER})(?P<app>,\s+[^,\"“”]{{2,{_APPOSITION}}},)?,?\s+{_ADVERB}(?P<verb>{_VERBS})\b")
# "..., the company said on Tuesday." and "..., the company said, as demand grows": the attribution ends the
# reported words, or a clause of the writer's own follows it
# "..., the ministry said on Friday, choosing ...": a participle clause of the writer's may follow too
_INVERTED_TAIL = re.compile(rf",\s*(?P<spk>{_SPEAKER})\s+(?P<verb>{_VERBS})(?:\s+[^,.;\"“”]{{0,40}})?"
                            r"(?:\.?$|,\s+(?:as|while|after|amid|when|before|because|since|with|[a-z]{2,}ing)\b)")
_INVERTED_TAIL_VERB_FIRST = re.compile(rf",\s*(?P<verb>{_VERBS})\s+"
                                       rf"(?P<spk>{_OWNER_ROLE}{_NAME}|{_NAME}|the (?:[a-z][\w-]* ){{0,2}}[a-z]+)\.?$")
# words a reported clause opens with when it has no "that" ("said it would", "said some homes were")
_SUBJECT_WORDS = "he|she|it|they|we|i|the|his|her|its|their|this|these|those|there|a|an|some|many|most|all|several|no"
_AFTER_QUOTE = re.compile(r"[,.!?]?[\"”]\s*$")
# words that start an adjunct, not a clause: "said outside the court", "said later in a statement"
_NOT_CLAUSE = re.compile(r"(?:outside|inside|in|at|on|after|before|during|later|earlier|afterwards|yesterday|today"
                         r"|tonight|again|also|then|once|as|to|of|for|with|by|from|near|while|when|through)\b", re.I)
# who was told: "reporters", "the court", "his Kenyan counterpart", "AFP", "him"
_ADDRESSEE = re.compile(r"\s+(?:reporters|journalists|(?:the|a|an|his|her|their|its) (?:[\w-]+ ){0,2}[\w-]+"
                        r"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}|him|her|them|us|me)"
                        r"(?:,? (?:on|in|at|during|late|early|last|this) [^,;:\"“]{1,30}?,?)?\s+(?:that\s+)?")
_SUBJECT_START = re.compile(rf"(?i:{_SUBJECT_WORDS}|you)\s|\d|[A-Z]")
_JOINT = re.compile(r"[,;]?\s+(?:while|whereas|but|and)\s+$")
# a second speech verb of the same subject, with its own "that": "said X and confirmed that Y"
_JOINED_VERB = re.compile(rf",?\s+(?:and|but)\s+(?:also\s+)?(?P<verb>{_VERBS})\s+(?:that\s+|(?=(?i:{_SUBJECT_WORDS}|more|most)\s))")
# what follows a speaker's name: an apposition, then the speech verb; what stands before one named after it
_SUBJECT_OF_VERB = re.compile(rf"(?:\s+(?:of|at|from)\s+[^,\"“”]{{2,60}}?)?(?:,\s+[^,\"“”]{{2,{_APPOSITION}}},)?,?\s+"
                              rf"{_ADVERB}{_VERBS}\b")
_AFTER_A_VERB = re.compile(rf"\b(?:said|says|added|adds|wrote|asked|replied|explained|continued)\s+(?:(?!that\b|the\b)[a-z][\w-]* |[A-Z][\w'’-]* (?=[a-z])){{0,4}}$")
# a speech participle after a comma: "..., calling the dip "a blip"", "..., saying it would appeal"
_PARTICIPLE = re.compile(r",\s+(?P<verb>saying|calling|describing|adding|warning|insisting|arguing|noting)\s+")
# a speaker named by a relative clause: "Derwent Ferries, which said it had lost ..., will run ..."
_WHICH_SAID = re.compile(rf",\s+(?:which|who)\s+{_ADVERB}(?P<verb>{_VERBS})\b")
# speech verbs whose reported clause may come without "that" after a relative pronoun ("which said it had ...")
_STATING = frozenset(("say", "add", "announce", "state", "claim", "declare", "explain", "insist", "warn", "argue",
                      "note", "report", "confirm", "admit", "acknowledge", "estimate", "predict", "stress", "concede"))
# a clause has a verb: an auxiliary, a modal or a past tense after its first word
_FINITE = re.compile(r"\s(?:is|are|was|were|had|has|have|will|would|could|can|may|might|should|must|did|does|do"
                     r"|[a-z]{3,}ed)\b")
# what the relative pronoun stands for when no name ends there: "the watchdog, which said"
_ANTECEDENT = re.compile(rf"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir) (?:(?!(?:the|an?)\b){_MODIFIER} ){{0,2}}{_MODIFIER}$")
# a group opening a sentence as its subject, with whose people they are: "Engineers at the plant", "Local farmers"
_OPENING_GROUP = re.compile(rf"(?P<spk>(?:(?:[A-Z][a-z]+ )?{_GROUP}|{_GROUP_CAPITAL})"
                            r"(?: (?:at|from|with|of) (?:the |a )?[\w-]+)?)\s+[a-z]+(?:ed|s)\b")
# "X, according to Y.": Y is the source of the reported words before it
# the source may be named in apposition: "according to its publisher, Ann Lee"
_ACCORDING = re.compile(rf",\s*(?P<cue>according to)\s+(?P<src>[^,.;\"“”]{{2,70}}?(?:,\s+{_NAME})?)\.?$")
_ACCORDING_FIRST = re.compile(r"(?P<cue>According to)\s+(?P<src>[^,.;\"“”]{2,70}?),\s+")
# an aside between a speech verb and its clause: "She warned, however, that ..."
_ASIDE = re.compile(r",\s*(?:however|though|too|also|meanwhile|moreover|again|in turn|for (?:her|his|its|their) part),(?=\s)")
_THAT = re.compile(r"^(?P<lead>[^\"“”.;:]{0,60}?)\bthat\s+")
_CLAUSE_START = re.compile(rf"(?:{_SUBJECT_WORDS}|more|about|around|nearly|at least|\d[\d,.]*|[A-Z][\w’'-]*)\s+\w+", re.I)
_LEADING_ADJUNCT = re.compile(r"^(?:(?:on|in|at|during|late|early|last|this|after|before|to|via|over) [^,;:]{1,40}?,?\s+)+")


# how many sentences back a person known to fit a pronoun wins over a nearer one not known to
_KNOWN_REACH = 2


@dataclass(frozen=True)
class FoundQuote:
    start: int
    end: int
    kind: str
    speaker: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None


# an opening single mark stands before a word; one between letters is an apostrophe ("don't", "O'Neill"), and
# so is one before a decade ("the '90s") or a clipped word ("rock 'n' roll")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'(?=[\"A-Za-zÀ-ÿ0-9])(?!\d\d?s\b)(?!(?:em|til|n|tis|cause)\b)")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'])'(?=$|[\s)\]—–.,;:!?\"-])")
_AFTER_CLOSE = re.compile(r"$|[.,;:!?)\]—–\"]|\s+[—–-]")


def _single_close(text: str, open_at: int, end: int) -> int | None:
    """Where the single mark opened at ``open_at`` closes: the first close that punctuation marks as one
    (",' she said", "' -"), else the first that is no plural's apostrophe ("the players' bus"), else the last."""
    candidates = [m.start() for m in _SINGLE_CLOSE.finditer(text, open_at + 2, end)]
    for at in candidates:
        if text[at - 1] in ".,!?;:…—\"" or _AFTER_CLOSE.match(text, at + 1, end):
            return at
    for at in candidates:
        if not (text[at - 1] == "s" and re.match(r"\s+[A-Za-z]", text[at + 1:at + 3])):
            return at
    return candidates[-1] if candidates else None


def _pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open mark offset, close mark offset) of the outermost quotations in one paragraph.

    Double marks (straight ones paired left to right, curly ones by
    direction) and single marks (told from apostrophes by where they stand)
    both quote; marks inside an open quotation are nested in it ('He said
    "no",' she said). A double mark left open at the end of a paragraph
    closes there, as a multi-paragraph quote does; a single one only when it
    opens the paragraph.
    """
    pairs = []
    i = start
    while i < end:
        c = text[i]
        if c in '"“':
            close = None
            for j in range(i + 1, end):
                if text[j] in '"”':
                    close = j
                    break
                if c == "“" and text[j] == "“":
                    i = j  # a stray opening mark: restart from the newer one
            if close is None:
                if end - i > 20:
                    pairs.append((i, end))
                break
        elif c == "'" and _SINGLE_OPEN.match(text, i):
            close = _single_close(text, i, end)
            if close is None:
                if text[start:i].strip() == "" and end - i > 20:
                    pairs.append((i, end))
                    break
                i += 1
                continue
        else:
            i += 1
            continue
        pairs.append((i, close))
        i = close + 1
    return pairs


class QuoteFinder:
    """Finds quotes in the body of an article, resolving speakers against the mentions found."""

    def __init__(self, article: Article, mentions: list[Mention]):
        self.article = article
        self.text = article.text
        self.mentions = mentions
        self.pronoun_mentions: list[Mention] = []
        self._last_speaker: tuple[int, int] | None = None
        self._gender: dict[str, str] = {}  # a person's canonical name -> "he" or "she", once a pronoun or title says
        self._learn_subject_genders()

    def _span(self, match: re.Match, group: str, base: int) -> tuple[int, int]:
        return base + match.start(group), base + match.end(group)

    def _clean_speaker(self, start: int, end: int) -> tuple[int, int]:
        """Narrow a speaker phrase to the name inside it when one was found there; an organisation in an
        apposition of a person ("Ian Hart, of the University of Edinburgh, said") gives way to the person."""
        start, end = self._narrow_speaker(start, end)
        owner = re.search(r",\s+(?:of|from|at|with)\s+(?:the\s+)?$", self.text[max(0, start - 12):start])
        if owner:
            comma = max(0, start - 12) + owner.start()
            person = [m for m in self.mentions if m.end == comma and m.type == "PERSON"]
            if person:
                return person[0].start, person[0].end
        return start, end

    def _narrow_speaker(self, start: int, end: int) -> tuple[int, int]:
        if re.match(rf"(?:{_MODIFIER} ){{0,2}}{_GROUP}(?:\s+(?:at|from|with|of)\s.*)?$", self.text[start:end], re.I):
            return start, end  # "analysts at Deccan Securities": the group speaks, the name says whose
        # a place that only qualifies the speaker ("the Leeds-based maker") does not speak
        inside = [m for m in self.mentions if start <= m.start and m.end <= end and m.type in ("PERSON", "ORG", "GPE", "NORP")
                  and not (m.type in ("GPE", "NORP") and self.text[m.end:m.end + 1] == "-")]
        persons = [m for m in inside if m.type == "PERSON"]
        if persons:
            return persons[-1].start, persons[-1].end
        organisations = [m for m in inside if m.type == "ORG"]
        if organisations:  # "Acme, the Leeds-based maker,": the organisation speaks, not the place
            return organisations[0].start, organisations[0].end
        if inside:
            return inside[-1].start, inside[-1].end
        words = self.text[start:end]
        lead = re.match(r"(?:[Tt]he |[Aa]n? )?", words)
        if lead and lead.end() and words[lead.end():lead.end() + 1].isupper():
            return start + lead.end(), end  # "The Treasury" -> "Treasury"
        return start, end

    def _resolve_pronoun(self, start: int, end: int) -> tuple[int, int]:
        """The speaker a pronoun stands for: the nearest compatible name before it (a person for he/she, an
        organisation or place for it/they), recorded with the pronoun as a mention of it. Anything else, and a
        pronoun with no such name before it, stays as it is."""
        word = self.text[start:end]
        if word not in lx.PRONOUNS_PERSON and word not in lx.PRONOUNS_THING:
            return start, end
        wanted = ("PERSON",) if word in lx.PRONOUNS_PERSON else ("ORG", "GPE")
        before = [m for m in self.mentions if m.end <= start and m.type in wanted and m.form == "name"]
        if wanted == ("PERSON",):
            # "she" is nobody a title or an earlier pronoun made a "he" ("Mr Tom Reyes", "he said" before)
            said = word.lower()
            before = [m for m in before if self._gender_of(m) in (None, said)]
            # a name known to fit, in this sentence or the few before, wins over a nearer one not known to
            here = self.article.sentence_index(start)
            fitting = [m for m in before if self._gender_of(m) == said
                       and here - self.article.sentence_index(m.start) <= _KNOWN_REACH]
            last = [m for m in before if self._speaks_here(m) and here - self.article.sentence_index(m.start) <= 2]
            if last:
                before = last  # "..., she added": the person quoted just before, not a name mentioned since
            elif fitting:
                before = fitting
        if not before:
            return start, end
        referent = before[-1]
        if wanted == ("PERSON",):
            self._gender.setdefault(referent.canonical or referent.text, word.lower())
        if not any(m.start == start and m.end == end for m in self.pronoun_mentions):  # one mention per pronoun
            self.pronoun_mentions.append(Mention(start, end, word, referent.type, "pronoun",
                                                 referent.canonical or referent.text))
        return referent.start, referent.end

    def _speaks_here(self, mention: Mention) -> bool:
        """Whether ``mention`` is a speaker: the last one quoted, or the subject of a speech verb ("Ana Ruiz,
        the coach, said") or named right after one ("said coach Ana Ruiz")."""
        if self._last_speaker == (mention.start, mention.end):
            return True
        text = self.text
        return bool(_SUBJECT_OF_VERB.match(text, mention.end, min(len(text), mention.end + 200))) or \
            bool(_AFTER_A_VERB.search(text, max(0, mention.start - 60), mention.start))

    def _learn_subject_genders(self) -> None:
        """A sentence opening with "He" or "She" after one that names a single person says which that person
        is ("Grace Lin filed a complaint. She met ..."), as a later pronoun two names on may need to know."""
        sentences = self.article.sentences
        # a pronoun in someone's quoted words ("'She never saw me play,' he said") is theirs, not the writer's
        quoted = [pair for paragraph in self.article.paragraphs for pair in _pairs(self.text, *paragraph)]
        for previous, (start, end) in zip(sentences, sentences[1:]):
            opening = re.match(r"(He|She)\b", self.text[start:end])
            if opening is None or any(open_at < start <= close_at for open_at, close_at in quoted):
                continue
            people = {m.canonical or m.text for m in self.mentions
                      if previous[0] <= m.start and m.end <= previous[1] and m.type == "PERSON" and m.form == "name"}
            if len(people) == 1:
                self._gender.setdefault(people.pop(), opening.group(1).lower())

    def _learn_gender(self, speaker: tuple[int, int], cue: tuple[int, int] | None) -> None:
        """A speaker whose reported words open with "her" or "his" ("Ana Ruiz said her team ...") is a "she"
        or a "he", as a later pronoun may need to know."""
        if cue is None:
            return
        opening = re.match(r"\s+(?:that\s+)?(she|her|he|his)\b", self.text[cue[1]:cue[1] + 20])
        person = [m for m in self.mentions if (m.start, m.end) == speaker and m.type == "PERSON"]
        if opening and person:
            self._gender.setdefault(person[0].canonical or person[0].text,
                                    "she" if opening.group(1) in ("she", "her") else "he")

    def _gender_of(self, mention: Mention) -> str | None:
        """ "he" or "she" for a person, when a title before one of their mentions or an earlier pronoun says."""
        known = self._gender.get(mention.canonical or mention.text)
        if known:
            return known
        before = re.search(r"([A-Za-z]+)\.?\s+$", self.text[max(0, mention.start - 16):mention.start])
        title = before.group(1).lower() if before else ""
        return lx.GENDERED_TITLES.get(title)

    def _speaks(self, start: int, end: int) -> bool:
        """Whether a speaker phrase can speak: "the research suggests" or "the data show" has nobody speaking."""
        words = re.findall(r"[A-Za-z]+", self.text[start:end])
        if len(words) == 1 and words[0].lower() in ("the", "a", "an", "this", "that", "these", "those"):
            return False  # "The report said": a determiner before a speech verb's noun form
        return not words or words[-1].lower() not in lx.NOT_SPEAKERS

    def _attribution(self, open_at: int, close_at: int, paragraph: tuple[int, int]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        text = self.text
        after_start = min(close_at + 1, paragraph[1])
        after = text[after_start:min(paragraph[1], after_start + 120)]
        # a period inside the marks ends the sentence: a name and a verb after it start the next one
        ended = text[open_at + 1:close_at].rstrip().endswith(".")
        for pattern in () if ended else (_AFTER_OWNED_ROLE_FIRST, _AFTER_SPEAKER_FIRST, _AFTER_VERB_OWNED_ROLE,
                                             _AFTER_VERB_FIRST):
            match = pattern.match(after)
            if match:
                speaker = self._clean_speaker(*self._span(match, "spk", after_start))
                return speaker, self._span(match, "verb", after_start)
        sentence = self.article.sentence_of(open_at) or paragraph
        window_start = max(sentence[0], paragraph[0])
        before = text[window_start:open_at]
        match = _BEFORE.search(before)
        if match and not re.search(r"\b(?:not|n't|never)\s*$", before[:match.start("verb")]) \
                and match.group("verb").endswith("ing") and before[:match.start("verb")].rstrip().endswith(","):
            # "X said ..., warning that "...", "Engineers blamed a supplier, saying faults were "..."": the
            # participle's subject is the sentence's, not the words before its comma
            return self._sentence_subject(window_start, window_start + match.start("verb")), \
                self._span(match, "verb", window_start)
        if match and not re.search(r"\b(?:not|n't|never)\s*$", before[:match.start("verb")]):
            end = match.end("app") - 1 if match.group("app") and not _RELATIVE.match(match.group("app")) \
                else match.end("spk")
            speaker = self._clean_speaker(window_start + match.start("spk"), window_start + end)
            return speaker, self._span(match, "verb", window_start)
        colon = _COLON_INTRO.match(before)
        if colon:
            return self._clause_subject(window_start, window_start + colon.end("clause")), None
        return None, None

    def _clause_subject(self, start: int, end: int) -> tuple[int, int] | None:
        """Who introduces a quotation with a colon: the first person named in the clause, else a pronoun
        opening it, else the first organisation or place."""
        inside = [m for m in self.mentions if start <= m.start and m.end <= end and m.form == "name"]
        for types in (("PERSON",), ("ORG", "GPE", "NORP")):
            chosen = [m for m in inside if m.type in types]
            if chosen:
                return chosen[0].start, chosen[0].end
            if types == ("PERSON",):
                pronoun = re.match(r"(?:He|She|It|They)\b", self.text[start:end])
                if pronoun:
                    return start, start + pronoun.end()
        return None

    def _partial_cue(self, open_at: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """For words quoted inside a sentence: the speech verb earlier in that sentence and its subject."""
        sentence = self.article.sentence_of(open_at)
        if sentence is None:
            return None, None
        found = None
        for match in _INDIRECT.finditer(self.text, sentence[0], open_at):
            found = match
        if found is None:
            participle = None
            for participle in _PARTICIPLE.finditer(self.text, sentence[0], open_at):
                pass
            subject = self._sentence_subject(sentence[0], participle.start()) if participle else None
            if subject is None:
                return None, None
            return subject, participle.span("verb")
        if self.text[found.end("spk"):found.start("verb")].strip() == "," and found.group("verb").endswith("ing"):
            subject = self._sentence_subject(sentence[0], found.start("spk"))  # "..., calling"
            group = _OPENING_GROUP.match(self.text, sentence[0], found.start("verb")) if subject is None else None
            return (group.span("spk") if group else subject), found.span("verb")
        return self._clean_speaker(found.start("spk"), found.end("spk")), (found.start("verb"), found.end("verb"))

    def _nested(self, start: int, end: int, speaker: tuple[int, int] | None) -> list[FoundQuote]:
        """Quotations inside the quotation ``text[start:end]``: '"I told them, 'You will lose,'" she said'.

        One the speaker reports themselves ("I told them," "we said") is
        theirs; one anybody else says has no speaker known here.
        """
        found = []
        for open_at, close_at in _pairs(self.text, start, end):
            if open_at == start or len(self.text[open_at + 1:close_at].split()) < 3:
                continue
            own = re.search(rf"\b(?:I|we|We)\s+(?:{_VERBS})\b[^.!?]{{0,30}}$", self.text[start:open_at])
            found.append(FoundQuote(open_at + 1, close_at, "direct", speaker if own else None,
                                    (start + own.start(), start + own.end()) if own else None))
        return found

    def _sentence_subject(self, start: int, end: int) -> tuple[int, int] | None:
        """Who a participle after a comma ("..., calling it ...") is said by: the first person named before it
        in the sentence, else the first organisation."""
        before = [m for m in self.mentions if start <= m.start and m.end <= end and m.form == "name"]
        for kind in ("PERSON", "ORG"):
            named = [m for m in before if m.type == kind]
            if named:
                return named[0].start, named[0].end
        group = _OPENING_GROUP.match(self.text, start, end)  # "Engineers at the plant blamed ..., saying ..."
        return group.span("spk") if group else None

    def _consent(self, offset: int) -> bool:
        """Whether the sentence at ``offset`` is a cookie or consent prompt ('Select "Accept all" to agree'):
        its quoted words are a button's, not anyone's speech, even when boilerplate is not skipped."""
        sentence = self.article.sentence_of(offset)
        return sentence is not None and consent_text(self.text[sentence[0]:sentence[1]])

    def direct(self) -> list[FoundQuote]:
        quotes = []
        for paragraph in self.article.paragraphs:
            pairs = [p for p in _pairs(self.text, *paragraph) if not self._consent(p[0])]
            previous_speaker = previous_cue = None
            for index, (open_at, close_at) in enumerate(pairs):
                start, end = open_at + 1, close_at
                content = self.text[start:end]
                if not content.strip():
                    continue
                words = len(content.split())
                at_start = self.text[paragraph[0]:open_at].strip() == "" or \
                    bool(re.search(r"[:.]\s*$|\b(?:" + _VERBS + r")\s*,?\s*$", self.text[paragraph[0]:open_at]))
                ends_clause = content.rstrip().endswith((".", ",", "!", "?", "…", "—"))
                # words quoted from the middle of a sentence ('roads "badly need repair."') are partial
                # even when they end it
                opens_clause = not content.lstrip()[:1].islower()
                kind = "direct" if words >= 3 and (at_start or ends_clause and opens_clause) else "partial"
                if index > 0 and previous_speaker is not None \
                        and _SPLIT.match(self.text[pairs[index - 1][1] + 1:open_at]):
                    # the second half of a quotation split by its attribution: with the first, direct quotes of
                    # the same speaker ('"The vote," she said, "is a disgrace."')
                    if quotes and quotes[-1].start == pairs[index - 1][0] + 1:
                        quotes[-1] = replace(quotes[-1], kind="direct")
                    quotes.append(FoundQuote(start, end, "direct", previous_speaker, previous_cue))
                    continue
                speaker, cue = self._attribution(open_at, close_at, paragraph)
                if kind == "partial" and at_start and ends_clause and opens_clause and cue is not None \
                        and cue[0] > close_at:
                    kind = "direct"  # a short utterance with its attribution after it: '"Never," she replied.'
                if speaker is not None and not self._speaks(*speaker):
                    speaker = cue = None
                if speaker is None and kind == "partial":
                    speaker, cue = self._partial_cue(open_at)
                if speaker is None:
                    continues = (at_start and index == 0) or (index > 0 and previous_speaker is not None)
                    if kind == "direct" and continues and self._last_speaker and words >= 3:
                        speaker = self._last_speaker  # a quote that carries on the previous speaker's words
                    elif words <= 3 or kind == "partial":
                        continue  # scare quotes or a title
                if speaker is not None:
                    speaker = self._resolve_pronoun(*speaker)
                    self._learn_gender(speaker, cue)
                    self._last_speaker = previous_speaker = speaker
                    previous_cue = cue
                quotes.append(FoundQuote(start, end, kind, speaker, cue))
                if kind == "direct":
                    quotes.extend(self._nested(start, end, speaker))
        return quotes

    def indirect(self, direct: list[FoundQuote]) -> list[FoundQuote]:
        text = self.text
        quoted = [(q.start - 1, q.end + 1) for q in direct if q.kind == "direct"]
        found = []
        for s_start, s_end in self.article.sentences:
            if any(qs <= s_start and s_end <= qe for qs, qe in quoted):
                continue
            sentence = text[s_start:s_end]
            if consent_text(sentence):
                continue
            in_sentence = False
            match = _INDIRECT.search(sentence)
            while match is not None:
                quote = self._forward(match, s_start, s_end, quoted)
                if quote is not None:
                    # a second speaker may follow ("X said ... while officials said ...")
                    found.append(quote)
                    in_sentence = True
                    second = self._joined(quote, s_end, quoted)
                    if second is not None:
                        found.append(second)
                        quote = second
                    match = _INDIRECT.search(sentence, quote.end - s_start)
                else:
                    match = _INDIRECT.search(sentence, match.end("verb"))
            if not in_sentence:
                quote = self._inverted(s_start, s_end, quoted) or self._participle(s_start, s_end, quoted)
                if quote is not None:
                    found.append(quote)
            for relative in _WHICH_SAID.finditer(text, s_start, s_end):
                quote = self._relative(relative, s_start, s_end, quoted)
                if quote is not None and not any(q.start < quote.end and quote.start < q.end for q in found):
                    found.append(quote)
        return found

    def _writers_participle(self, after_verb: int, content_start: int) -> bool:
        """Whether the words after a speech verb's adjuncts are a participle after a comma ("said on Friday,
        choosing ..."): a clause of the writer's, not reported words."""
        return self.text[after_verb:content_start].rstrip().endswith(",") and \
            bool(re.match(r"[a-z]{2,}ing\b", self.text[content_start:content_start + 30]))

    def _relative(self, match: re.Match, s_start: int, s_end: int, quoted: list) -> FoundQuote | None:
        """ "The Consumer Council, which said repair times had doubled, called for ...": the clause after a speech
        verb in a relative clause, to the clause's closing comma or the sentence's end, said by what the relative
        pronoun stands for (the name before the comma, with any head noun after it: "the Growers association")."""
        text = self.text
        comma = match.start()
        named = [m for m in self.mentions if s_start <= m.start and m.end <= comma and m.form == "name"
                 and m.type in ("PERSON", "ORG", "GPE", "NORP")
                 and re.fullmatch(r"(?:\s+[a-z][\w-]*){0,2}", text[m.end:comma])]
        if named:
            speaker = (named[-1].start, named[-1].end)
        else:
            antecedent = _ANTECEDENT.search(text, s_start, comma)
            if antecedent is None:
                return None
            speaker = self._clean_speaker(*antecedent.span())
        if not self._speaks(*speaker):
            return None
        rest_start = match.end("verb")
        that = _THAT.match(text[rest_start:s_end])
        if that and self._adjunct_lead(that.group("lead"), match.group("verb").lower()):
            content_start = rest_start + that.end()
        else:
            skip = _LEADING_ADJUNCT.match(text[rest_start:s_end].lstrip())
            content_start = rest_start + len(text[rest_start:s_end]) - len(text[rest_start:s_end].lstrip()) \
                + (skip.end() if skip else 0)
            if lx.SPEECH_VERBS.get(match.group("verb").lower()) not in _STATING or \
                    not _CLAUSE_START.match(text, content_start) or _NOT_CLAUSE.match(text, content_start) \
                    or self._writers_participle(rest_start, content_start):
                return None  # "Ryanair, which ordered 150 jets": an object, no reported clause
        closing = text.find(", ", content_start, s_end)
        content_end = closing if closing != -1 else s_end
        while content_end > content_start and text[content_end - 1] in ".!? ":
            content_end -= 1
        if len(text[content_start:content_end].split()) < 3 or not _FINITE.search(text, content_start, content_end) or \
                any(qs <= content_start and content_end <= qe for qs, qe in quoted):
            return None  # "which said nothing about fares": no clause of its own
        return FoundQuote(content_start, content_end, "indirect", speaker, match.span("verb"))

    def _forward(self, match: re.Match, s_start: int, s_end: int, quoted: list) -> FoundQuote | None:
        text = self.text
        verb_start, verb_end = s_start + match.start("verb"), s_start + match.end("verb")
        spk_start, spk_end = s_start + match.start("spk"), s_start + match.end("spk")
        if match.group("app") and not _RELATIVE.match(match.group("app")):
            spk_end = s_start + match.end("app") - 1  # "His lawyer, Daniel Chen, said": the name is in the apposition
        if re.search(r"\b(?:not|n't|never|did not|does not)\s+$", text[max(s_start, verb_start - 12):verb_start]):
            return None
        if _AFTER_QUOTE.search(text, s_start, spk_start):
            return None  # '"...," the inspector said outside the court': the attribution of a direct quote
        if _INVERTED_TAIL_VERB_FIRST.match(text, spk_end, s_end):
            return None  # "... once the roof is fixed, said the director.": an attribution after the words, not before
        rest_start = verb_end
        aside = _ASIDE.match(text, rest_start, s_end)
        if aside:
            rest_start = aside.end()
        rest = text[rest_start:s_end]
        if rest.lstrip().startswith((":", '"', "“", ",")):
            return None  # the attribution of a direct quote
        verb = text[verb_start:verb_end].lower()
        that = _THAT.match(rest)
        if that and not self._adjunct_lead(that.group("lead"), verb):
            that = None
        if that:
            content_start = rest_start + that.end()
        else:
            skip = _LEADING_ADJUNCT.match(rest.lstrip())
            content_start = rest_start + (len(rest) - len(rest.lstrip())) + (skip.end() if skip else 0)
            told = _ADDRESSEE.match(rest) if lx.SPEECH_VERBS.get(verb) == "tell" else None
            if told:
                # "told AFP (on Monday) they had lost everything": the addressee, then the reported clause
                content_start = rest_start + told.end()
                if not _SUBJECT_START.match(text, content_start) or _NOT_CLAUSE.match(text, content_start):
                    return None
            elif verb not in lx.CONTENT_OBJECT_VERBS:
                # "said (on Monday) it would ...": a clause without "that" starts with a subject; a participle
                # after a comma ("said on Friday, choosing ...") starts a clause of the writer's, where a gerund
                # with none ("said joining the club was a dream") is the reported clause's subject
                if lx.SPEECH_VERBS.get(verb) in ("tell", "ask") or not _CLAUSE_START.match(text, content_start) \
                        or _NOT_CLAUSE.match(text, content_start) \
                        or self._writers_participle(rest_start, content_start):
                    return None
            else:
                # "warned of higher costs", "called for calm": the object after the preposition is the content
                governed = re.match(r"(?:of|about|against|for)\s+", text[content_start:content_start + 10])
                if governed:
                    content_start += governed.end()
        content_end = s_end
        while content_end > content_start and text[content_end - 1] in ".!? ":
            content_end -= 1
        # a relative clause of background ends the reported words (", which ...")
        tail = self._background(content_start, content_end)
        if tail is not None:
            content_end = tail
        joined = _JOINED_VERB.search(text, content_start + 1, content_end)
        if joined:
            content_end = joined.start()
        # another attribution joined on ("... while regional authorities said ...") ends these words
        for nested in _INDIRECT.finditer(text, content_start + 1, content_end):
            joint = _JOINT.search(text, content_start, nested.start())
            if joint:
                content_end = joint.start()
                break
        if len(text[content_start:content_end].split()) < 3:
            return None
        if any(qs <= content_start and content_end <= qe for qs, qe in quoted):
            return None
        speaker: tuple[int, int] | None = self._clean_speaker(spk_start, spk_end)
        if not self._speaks(*speaker):
            return None
        if text[spk_end:verb_start].strip() == "," and text[verb_start:verb_end].endswith("ing"):
            # "... blocked the flights to a third country, saying ...": the sentence's subject speaks
            # when the words before the comma open the sentence (after an owner's role at most), they are its
            # subject: "The firm's chief, Tom Ruiz, welcomed the plan, adding ..."
            opening = text[s_start:spk_start]
            reach = verb_start if not opening.strip() or re.fullmatch(_OWNER_ROLE, opening) else spk_start
            people = [m for m in self.mentions if s_start <= m.start and m.end <= reach and m.type == "PERSON"] or \
                [m for m in self.mentions if s_start <= m.start and m.end <= reach and m.type == "ORG"]
            speaker = (people[0].start, people[0].end) if people else None
        if speaker is not None:
            speaker = self._resolve_pronoun(*speaker)
        return FoundQuote(content_start, content_end, "indirect", speaker, (verb_start, verb_end))

    def _joined(self, first: FoundQuote, s_end: int, quoted: list) -> FoundQuote | None:
        """The words after a second speech verb of the same speaker ("... and confirmed that Y"), or None."""
        text = self.text
        joined = _JOINED_VERB.match(text, first.end)
        if joined is None:
            return None
        content_start, content_end = joined.end(), s_end
        while content_end > content_start and text[content_end - 1] in ".!? ":
            content_end -= 1
        tail = self._background(content_start, content_end)
        if tail is not None:
            content_end = tail
        if len(text[content_start:content_end].split()) < 3 or \
                any(qs <= content_start and content_end <= qe for qs, qe in quoted):
            return None
        return FoundQuote(content_start, content_end, "indirect", first.speaker, joined.span("verb"))

    def _source(self, start: int, end: int) -> tuple[int, int]:
        """Who an "according to" gives as the source: a person or organisation named there, else the body a
        document comes from ("figures from the health service"), else the phrase ("city records")."""
        named = [m for m in self.mentions if start <= m.start and m.end <= end and m.type in ("PERSON", "ORG")]
        if named:
            return named[-1].start, named[-1].end
        origin = re.search(r"\b(?:from|by|of)\s+", self.text[start:end])
        return (start + origin.end(), end) if origin else (start, end)

    @staticmethod
    def _adjunct_lead(lead: str, verb: str) -> bool:
        """Whether the words between a speech verb and its "that" are no clause of their own: nothing, a time
        or place ("on Monday"), an addressee after "told", or a medium ("in a 41-page ruling")."""
        words = lead.strip(" ,")
        if not words or lx.SPEECH_VERBS.get(verb) in ("tell", "ask"):
            return True
        return bool(_LEADING_ADJUNCT.fullmatch(words + " ")) and not re.search(rf"\b(?:{_VERBS}|and)\b", words)

    def _background(self, start: int, end: int) -> int | None:
        """Where a clause of background ends the reported words (", which ...", ", according to ..."), or None.

        A relative clause set off by commas right after the reported
        clause's subject ("the fee, which rose in May, was unlawful") is part
        of the words: the clause goes on after its closing comma.
        """
        text = self.text
        for tail in re.finditer(r",\s+(?:which|who|whose|where|when|as|after|amid|while|according)\b", text[start:end]):
            at = start + tail.start()
            if tail.group().split()[-1] in ("which", "who", "whose", "where"):
                closing = text.find(",", at + 1, end)
                subject_only = len(text[start:at].split()) <= 6 and not re.search(r"\b(?:is|are|was|were|had|has|have|will|would)\b", text[start:at])
                if closing != -1 and subject_only and len(text[closing + 1:end].split()) >= 2:
                    continue
            return at
        return None

    def _participle(self, s_start: int, s_end: int, quoted: list) -> FoundQuote | None:
        """ "The firm kept its rating, calling the dip "a blip"": the words after a speech participle, said by
        the sentence's subject."""
        match = _PARTICIPLE.search(self.text, s_start, s_end)
        if match is None:
            return None
        speaker = self._sentence_subject(s_start, match.start())
        content_start, content_end = match.end(), s_end
        while content_end > content_start and self.text[content_end - 1] in ".!? ":
            content_end -= 1
        if speaker is None or len(self.text[content_start:content_end].split()) < 3 or \
                any(qs <= content_start and content_end <= qe for qs, qe in quoted):
            return None
        return FoundQuote(content_start, content_end, "indirect", speaker, match.span("verb"))

    def _inverted(self, s_start: int, s_end: int, quoted: list) -> FoundQuote | None:
        text = self.text
        sentence = text[s_start:s_end]
        according = _ACCORDING.search(sentence)
        leading = _ACCORDING_FIRST.match(sentence)
        if according or leading:
            if according:
                content = (s_start, s_start + according.start())
            else:
                content = (s_start + leading.end(), s_end - (1 if sentence.endswith(".") else 0))
            match = according or leading
            # a direct quotation in the words is somebody's own; a title in marks ('the book "Tides"') is not
            if len(text[content[0]:content[1]].split()) >= 4 and \
                    not any(content[0] <= qs and qe <= content[1] for qs, qe in quoted):
                return FoundQuote(content[0], content[1], "indirect",
                                  self._source(s_start + match.start("src"), s_start + match.end("src")),
                                  (s_start + match.start("cue"), s_start + match.end("cue")))
        for pattern in (_INVERTED_TAIL, _INVERTED_TAIL_VERB_FIRST):
            match = pattern.search(sentence)
            if match is None:
                continue
            content_end = s_start + match.start()
            if '"' in text[s_start:content_end] or "“" in text[s_start:content_end]:
                return None  # a direct quote, found already
            if len(text[s_start:content_end].split()) < 4:
                return None
            speaker = self._clean_speaker(s_start + match.start("spk"), s_start + match.end("spk"))
            if not self._speaks(*speaker):
                return None
            return FoundQuote(s_start, content_end, "indirect", self._resolve_pronoun(*speaker),
                              (s_start + match.start("verb"), s_start + match.end("verb")))
        return None

    def find(self) -> list[FoundQuote]:
        direct = self.direct()
        return sorted(direct + self.indirect(direct), key=lambda q: q.start)
