"""Article text cleaning: format normalisation, boilerplate lines, and HTML to plain text.

``normalise_text`` undoes the character-level differences between one page's
text and another's (typographic vs straight quotes, non-breaking and other
odd spaces, zero-width characters, soft hyphens, HTML entities left escaped,
CR/CRLF line ends) and keeps an exact map from every normalised character
back to the original text, so an extractor can read the tidy text and still
report offsets into the text it was given.

``boilerplate_lines`` finds the page furniture that article extraction
often carries in with the text: comment widgets, share and follow bars,
newsletter and paywall prompts, cookie notices, bylines, datelines and
timestamps, photo credits, tag lists, breadcrumbs and menus, author bios,
"suggest a correction" notices and promo boxes of related articles with
their headlines and teasers. Any adapter can opt into it and skip those
lines. The cues are generic web-page phrases, not tied to any site or article.

``html_to_text`` turns a saved page into article text, with trafilatura
when it is installed and importable, else with a small HTML parser that
keeps block structure and drops scripts, navigation, headers and footers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["BoilerplateLine", "NormalisedText", "boilerplate_lines", "boilerplate_mask", "consent_text", "html_to_text",
           "lines", "normalise_text", "reading_text"]


# --- format normalisation ---

# one character in, one character out: typographic quotes and primes-as-quotes, odd spaces, odd line breaks
_CHAR_MAP = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07", "'"),
    **dict.fromkeys("\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000", " "),
    **dict.fromkeys("\r\u2028\u2029\x0b\x0c\x85", "\n"),
}
# characters with no visible width: dropped
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# a CRLF pair, an entity with its semicolon, or one character that changes
_UNIT = re.compile("\r\n|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|[%s%s]" % (
    re.escape("".join(_CHAR_MAP)), re.escape("".join(sorted(_INVISIBLE)))))


def _decode_entity(entity: str) -> str | None:
    """The one character an HTML entity stands for, or None (unknown, several characters, or not a character)."""
    if entity[1] == "#":
        try:
            point = int(entity[3:-1], 16) if entity[2] in "xX" else int(entity[2:-1])
        except ValueError:
            return None
        if point == 0 or 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
            return None
        return chr(point)
    from html.entities import html5

    decoded = html5.get(entity[1:])
    return decoded if decoded is not None and len(decoded) == 1 else None


def _replacement(unit: str) -> str | None:
    """What one matched unit becomes (``""`` to drop it), or None to keep it as it is."""
    if unit == "\r\n":
        return "\n"
    if len(unit) > 1:
        char = _decode_entity(unit)
        if char is None:
            return None
    else:
        char = unit
    if char in _INVISIBLE:
        return ""
    return _CHAR_MAP.get(char, char)


@dataclass(frozen=True)
class NormalisedText:
    """Text with its format noise undone, and where each of its characters came from.

    ``starts[i]`` and ``ends[i]`` are the original offsets of the piece of
    the original text that became character ``i`` (one character, a CRLF
    pair or a whole entity). Characters that were dropped (zero-width ones,
    soft hyphens) belong to no normalised character. When nothing changed
    the maps are empty and offsets are the same in both texts.
    """

    text: str
    original: str
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    @property
    def unchanged(self) -> bool:
        return not self.starts and self.text == self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span that ``text[start:end]`` came from.

        For a non-empty span: from the start of its first character's piece
        to the end of its last one's, so the original span normalises to
        exactly ``text[start:end]``.
        """
        if self.unchanged:
            return start, end
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside the normalised text of length {len(self.text)}")
        if start == len(self.text):
            return len(self.original), len(self.original)
        if end == start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]


def normalise_text(text: str) -> NormalisedText:
    """``text`` with typographic quotes made straight, odd spaces made plain, invisible characters
    dropped, HTML entities decoded and line ends made ``\\n``, with the offset map back to ``text``.
    """
    if _UNIT.search(text) is None:
        return NormalisedText(text, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for match in _UNIT.finditer(text):
        replacement = _replacement(match.group())
        if replacement is None:
            continue  # an unknown entity stays as its plain characters, copied with the next stretch
        begin, stop = match.span()
        if begin > cursor:
            pieces.append(text[cursor:begin])
            starts.extend(range(cursor, begin))
            ends.extend(range(cursor + 1, begin + 1))
        if replacement:
            pieces.append(replacement)
            starts.append(begin)
            ends.append(stop)
        cursor = stop
    if cursor < len(text):
        pieces.append(text[cursor:])
        starts.extend(range(cursor, len(text)))
        ends.extend(range(cursor + 1, len(text) + 1))
    return NormalisedText("".join(pieces), text, tuple(starts), tuple(ends))


# --- boilerplate ---

_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|al|bin|le|la)){1,3}"
_DATE_WORDS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
               r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
