"""Page furniture around a story: ads, captions, bylines, datelines, navigation, author bios."""

from __future__ import annotations

import random

from . import pools
from ._draw import clock, date, organisation, person, pick, place, some


def advertisement(rng: random.Random) -> str:
    """An advertisement label, sometimes with the advertiser's line."""
    label = pick(rng, ("Advertisement", "ADVERTISEMENT", "Sponsored", "Ad"))
    if rng.random() < 0.5:
        return label
    return f"{label}\n{organisation(rng)}: save up to {rng.randint(10, 70)}% this {pick(rng, pools.WEEKDAYS)} in {place(rng)}"


def caption(rng: random.Random) -> str:
    """A photo caption with its credit."""
    who, where = person(rng), place(rng)
    credit = f"Photo: {pick(rng, pools.AGENCIES)}"
    if rng.random() < 0.5:
        return f"{who} speaks to reporters in {where} on {date(rng)}. {credit}"
    return f"{credit} / {person(rng)}"


def byline(rng: random.Random) -> str:
    """A byline: who wrote the story, for which outlet."""
    shape = rng.randrange(3)
    if shape == 0:
        return f"By {person(rng)}"
    if shape == 1:
        return f"By {person(rng)} and {person(rng)}, {pick(rng, pools.PUBLICATIONS)}"
    return f"{person(rng)} | {place(rng)} correspondent"


def dateline(rng: random.Random) -> str:
    """A dateline: the place and agency a story was filed from."""
    return f"{place(rng).upper()}, {date(rng)} ({pick(rng, ('AFP', 'Reuters', 'AP', 'Staff'))})"


def timestamp(rng: random.Random) -> str:
    """A published / updated timestamp."""
    when = f"{date(rng)} {clock(rng)}"
    return pick(rng, (f"Published {when}", f"Updated: {when}", f"Last modified on {when} GMT"))


def breadcrumbs(rng: random.Random) -> str:
    """A breadcrumb trail from the home page to the story's section."""
    trail = ["Home", *some(rng, pools.SECTIONS, 1, 3)]
    return pick(rng, (" > ", " / ", " › ")).join(trail)


def navigation(rng: random.Random) -> str:
    """A navigation menu."""
    return " ".join(["Menu", *some(rng, pools.SECTIONS, 3, 8), "Search"])


def author_bio(rng: random.Random) -> str:
    """A short author biography."""
    who = person(rng)
    return (f"{who} is {pick(rng, pools.PROFESSIONS)} at {pick(rng, pools.PUBLICATIONS)} covering "
            f"{pick(rng, pools.TOPICS)}. Before that, {who.split()[0]} worked for {organisation(rng)} in {place(rng)}.")
