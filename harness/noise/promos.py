"""Promotions of other stories: related-article teasers and link lists."""

from __future__ import annotations

import random

from . import pools
from ._draw import date, headline, number, organisation, person, pick, place, some


def related_article(rng: random.Random) -> str:
    """A related-article promo: a headline, then a one-sentence teaser with a quote."""
    title = headline(rng)
    if rng.random() < 0.5:
        return title
    teaser = (
        f"{person(rng)} of {organisation(rng)} said {number(rng)} {pick(rng, pools.UNITS)} "
        f"in {place(rng)} were affected on {date(rng)}: \"{pick(rng, pools.QUOTED_PHRASES)}.\""
    )
    return f"{title}\n{teaser}"


LINK_LIST_TITLES = ("Read more", "Also read", "Other topics", "More on this story",
                    "Recommended", "You may also like", "Most read")


def link_list(rng: random.Random) -> str:
    """A "Read more" / "Also read" / "Other topics of interest" list of headlines."""
    title = pick(rng, LINK_LIST_TITLES)
    count = rng.randint(1, 4)
    links = [headline(rng) for _ in range(count)]
    if count == 1 and rng.random() < 0.5:
        return f"{title}: {links[0]}"
    return "\n".join([title, *links])


def tags(rng: random.Random) -> str:
    """A tag list: topics, places and names the site files the story under."""
    chosen = some(rng, pools.SECTIONS, 1, 3) + [place(rng)]
    if rng.random() < 0.5:
        chosen.append(person(rng))
    lead = pick(rng, ("Tags:", "Topics:", "More about:"))
    return f"{lead} {', '.join(chosen)}"
