"""Decoy pools: the names, places, phrases, numbers and dates that boilerplate carries.

Every entry is invented or generic. Nothing is taken from any gold article,
so a prediction that matches a decoy can only have come from the noise, and
the noise tests precision rather than formatting alone. Lists are ordered
shortest first where it matters, so Hypothesis shrinks towards short blocks.
"""

from __future__ import annotations

PEOPLE: tuple[str, ...] = (
    "Ada Brin", "Tom Halvik", "Lena Morrow", "Oskar Brenn", "Priya Nandakumar",
    "Marta Quill", "Jonas Ekwueme", "Sofia Delacroix-Vane", "Rafael Okonkwo",
    "Helga Strand", "Dmitar Kovalenko-Ries", "Yusuf Aldane", "Clara Whitcombe",
    "Benedikt Falk", "Amara Lindqvist", "Hiroshi Tanabe-Cole", "Nadia Ferrante",
)

ORGANISATIONS: tuple[str, ...] = (
    "Vantor", "Brightwell Bank", "Meridian Freight", "Northgate Holdings",
    "Solace Energy", "Orbis Telecom", "Halcyon Pharma", "the Lakeside Institute",
    "Copperline Media", "the Federation of Harbour Pilots", "Quarry Street Capital",
    "Aster Mobility", "the Tideway Trust", "Granite Peak Insurance",
)

PLACES: tuple[str, ...] = (
    "Lakeport", "Northvale", "Port Elster", "Ashbury", "Westhollow", "Calder Bay",
    "Lisbon", "Osaka", "Nairobi", "Toronto", "Valparaiso", "Reykjavik", "Perth",
    "Montevideo", "Bergen", "Auckland",
)

TOPICS: tuple[str, ...] = (
    "rail fares", "water prices", "a stadium plan", "school meals", "a bridge repair",
    "mortgage rates", "a port expansion", "wind farm permits", "bus routes",
    "a chess tournament", "broadband rollout", "the ferry timetable", "housing grants",
)

QUOTED_PHRASES: tuple[str, ...] = (
    "We are ready",
    "This is only the beginning",
    "Nobody saw this coming",
    "The numbers speak for themselves",
    "We will not back down",
    "It was a long night for everyone",
    "Our customers deserve better",
    "I have never been prouder of this team",
)

UNITS: tuple[str, ...] = (
    "jobs", "homes", "passengers", "tonnes of grain", "households", "new stores",
    "flights", "students", "megawatts", "vehicles",
)

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)

WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)

SECTIONS: tuple[str, ...] = (
    "News", "World", "Business", "Sport", "Opinion", "Culture", "Science",
    "Travel", "Markets", "Tech", "Health", "Weather",
)

SOCIAL_NETWORKS: tuple[str, ...] = (
    "Facebook", "X", "LinkedIn", "WhatsApp", "Telegram", "Reddit", "Email", "Print",
)

PUBLICATIONS: tuple[str, ...] = (
    "The Daily Lantern", "Harbour Courier", "Northvale Post", "The Evening Ledger",
    "Metro Dispatch", "The Valley Herald",
)

AGENCIES: tuple[str, ...] = (
    "Lantern Photo", "Courier Images", "Pressline", "Wirepix", "Northlight Agency",
)

VERBS: tuple[str, ...] = (
    "warns", "unveils", "rejects", "backs", "delays", "buys", "sues", "praises",
    "cuts", "doubles",
)

PROFESSIONS: tuple[str, ...] = (
    "a reporter", "an editor", "a correspondent", "a data journalist",
    "a columnist", "a photographer",
)


def all_decoys() -> tuple[str, ...]:
    """Every name, organisation, place, quoted phrase and publication in the pools."""
    return PEOPLE + ORGANISATIONS + PLACES + QUOTED_PHRASES + PUBLICATIONS + AGENCIES
