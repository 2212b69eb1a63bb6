"""Extractor adapters: the Protocol, the registry, and running one safely.

Public names::

    from harness.adapters import (Extractor, get_adapter, available_adapters,
                                  run_extractor, ExtractionOutcome)

Built-ins: ``oracle`` (the gold, the ceiling), ``rules`` (a rule-based
baseline), ``spacy``, ``llm`` (any Chat Completions endpoint), ``command``
(an external program) and ``predictions`` (precomputed predictions).
Plugins register in the entry-point group ``harness.adapters``. Heavy
libraries are imported only by the adapter that uses them.
"""

from __future__ import annotations

from .base import BaseExtractor, ExtractionError, Extractor, fingerprint_of
from .registry import (
    BUILTINS,
    ENTRY_POINT_GROUP,
    AdapterInfo,
    AdapterPluginWarning,
    PluginBroken,
    available_adapters,
    get_adapter,
)
from .runner import ExtractionOutcome, run_extractor, run_extractor_batch
from .settings import Setting, parse_overrides

__all__ = [
    "AdapterInfo",
    "AdapterPluginWarning",
    "BUILTINS",
    "BaseExtractor",
    "ENTRY_POINT_GROUP",
    "ExtractionError",
    "ExtractionOutcome",
    "Extractor",
    "PluginBroken",
    "Setting",
    "available_adapters",
    "fingerprint_of",
    "get_adapter",
    "parse_overrides",
    "run_extractor",
    "run_extractor_batch",
]
