"""Shared helpers for the adapters' tests."""

from __future__ import annotations

from harness.adapters import run_extractor
from harness.model import Document
from harness.predictions import Predictions


def predicted(extractor, text: str, doc_id: str = "t") -> Predictions:
    """``extractor``'s predictions for ``text``, which must come without an error."""
    outcome = run_extractor(extractor, Document(doc_id, text))
    assert outcome.error is None, outcome.error
    return outcome.predictions


# amounts in dollars written with their country's prefix, as both baselines must read them
DOLLAR_PREFIX_CASES = [
    ("The port authority set aside A$18 million for new cranes.", "A$18 million", 18e6),
    ("A ticket now costs NZ$45 at the gate.", "NZ$45", 45),
    ("The mill was sold for C$4.5 billion last spring.", "C$4.5 billion", 4.5e9),
    ("Each household will get about HK$180 in credit.", "about HK$180", 180),
    ("Fares rose to S$12 on the night service.", "S$12", 12),
    ("The loan of US$5 million was repaid early.", "US$5 million", 5e6),
    ("The regulator fined the carrier HK$2.6 million on Tuesday.", "HK$2.6 million", 2.6e6),
]
