"""Small drawing helpers shared by the block generators.

Every generator takes a ``random.Random``. Under Hypothesis that is a
Hypothesis-controlled random, so each draw below shrinks towards the first
item of a pool and the lowest number, which makes shrunk blocks short.
"""

from __future__ import annotations

import random
from typing import Sequence, TypeVar

from . import pools

T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """One item of ``items``."""
    return items[rng.randrange(len(items))]


def some(rng: random.Random, items: Sequence[T], low: int, high: int) -> list[T]:
    """Between ``low`` and ``high`` distinct items of ``items``, in pool order."""
    count = rng.randint(low, min(high, len(items)))
    chosen = sorted(rng.sample(range(len(items)), count))
    return [items[i] for i in chosen]


def person(rng: random.Random) -> str:
    return pick(rng, pools.PEOPLE)


def organisation(rng: random.Random) -> str:
    return pick(rng, pools.ORGANISATIONS)


def place(rng: random.Random) -> str:
    return pick(rng, pools.PLACES)


def number(rng: random.Random) -> str:
    """A number written the way articles write them: 7, 1,250, 3.5 million, 40%."""
    shape = rng.randrange(4)
    if shape == 0:
        return str(rng.randint(2, 99))
    if shape == 1:
        return f"{rng.randint(1_000, 99_000):,}"
    if shape == 2:
        return f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million"
    return f"{rng.randint(2, 95)}%"


def date(rng: random.Random) -> str:
    """A date in one of the shapes news pages print: 3 May 2021, May 3, 2021, 2021-05-03."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2024)
    name = pools.MONTHS[month - 1]
    shape = rng.randrange(3)
    if shape == 0:
        return f"{day} {name} {year}"
    if shape == 1:
        return f"{name} {day}, {year}"
    return f"{year}-{month:02d}-{day:02d}"


def clock(rng: random.Random) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"


def headline(rng: random.Random) -> str:
    """A promo headline naming a decoy person or organisation, a place and a number."""
    shape = rng.randrange(3)
    if shape == 0:
        return f"{person(rng)} {pick(rng, pools.VERBS)} {organisation(rng)} over {pick(rng, pools.TOPICS)}"
    if shape == 1:
        return f"{organisation(rng)} {pick(rng, pools.VERBS)} {number(rng)} {pick(rng, pools.UNITS)} in {place(rng)}"
    return f"{place(rng)} {pick(rng, pools.VERBS)} {pick(rng, pools.TOPICS)} as {person(rng)} steps in"
