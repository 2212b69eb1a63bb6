"""Article text cleaning: boilerplate lines, and HTML to plain text.

``boilerplate_lines`` finds the page furniture that article extraction
often carries in with the text: comment widgets, "suggest a correction"
notices, share/subscribe prompts, promo boxes of related articles with their
headlines and teasers. Any adapter can opt into it and skip those lines.
The cues are generic web-page phrases, not tied to any site or article.

``html_to_text`` turns a saved page into article text, with trafilatura
when it is installed and importable, else with a small HTML parser that
keeps block structure and drops scripts, navigation, headers and footers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["BoilerplateLine", "boilerplate_lines", "boilerplate_mask", "html_to_text", "lines"]

_WORDS = r"(?:stories|story|articles|article|news|topics|reads|links|coverage|posts|videos|headlines)"

# (label, pattern matched against one stripped line, case-insensitive)
_LINE_CUES: tuple[tuple[str, re.Pattern], ...] = tuple((label, re.compile(pattern, re.I)) for label, pattern in (
    ("comments", r"^comments?\s*[(\[]?\s*\d*\s*[)\]]?$"),
    ("comments", r"^\d+\s+comments?$"),
    ("comments", r"\b(write|leave|add|post|be) (the )?(first |a )?(comment|reply)\b"),
    ("comments", r"^(show|view|load|hide|read) (all )?(\d+ )?comments\b"),
    ("comments", r"\bjoin the (conversation|discussion)\b"),
    ("correction-notice", r"\b(suggest|submit|report) (a |an )?(correction|clarification|error|typo)\b"),
    ("correction-notice", r"\bpress\s+ctrl\s*\+\s*enter\b"),
    ("correction-notice", r"\bhighlight the text and press\b"),
    ("link-list", rf"^(related|more|other|recommended|popular|latest|top|trending|further|most read|most popular)\b[\w\s'’-]{{0,30}}\b{_WORDS}\b[:.]?$"),
    ("link-list", r"^(related|read more|read also|also read|see also|more on this|you may also like|recommended for you|most read|most popular|trending now)\s*:?$"),
    ("promo", r"^(read more|read also|also read|see also|related)\s*:"),
    ("promo", r"\b(subscribe|sign up) (to|for|now)\b.*\b(newsletter|updates|our|today)\b"),
    ("promo", r"^(follow|like) us on\b"),
    ("promo", r"^share (this|on|via)\b"),
    ("promo", r"\b(support|donate to) (our|independent) (journalism|reporting)\b"),
    ("promo", r"^(advertisement|sponsored( content)?|click here\b.*)$"),
    ("promo", r"\bdownload (our|the) app\b"),
    ("credit", r"^(©|copyright\b|all rights reserved\b)"),
    ("credit", r"^(photo|image|picture|video)s?\s*(:|by\b|credit\b)"),
))


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


def _headline_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and not line.rstrip().endswith((".", "!", "?", ":", '"', "”"))


def _teaser_like(line: str) -> bool:
    return line.rstrip().endswith(("…", "...")) and len(line.split()) <= 60


def boilerplate_lines(text: str) -> list[BoilerplateLine]:
    """The lines of ``text`` that are page furniture, in order.

    A line is boilerplate when it matches a widget cue; after a link-list
    header ("Related articles", "Read more"), the headline-like lines and
    truncated teasers that follow are the promoted articles; a headline-like
    line repeated verbatim elsewhere in the text is a promo title too.
    """
    spans = [(s, e) for s, e in lines(text) if text[s:e].strip()]
    labels: dict[int, str] = {}
    for index, (start, end) in enumerate(spans):
        line = text[start:end].strip()
        for label, pattern in _LINE_CUES:
            if pattern.search(line):
                labels[index] = label
                break
    # the promoted items under a link-list header, until a real paragraph
    for index in [i for i, label in labels.items() if label == "link-list"]:
        for follower in range(index + 1, min(index + 5, len(spans))):
            line = text[slice(*spans[follower])].strip()
            if follower in labels or not (_headline_like(line) or _teaser_like(line)):
                break
            labels[follower] = "related-article"
    counts: dict[str, int] = {}
    for start, end in spans:
        key = text[start:end].strip()
        counts[key] = counts.get(key, 0) + 1
    for index, (start, end) in enumerate(spans):
        line = text[start:end].strip()
        if index in labels:
            continue
        if counts[line] > 1 and _headline_like(line) and len(line.split()) >= 4:
            labels[index] = "related-article"
        elif _teaser_like(line) and index > 0 and (index - 1) in labels:
            labels[index] = "related-article"
    return [BoilerplateLine(*spans[i], labels[i]) for i in sorted(labels)]


def boilerplate_mask(text: str) -> list[tuple[int, int]]:
    """Just the (start, end) ranges of ``boilerplate_lines``."""
    return [(line.start, line.end) for line in boilerplate_lines(text)]


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