_SOCIAL = (r"facebook|twitter|x\.com|whatsapp|linkedin|telegram|reddit|pinterest|messenger|flipboard|bluesky"
           r"|threads|instagram|tiktok|youtube|e-?mail|copy link|copy url|print|sms|mastodon|vk|weibo|wechat|line")
_LIST_WORDS = (r"(?:stories|story|articles|article|news|topics|reads|reading|links|coverage|posts|videos|headlines"
               r"|content|picks|interest|updates|analysis|features|galleries|podcasts)")

# phrases that head a list of links to other articles
_HEADERS = (r"related|related (?:stories|articles|content|coverage|news|topics)|read more|read also|also read|read next"
            r"|see also|more on this(?: story| topic)?|more from [\w\s'’&-]{1,30}|more about [\w\s'’&-]{1,30}"
            r"|you may also like|you might also like|you may have missed|recommended|recommended for you|most read"
            r"|most viewed|most shared|most popular|trending|trending now|don['’]t miss|what to read next|what to watch"
            r"|watch next|up next|further reading|in other news|elsewhere|in case you missed it|must read|top stories"
            r"|latest|latest news|explore more|other topics of interest|editor['’]?s picks|tags|topics|related topics")

# "More stories from the region", "Other topics of interest", "Our top picks"
_LIST_HEADER = (rf"(?:related|more|other|recommended|popular|latest|top|trending|further|most read|most popular"
                rf"|editor['’]?s?|our|explore|don['’]t miss|must read|best of)\b[\w\s'’&-]{{0,30}}\b{_LIST_WORDS}\b"
                rf"(?: (?:of interest|for you|you may have missed|from [\w\s'’&-]{{1,30}}))?")

