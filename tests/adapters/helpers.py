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
