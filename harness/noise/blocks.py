"""Boilerplate blocks: what one is, and the generator behind each kind.

A ``Block`` is one piece of page furniture (a promo, a comment widget, a
cookie banner ...) with the label its region gets when it is injected into
an article. ``GENERATORS`` maps each label to a function of a
``random.Random`` that writes a fresh block of that kind.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from . import notices, page, promos, social

Generator = Callable[[random.Random], str]

# label -> generator. Labels are the boilerplate region labels of the gold format.
GENERATORS: dict[str, Generator] = {
    "advertisement": page.advertisement,
    "byline": page.byline,
    "comments": social.comments,
    "share-bar": social.share_bar,
    "tags": promos.tags,
    "breadcrumbs": page.breadcrumbs,
    "dateline": page.dateline,
    "timestamp": page.timestamp,
    "cookie-banner": notices.cookie_banner,
    "newsletter": notices.newsletter,
    "paywall": notices.paywall,
    "feedback-notice": notices.feedback_notice,
    "correction-notice": notices.correction_notice,
    "navigation": page.navigation,
    "caption": page.caption,
    "link-list": promos.link_list,
    "related-article": promos.related_article,
    "author-bio": page.author_bio,
}

KINDS: tuple[str, ...] = tuple(GENERATORS)


@dataclass(frozen=True)
class Block:
    """One boilerplate block: its kind (the region label) and its text.

    The text never starts or ends with whitespace and holds no blank line,
    so an injected block is exactly one region.
    """

    kind: str
    text: str

    def __post_init__(self) -> None:
        if not self.text or self.text != self.text.strip():
            raise ValueError(f"a block's text must be non-empty without outer whitespace, got {self.text!r}")
        if "\n\n" in self.text:
            raise ValueError(f"a block's text must not hold a blank line, got {self.text!r}")


def generate_block(kind: str, rng: random.Random) -> Block:
    """A new block of ``kind`` (one of ``KINDS``) drawn with ``rng``."""
    generator = GENERATORS.get(kind)
    if generator is None:
        raise ValueError(f"unknown boilerplate kind {kind!r}; known kinds: {', '.join(KINDS)}")
    return Block(kind, generator(rng))