# (label, words, pattern): a line matching one of them is page furniture as a whole (matched on the
# lower-cased, stripped line). An unanchored pattern is only tried on a line holding one of its words (a
# cheap test that keeps long paragraphs fast). Most patterns are anchored at the start of the line: widgets open with their phrase, while the same
# words inside an article's sentence ("applied to become a member", "violated community guidelines") must not count.
_LINE_CUES: tuple[tuple[str, frozenset[str], re.Pattern], ...] = tuple(
    (label, frozenset(words.split()), re.compile(pattern)) for label, words, pattern in (
    # comment widgets
    ("comments", "", r"^(?:\d+\s+)?comments?\s*[(\[]?\s*\d*\s*[)\]]?:?$"),
    ("comments", "", r"^(?:be the first to (?:comment|reply|respond)|(?:write|leave|add|post) (?:the |a )?(?:first )?(?:comment|reply))\b"),
    ("comments", "", r"^(?:show|view|load|hide|read|see) (?:all |more )?(?:\d+ )?(?:comments|replies)\b"),
    ("comments", "", r"^join the (?:conversation|discussion)\b|^(?:log|sign) ?in to (?:comment|reply)\b"),
    ("comments", "", r"^loading comments\b|^(?:log|sign) ?in (?:or|and) (?:register|sign ?up) to (?:post )?(?:a )?(?:comments?|reply)\b"),
    ("comments", "", r"^comments? (?:are|is) (?:now )?closed\b|^commenting (?:is|has been) (?:closed|disabled)\b"),
    ("comments", "reply", r"\b\d+ (?:minutes?|hours?|days?) ago\b.{0,20}\breply$|\|\s*reply$|^reply\s*\|"),
    # corrections and feedback prompts
    ("correction-notice", "correction clarification", r"\b(?:suggest|submit|report|send us) (?:a |an )?(?:correction|clarification)\b"),
    ("correction-notice", "ctrl highlight", r"\bpress\s+ctrl\s*\+\s*enter\b|\bhighlight the text and press\b"),
    ("correction-notice", "", r"^(?:correction|clarification|update|editor['’]s note)\b[^:]{0,40}:"),
    ("correction-notice", "earlier", r"\ban earlier version of this (?:article|story|report|piece|post)\b"),
    ("correction-notice", "updated corrected amended", r"\bthis (?:article|story|report) (?:has been|was) (?:updated|corrected|amended)\b"),
    ("feedback-notice", "", r"^(?:have you )?(?:spotted|found|seen|noticed|see|notice) (?:an? )?(?:error|mistake|typo)\b.*\?"),
    ("feedback-notice", "", r"^(?:was|is|did you find) this (?:article|story|page|content) (?:helpful|useful|interesting)\b"),
    ("feedback-notice", "", r"^(?:send us|share|give us|leave) (?:your )?feedback\b|^tell us what you think\b"),
    ("feedback-notice", "", r"^(?:got|have) a (?:news )?(?:tip|story)\b|^how would you rate\b|^rate this (?:article|story)\b"),
    # tag lists (before link lists: "Topics: ..." is a list of tags, not a promoted story)
    ("tags", "", r"^(?:tags?|topics?|filed under|categories|category|keywords|related topics|more about|more on|subjects?|sections?)\s*[:|]"),
    # link lists and single promo links
    ("link-list", "", rf"^(?:{_HEADERS}|{_LIST_HEADER})\s*[:.]?$"),
    ("related-article", "", rf"^(?:{_HEADERS}|{_LIST_HEADER}|more|watch|listen|opinion|analysis|explainer|live|video"
                            r"|podcast|gallery|in pictures)\s*[:|»›>-]\s*\S"),
    # social
    ("share-bar", "", r"^(?:share|tweet|email|print|copy link)(?: (?:this|the|on|via|to|with|article|story|page|post|link))*\b"),
    ("share-bar", "", r"^(?:follow|like|find|join|subscribe to|watch) (?:us|\w+ \w+|[\w.]+) on (?:" + _SOCIAL + r")\b"),
    ("share-bar", "", r"^follow (?:us|our|the)\b.{0,40}$"),
    ("share-bar", "", r"^(?:(?:" + _SOCIAL + r")\s*[|•·,/]?\s*){3,}$"),
    # newsletters and app promos
    ("newsletter", "newsletter bulletin mailing inbox", r"\b(?:subscribe|sign up|signup|register)\b.{0,60}\b(?:newsletter|bulletin|mailing list|inbox)\b"),
    ("newsletter", "", r"^(?:get|receive|read) (?:our|the)\b.{0,40}\b(?:newsletter|briefing|digest)\b"),
    ("newsletter", "inbox email", r"\b(?:delivered|straight|direct) to your inbox\b|\benter your email\b"),
    ("newsletter", "app", r"\b(?:download|get|install) our (?:free )?(?:\w+ )?app\b|^(?:download|get|install) the (?:free )?(?:\w+ )?app\b"),
    ("newsletter", "join", r"\bjoin (?:over |more than )?[\d.,]+\s*(?:million|thousand|k|m)?\s+(?:readers|subscribers|others|members)\b"),
    ("newsletter", "subscribe marketing", r"\bsubscribe to our\b|\bmarketing emails?\b"),
    ("newsletter", "", r"^thanks for reading\b.{0,80}\bsubscribe\b|^subscribe (?:for free|free) to (?:receive|get)\b"),
    # paywall and membership prompts
    ("paywall", "subscribe", r"\bsubscribe (?:now |today )?(?:to|and) (?:continue|keep|read|unlock|get|enjoy)\b"),
    ("paywall", "reading", r"\b(?:to )?(?:continue|keep) reading\b.{0,60}\b(?:subscri|sign in|log in|register|member|account)"),
    ("paywall", "free articles article stories reads", r"\byou(?:['’]ve| have) (?:\d+|one|two|three|no) (?:free )?(?:articles?|stories|reads)\b.{0,30}\b(?:left|remaining|this month)\b"),
    ("paywall", "limit free", r"\byou(?:['’]ve| have) (?:reached|read|used) (?:your|all|the)\b.{0,40}\b(?:limit|free articles)\b"),
    ("paywall", "already become be", r"\balready (?:a )?(?:subscriber|member)\b|^(?:become|be) a (?:subscriber|member|supporter)\b"),
    ("paywall", "subscribers members", r"\b(?:this|the) (?:article|story|content) is (?:only )?(?:for|available (?:to|for)|reserved for) (?:subscribers|members)\b"),
    ("paywall", "subscribe", r"(?:^|[.!?]\s+)subscribe\b.{0,60}\b(?:for (?:just|only)|per (?:month|week)|a (?:month|week)|/(?:month|mo|week))\b"),
    ("paywall", "cancel anytime trial unlock", r"\bcancel any ?time\b|\b(?:start|begin|try|claim) (?:your |a )?free trial\b|\bunlock (?:this|full|unlimited) (?:article|story|access)\b"),
    ("paywall", "", r"^(?:please )?(?:support|donate to|fund) (?:our|independent|quality|local|trusted) (?:journalism|reporting|news)\b"),
    # cookie and consent banners
    ("cookie-banner", "cookies technologies", r"\b(?:we|this (?:site|website)|our (?:site|website)) (?:and our partners )?uses? "
                                           r"(?:cookies\b|(?:tracking )?technologies (?:such as|like) cookies\b|tracking technologies\b)"),
    # the heading of a consent box: the lines set under it are its own
    ("cookie-banner", "", r"^(?:we|we and our partners) (?:value|care about|respect) your privacy\b.{0,40}$"
                          r"|^your privacy (?:matters|choices|settings|options)\b.{0,40}$|^privacy (?:settings|choices|preferences)$"),
    # its buttons, each a line of its own
    ("cookie-banner", "", r"^(?:i agree|i accept|i do not agree|i disagree|agree(?: and (?:close|continue))?"
                          r"|accept(?: all| and (?:close|continue))?|reject(?: all)?|more options|show purposes"
                          r"|continue without (?:accepting|agreeing))[.!]?$"),
    ("cookie-banner", "cookie cookies", r"\bcookies? (?:policy|settings|preferences|notice|consent)\b|\b(?:accept|allow|reject|manage) (?:all )?cookies\b"),
    ("cookie-banner", "partners vendors", r"\b(?:we|our) (?:and our )?(?:\d+ )?(?:partners|vendors)\b.{0,60}\b(?:store|access|process)\b.{0,40}\b(?:information|data|device|cookies)\b"),
    ("cookie-banner", "device clicking continuing using", r"\bstore and(?:/or)? access information on (?:a|your) device\b|\bby (?:clicking|continuing to use|using this)\b.{0,60}\b(?:consent|agree|accept)\b"),
    ("cookie-banner", "", r"^(?:accept|reject|allow|decline|manage)(?: all)? (?:cookies|preferences|options|consent|settings)\b"),
    ("cookie-banner", "", r"^(?:read )?(?:our |the )?(?:privacy|cookie) (?:policy|settings|preferences|notice)\b"),
    # advertisement labels
    ("advertisement", "", r"^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|paid content|partner content"
                      r"|paid post|promoted|promoted content|promotion|supported by|presented by|in partnership with\b.*"
                      r"|story continues below(?: advertisement)?|continue reading below|scroll to continue|article continues below"
                      r"|skip (?:advert|ad)(?:vertisement)?|click here\b.*)[:.]?$"),
    ("advertisement", "", r"^(?:advertisement|advert|ad)\s*[-–—:|·]\s*(?:scroll (?:down )?to continue|continue reading"
                      r"|(?:story|article) continues below)\b.{0,20}$"),
    # credits and captions
    ("credit", "", r"^(?:©|\(c\)|copyright\b|all rights reserved\b)"),
    ("caption", "", r"^(?:photo|image|picture|photograph|video|illustration|graphic|file photo|pictured|caption|credit|source)s?\s*(?::|by\b|credit\b|source\b|courtesy\b)"),
    ("caption", "photo photos image images picture pictures photograph photographs video videos illustration illustrations file credit credits courtesy", r"\((?:photo|image|picture|photograph|video|illustration|file photo|credit|courtesy)s?\b[^)]{0,80}\)\.?$"),
    ("caption", "photo photos image images photograph photographs picture pictures illustration illustrations credit credits", r"(?:photo|image|photograph|picture|illustration|credit)s?\s*(?::|by)\s*[^.]{2,60}$"),
    ("caption", "getty afp reuters ap epa shutterstock alamy istock anadolu xinhua pa sopa", r"(?:/|\bvia )(?:getty images|afp|reuters|ap|epa|shutterstock|alamy|istock|anadolu|xinhua|pa images|sopa images)\)?\.?$"),
    ("caption", "", r"^(?:getty images|afp|reuters|ap|epa|epa-efe|shutterstock|alamy|anadolu|xinhua|tass|sputnik|pool|upi"
                r"|dpa|nurphoto|sopa images|pa images|bloomberg)(?: photo| photos| images)?\s*/\s*[\w .'’-]{2,40}$"),
    ("caption", "getty shutterstock alamy istockphoto ap epa", r"\b(?:getty images|shutterstock|alamy|istockphoto|ap photo|epa-efe)\b"),
    # bylines, datelines, timestamps, reading time
    ("byline", "", r"^(?:reporting|writing|editing|additional reporting|research|graphics) by\b"),
    ("byline", "contributed", r"\bcontributed (?:reporting|to this (?:report|article|story))\b"),
    ("byline", "", r"^(?:staff|staff and agencies|agencies|wire services|news desk|staff reporter|our correspondent|associated press|agence france-presse)\.?$"),
    ("timestamp", "", r"^(?:updated|published|posted|last updated|first published|last modified|modified|created)\b(?: on| at|:)?\s*.{0,40}(?:\d|ago|today|yesterday)"),
    ("timestamp", "", r"^(?:about |over |just )?(?:\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago$|^just now$"),
    ("timestamp", "", r"^\d+\s*(?:-| )?(?:min|minute|mins|minutes)(?:['’]?s)? (?:read|listen|watch)$|^(?:reading|read) time\b"),
    ("timestamp", "", r"^listen to (?:this|the) (?:article|story)\b.{0,30}$"),
    # author bios
    ("author-bio", "", r"^about the (?:author|writer|reporter)s?\b"),
    ("author-bio", "twitter email e mail", r"\b(?:follow|reach|contact|email) (?:him|her|them|the author)\b.{0,40}(?:@|\btwitter\b|\bemail\b|\be-mail\b)"),
))
# page furniture is short; an article's paragraph that happens to hold a cue's words is long
_CUE_WORD_LIMIT = 90

