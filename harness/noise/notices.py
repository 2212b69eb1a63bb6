"""Notices the site puts around a story: corrections, feedback, paywalls, consent, sign-ups."""

from __future__ import annotations

import random

from . import pools
from ._draw import date, number, organisation, pick


def correction_notice(rng: random.Random) -> str:
    """A correction notice, sometimes with the correction itself."""
    shape = rng.randrange(3)
    if shape == 0:
        return "Found an error in this story? Tell the desk and we will put it right."
    if shape == 1:
        return (f"Correction, {date(rng)}: an earlier version of this story gave the wrong figure "
                f"for {organisation(rng)}; it is {number(rng)}, not {number(rng)}.")
    return f"This story was updated on {date(rng)} to add a response from {organisation(rng)}."


def feedback_notice(rng: random.Random) -> str:
    """A request for feedback or tips."""
    return pick(rng, (
        "Was this article helpful? Yes / No",
        "Send us your feedback",
        f"Got a story tip? Contact the newsroom of {pick(rng, pools.PUBLICATIONS)}.",
        "Noticed a typo? Select it and press Ctrl + Enter.",
    ))


def paywall(rng: random.Random) -> str:
    """A paywall prompt with a price or a free-article count."""
    shape = rng.randrange(3)
    if shape == 0:
        return f"You have {rng.randint(1, 5)} free articles left this month. Subscribe to keep reading."
    if shape == 1:
        return (f"Subscribe to {pick(rng, pools.PUBLICATIONS)} for just ${rng.randint(1, 19)}.99 a month. "
                "Cancel anytime.")
    return "This article is for subscribers only. Already a subscriber? Log in"


def cookie_banner(rng: random.Random) -> str:
    """A cookie or consent banner."""
    return pick(rng, (
        "We use cookies to improve your experience. Accept all | Manage settings",
        f"We and our {rng.randint(12, 900)} partners store and access information on your device. "
        "By clicking Accept you consent to this.",
        "This site uses cookies. By continuing to browse you agree to our use of cookies. OK",
    ))


def newsletter(rng: random.Random) -> str:
    """A newsletter sign-up box."""
    name = pick(rng, ("Morning Briefing", "The Week in Review", "Business Daily", "Evening Digest"))
    return pick(rng, (
        f"Sign up for the {name} newsletter. Enter your email Subscribe",
        f"Get the {name} in your inbox every {pick(rng, pools.WEEKDAYS)}. Sign up",
        f"Join {number(rng)} readers: subscribe to our {name}.",
    ))
