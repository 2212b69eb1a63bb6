"""Reader interaction widgets: comment boxes and share bars."""

from __future__ import annotations

import random

from . import pools
from ._draw import person, pick, some


def comments(rng: random.Random) -> str:
    """A comment widget, empty or with a decoy comment."""
    count = rng.randint(0, 250)
    shape = rng.randrange(3)
    if shape == 0:
        return f"Comments ({count})"
    if shape == 1:
        return f"Comments (0)\nBe the first to comment"
    return (f"Comments ({max(count, 1)})\n{person(rng)}: \"{pick(rng, pools.QUOTED_PHRASES)}\" "
            f"{rng.randint(1, 59)} minutes ago | Reply")


def share_bar(rng: random.Random) -> str:
    """A share bar: the networks a reader can share the story to."""
    networks = some(rng, pools.SOCIAL_NETWORKS, 2, 6)
    lead = pick(rng, ("Share:", "Share this article", "Share on"))
    return f"{lead} {' '.join(networks)}"