# cues that start with a person's name: matched case-sensitively, so the name must be capitalised
_NAMED_CUES: tuple[tuple[str, re.Pattern], ...] = tuple((label, re.compile(pattern)) for label, pattern in (
    ("byline", rf"^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Rr]eporting by|[Ss]tory by)\s+(?!(?i:{_WEEKDAYS}|{_DATE_WORDS})\b)"
               rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*\s*(?:$|[|,•·—–-]|\bin\b|\bfor\b|\bon\b|\bat\b)"),
    # "Ana Ruiz | Local News | Friday, 3 May 2024 – 6.05pm": a name, a section, a date between bars
    ("byline", rf"^{_NAME}\s*[|•·]\s*(?:[^|•·]{{1,40}}[|•·]\s*)?[^|•·]{{0,30}}\b(?i:\d{{1,2}}\s+{_DATE_WORDS}|{_DATE_WORDS}\s+\d{{1,2}})\b"
               r"[^|•·]{0,30}$"),
    # "— Ana Ruiz (@anaruiz) May 3, 2024": the attribution closing an embedded social-media post
    ("embedded-post", rf"^[—–-]\s*{_NAME}\s*\(@[\w.]+\)"),
    # "Harbour Town 2-1 Kelso Rovers": the score line under a match report's headline
    ("scoreboard", r"^[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3} \d{1,3}\s?[-–]\s?\d{1,3} [A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3}$"),
    ("byline", rf"^{_NAME}\s*[|,•·–—-]\s*(?:[\w'’ ]{{0,30}}\s)?(?:correspondent|reporter|editor|writer|columnist|journalist"
               r"|contributor|producer|photographer|staff writer|reporters?)s?$"),
    ("author-bio", rf"^{_NAME}\s+(?:is|was|has been|joined|covers|writes|reports)\b.{{0,80}}\b(?:reporter|correspondent"
                   r"|journalist|editor|writer|columnist|contributor|producer|photographer|freelancer|anchor|presenter"
                   r"|staff|desk|newsroom|bureau|covers|covering|beat)\b"),
))

# words a site menu is made of
_MENU_WORDS = frozenset("""
home news world uk us politics business economy markets money tech technology science health sport sports football
culture arts entertainment lifestyle life style travel food opinion opinions comment analysis video videos audio
podcasts photos weather search menu login log sign subscribe account local national international education
environment climate property cars motoring fashion books music film tv games puzzles crosswords obituaries jobs
more latest live newsletters contact about shop deals reviews investigations features
""".split())
_SEPARATORS = re.compile(r"\s+(?:>|›|»|/|\||→|::|·|•)\s+")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?;:,\"“”]")


@dataclass(frozen=True)
class BoilerplateLine:
    """A line of page furniture: where it is and what kind it is."""

    start: int
    end: int
    label: str


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, without the newline."""
    found = []
    start = 0
    for match in re.finditer(r"\n", text):
        found.append((start, match.start()))
        start = match.end()
    found.append((start, len(text)))
    return found


# a sentence's end, also inside a closing single quotation mark ("... a long chase.'")
_CLOSED = re.compile(r"(?:[.!?:\"”,]|[.!?,…]['’])\s*$")


def _headline_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and not _CLOSED.search(line)


def _teaser_like(line: str) -> bool:
    return line.rstrip().endswith(("…", "...")) and len(line.split()) <= 60


def _short_sentences(line: str, words: int = 45, sentences: int = 2) -> bool:
    """One or two sentences of a few words: what a promo's teaser is."""
    if len(line.split()) > words or not (line.rstrip().endswith((".", "!", "?", "…", '"', "”")) or _CLOSED.search(line)):
        return False
    return len(re.findall(r"[.!?…]+(?:\s|$)", line)) <= sentences


def _title_case(line: str) -> bool:
    """Most words capitalised, as headlines are on many sites."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _structural(line: str) -> str | None:
    """Breadcrumbs and site menus: recognised by shape, not by phrase."""
    words = line.split()
    parts = _SEPARATORS.split(line)
    if len(parts) >= 2 and len(words) <= 16 and all(0 < len(p.split()) <= 4 for p in parts) \
            and (len(parts) >= 3 or parts[0].strip().lower() in ("home", "news", "main")):
        return "breadcrumbs"
    if 4 <= len(words) <= 30 and not _SENTENCE_PUNCTUATION.search(line):
        menu = sum(1 for w in words if w.lower().strip("&|•·") in _MENU_WORDS)
        if menu >= 3 and menu >= 0.5 * len(words):
            return "navigation"
    return None


def _timestamp_only(line: str) -> bool:
    """A line that is nothing but a date and/or a time (with "Updated", a time zone ...)."""
    rest = re.sub(rf"\b(?:{_WEEKDAYS}|{_DATE_WORDS}|updated|published|posted|last|first|modified|on|at|the|am|pm|a\.m\.|p\.m\."
                  r"|gmt|utc|bst|cet|cest|est|edt|pst|pdt|et|pt|ist|msk|eet|eest|local time|\d{1,4}(?:st|nd|rd|th)?)\b", " ",
                  line, flags=re.I)
    rest = re.sub(r"[\s,.:/|()\-–—+]+", "", rest)
    return not rest and bool(re.search(r"\d", line))


def _dateline(line: str) -> bool:
    """A standalone dateline: "PLACE, date (Agency)", "PLACE (Agency) —"."""
    words = line.split()
    if len(words) > 14 or not re.match(r"^[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*\b", line):
        return False
    return bool(re.search(rf"\((?:[A-Za-z .&-]{{2,30}})\)\s*[-–—]?$|\b{_DATE_WORDS}\s+\d|\d{{1,2}}\s+{_DATE_WORDS}|\d{{4}}\s*[-–—]?$",
                          line, re.I))


def _line_label(line: str) -> str | None:
    lower = line.lower()
    size = len(line.split())
    if size <= _CUE_WORD_LIMIT:
        words = set(re.findall(r"[a-z]+", lower))
        for label, needed, pattern in _LINE_CUES:
            if (not needed or not needed.isdisjoint(words)) and pattern.search(lower):
                return label
    if size <= 80:
        for label, pattern in _NAMED_CUES:
            if pattern.search(line):
                return label
    if size > 30:
        return None  # dates, datelines, breadcrumbs and menus are short
    if _timestamp_only(line):
        return "timestamp"
    if _dateline(line):
        return "dateline"
    return _structural(line)


_CONSENT_WORD = re.compile(r"cookie|consent|privacy|partners|vendors|agree|accept|reject|device|personal data")


def consent_text(text: str) -> bool:
    """Whether ``text`` (a line or a sentence) reads as a cookie or consent prompt, wherever it stands."""
    lower = text.strip().lower()
    if not _CONSENT_WORD.search(lower):
        return False  # most sentences: no need to try the cues
    words = set(re.findall(r"[a-z]+", lower))
    return any(label == "cookie-banner" and (not needed or not needed.isdisjoint(words)) and pattern.search(lower)
               for label, needed, pattern in _LINE_CUES)


# labels of lines after which the promoted headlines (and their teasers) follow
_RUN_HEADERS = frozenset(("link-list", "related-article", "tags"))
# labels of widgets whose first line heads the lines set right under it (a comment's text, an advert's copy)
_BLOCK_HEADERS = frozenset(("advertisement", "comments", "link-list", "related-article", "newsletter", "paywall",
                            "cookie-banner", "tags", "share-bar", "feedback-notice", "correction-notice", "byline",
                            "author-bio"))


def _layout(text: str) -> tuple[list[tuple[int, int]], list[bool], bool]:
    """Non-empty lines, whether each sits right under the previous one (no blank line between),
    and whether the text sets its paragraphs apart with blank lines (then adjacent lines are one block)."""
    spans: list[tuple[int, int]] = []
    adjacent: list[bool] = []
    previous_blank = True
    for start, end in lines(text):
        if text[start:end].strip():
            adjacent.append(bool(spans) and not previous_blank)
            spans.append((start, end))
            previous_blank = False
        else:
            previous_blank = True
    # judged on pairs of paragraph-like lines (long, ending a sentence): widgets stack their lines either way
    paragraph = [len(text[s:e].split()) >= 8 and (text[s:e].rstrip().endswith((".", "!", "?", '"', "”"))
                                                  or bool(_CLOSED.search(text[s:e]))) for s, e in spans]
    pairs = [adjacent[i] for i in range(1, len(spans)) if paragraph[i] and paragraph[i - 1]]
    if not pairs:
        pairs = adjacent[1:]
    return spans, adjacent, len(spans) >= 3 and sum(pairs) < len(pairs) - sum(pairs)


def boilerplate_lines(text: str) -> list[BoilerplateLine]:
    """The lines of ``text`` that are page furniture, in order.

    A line is boilerplate when it matches a widget cue (comment counts,
    share bars, newsletter and paywall prompts, cookie notices, bylines,
    datelines, captions, tags, author bios ...) or has the shape of a
    breadcrumb trail or a site menu. After a link-list header ("Related",
    "Read more", "Other topics of interest"), the headline-like lines that
    follow are the promoted articles, and a short sentence right under one of
    them is its teaser. When the text sets paragraphs apart with blank
    lines, a widget's lines set right under it belong to it (a comment under
    "Comments (4)", an advert's copy under "Sponsored"), a headline with a
    short teaser right under it is a promo card, and long headline-like
    lines between paragraphs, and any after the last one, are promos. A headline-like line repeated
    verbatim elsewhere in the text is a promo title too.
    """
    spans, adjacent, blocks = _layout(text)
    stripped = [text[s:e].strip() for s, e in spans]
    labels: dict[int, str] = {}
    for index, line in enumerate(stripped):
        label = _line_label(line)
        if label is not None:
            labels[index] = label
    for index in sorted(labels):
        _follow(index, labels, stripped, adjacent, blocks)
    for index in [i for i, label in labels.items() if label == "embedded-post"]:
        if index > 0 and adjacent[index] and (index - 1) not in labels and len(stripped[index - 1].split()) <= 60:
            labels[index - 1] = "embedded-post"  # the post's text sits right above its attribution
    if blocks:
        _promo_cards(labels, stripped, adjacent)
        _stray_headlines(labels, stripped, adjacent)
        _trailing_headlines(labels, stripped)
    counts: dict[str, int] = {}
    for line in stripped:
        counts[line] = counts.get(line, 0) + 1
    for index, line in enumerate(stripped):
        if index in labels:
            continue
        if counts[line] > 1 and _headline_like(line) and len(line.split()) >= 4:
            labels[index] = "related-article"
        elif _teaser_like(line) and index > 0 and (index - 1) in labels:
            labels[index] = "related-article"
    return [BoilerplateLine(*spans[i], labels[i]) for i in sorted(labels)]


def _content_words(line: str) -> set[str]:
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3}


def _follow(index: int, labels: dict[int, str], stripped: list[str], adjacent: list[bool], blocks: bool) -> None:
    """Label the lines a furniture line at ``index`` heads: promoted headlines and teasers, or its block.

    Under a list header ("Related stories") a teaser may stand apart from
    its headline; it is known by restating it (two or more shared words).
    """
    header = labels[index]
    listed = header == "link-list"
    title = stripped[index] if header == "related-article" else None
    listing = False  # items set right under the header: a blank line then ends the list
    for follower in range(index + 1, min(index + 12, len(stripped))):
        line = stripped[follower]
        close = adjacent[follower]
        if blocks and listing and not close:
            return
        listing = listing or close
        if follower in labels:
            if labels[follower] not in _RUN_HEADERS or header not in _RUN_HEADERS:
                return  # another widget begins: what follows is its own
            title = stripped[follower] if labels[follower] == "related-article" else None
            continue
        if header != "link-list" and not close:
            return  # a line with its own content ("Read more: ...", "Tags: ...") ends at its own block
        if header in _RUN_HEADERS and (_teaser_like(line) or (_headline_like(line) and (close or _title_case(line)))):
            labels[follower] = "related-article"
            title = line if _headline_like(line) else None
        elif header in _RUN_HEADERS and title is not None and _short_sentences(line) and \
                (close or (listed and len(_content_words(title) & _content_words(line)) >= 2)):
            labels[follower] = "related-article"  # the teaser under a promoted headline
            title = None
        elif blocks and close and header in _BLOCK_HEADERS and len(line.split()) <= 50:
            labels[follower] = header  # set right under the widget's first line: part of it
        else:
            return


def _promo_cards(labels: dict[int, str], stripped: list[str], adjacent: list[bool]) -> None:
    """A headline with one or two short sentences set right under it: a promo card.

    The first line that is not furniture is the article's title (with its
    standfirst under it) unless another headline-like line follows the pair:
    then the pair is a card placed above the title.
    """
    title = next((i for i in range(len(stripped)) if i not in labels), None)
    for index in range(len(stripped) - 1):
        if index in labels or (index != title and adjacent[index]) or not adjacent[index + 1] or (index + 1) in labels:
            continue
        if not (len(stripped[index].split()) >= 4 and _headline_like(stripped[index])
                and _short_sentences(stripped[index + 1])):
            continue
        end = index + 2
        while end < len(stripped) and adjacent[end] and end not in labels and _short_sentences(stripped[end]):
            end += 1
        if index == title:
            after = next((i for i in range(end, len(stripped)) if i not in labels), None)
            if after is None or not _headline_like(stripped[after]):
                continue
        for line in range(index, end):
            labels[line] = "related-article"


def _stray_headlines(labels: dict[int, str], stripped: list[str], adjacent: list[bool]) -> None:
    """A long headline-like line standing alone between paragraphs: a link to another story.

    Headings inside an article are short ("What happens next"); a line of
    seven or more words without closing punctuation, set apart like a
    paragraph, is a promoted headline. The title is left alone: the last of
    the headline-like lines before the first paragraph (a promo can sit
    above the title, while a short kicker such as "Analysis" is no title).
    """
    leading = []
    for index, line in enumerate(stripped):
        if index in labels:
            continue
        if not _headline_like(line):
            break
        leading.append(index)
    titles = [i for i in leading if len(stripped[i].split()) >= 4]
    title = titles[-1] if titles else (leading[0] if leading else None)
    standfirst = None
    if len(titles) >= 2 and len(stripped[titles[-1]].split()) >= 15 > len(stripped[titles[-2]].split()):
        title, standfirst = titles[-2], titles[-1]  # a long line under a shorter one: the title's standfirst
    for index, line in enumerate(stripped):
        if index in labels or index in (title, standfirst) or adjacent[index] or \
                (index + 1 < len(stripped) and adjacent[index + 1]):
            continue
        if len(line.split()) >= 7 and _headline_like(line) and not re.match(r"^[-–—•*(\[]", line):
            labels[index] = "related-article"


def _trailing_headlines(labels: dict[int, str], stripped: list[str]) -> None:
    """Headline-like lines after the article's last paragraph: articles end with text, not headings."""
    body = [i for i, line in enumerate(stripped) if i not in labels and not _headline_like(line)]
    if not body:
        return
    for index in range(body[-1] + 1, len(stripped)):
        if index not in labels and len(stripped[index].split()) >= 4:
            labels[index] = "related-article"


def boilerplate_mask(text: str) -> list[tuple[int, int]]:
    """Just the (start, end) ranges of ``boilerplate_lines``."""
    return [(line.start, line.end) for line in boilerplate_lines(text)]


# --- the text an extractor reads ---


def reading_text(text: str, *, clean_boilerplate: bool = True) -> NormalisedText:
    """``text`` normalised, without its boilerplate lines, blank lines collapsed; mapped back to ``text``.

    What a model should read: the same article gives the same reading text
    however much page furniture and format noise came with it. Offsets map
    back through ``to_original`` as for ``normalise_text``.
    """
    normalised = normalise_text(text)
    body = normalised.text
    keep = [True] * len(body)
    if clean_boilerplate:
        for start, end in boilerplate_mask(body):
            stop = end + 1 if body[end:end + 1] == "\n" else end
            keep[start:stop] = [False] * (stop - start)
    kept: list[int] = []
    newlines = 2  # no blank lines at the start
    for index, char in enumerate(body):
        if not keep[index]:
            continue
        if char == "\n":
            newlines += 1
            if newlines > 2:
                continue
        elif not char.isspace():
            newlines = 0
        kept.append(index)
    while kept and body[kept[-1]].isspace():
        kept.pop()
    if len(kept) == len(body):
        return normalised
    if normalised.unchanged:
        starts, ends = tuple(kept), tuple(i + 1 for i in kept)
    else:
        starts = tuple(normalised.starts[i] for i in kept)
        ends = tuple(normalised.ends[i] for i in kept)
    return NormalisedText("".join(body[i] for i in kept), text, starts, ends)


# --- HTML ---

_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe",
              "button", "select", "template", "figure"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
               "blockquote", "br", "tr", "table", "pre", "dd", "dt", "hr", "title"}


def _fallback_html_to_text(html: str) -> str:
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.blocks: list[str] = []
            self.current: list[str] = []
            self.skipping = 0
            self.in_title = False
            self.title = ""

        def flush(self) -> None:
            block = re.sub(r"\s+", " ", "".join(self.current)).strip()
            if block:
                self.blocks.append(block)
            self.current = []

        def handle_starttag(self, tag, attrs):
            if tag in _SKIP_TAGS:
                self.skipping += 1
            elif tag == "title":
                self.in_title = True
            elif tag in _BLOCK_TAGS:
                self.flush()

        def handle_startendtag(self, tag, attrs):
            if tag in _BLOCK_TAGS and not self.skipping:
                self.flush()

        def handle_endtag(self, tag):
            if tag in _SKIP_TAGS:
                self.skipping = max(0, self.skipping - 1)
            elif tag == "title":
                self.in_title = False
            elif tag in _BLOCK_TAGS:
                self.flush()

        def handle_data(self, data):
            if self.in_title:
                self.title += data
            elif not self.skipping:
                self.current.append(data)

    parser = _Text()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.blocks)


def html_to_text(html: str, *, use_trafilatura: bool = True) -> str:
    """The article text of an HTML page; paragraphs separated by blank lines."""
    if use_trafilatura:
        try:
            import trafilatura  # optional; broken installs fall through to the parser below
        except Exception:
            trafilatura = None
        if trafilatura is not None:
            try:
                extracted = trafilatura.extract(html, include_comments=False, include_tables=False,
                                                favor_precision=True)
            except Exception:
                extracted = None
            if extracted and extracted.strip():
                return extracted.strip() + "\n"
    text = _fallback_html_to_text(html)
    return text + "\n" if text else ""
