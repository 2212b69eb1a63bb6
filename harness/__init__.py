"""article-harness: score article-understanding extractors against gold annotations.

The names below are the public API; everything else may change. Heavy parts
(scoring, adapters, datasets) are imported on first use so that importing
``harness`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .errors import ConfigError, HarnessError, InputError, Problem, UsageError, ValidationFailed
from .model import (
    Annotations,
    Argument,
    Corpus,
    Document,
    Entity,
    Event,
    Figure,
    Mention,
    Metadata,
    Quote,
    Region,
    Span,
)

# public name -> module that defines it, imported when first asked for
_LAZY = {
    "load_gold": "harness.gold",
    "check_gold": "harness.gold",
    "Predictions": "harness.predictions",
    "load_predictions": "harness.predictions",
    "parse_predictions": "harness.predictions",
    "evaluate": "harness.scoring",
    "Extractor": "harness.adapters",
    "get_adapter": "harness.adapters",
}

__all__ = [
    "__version__",
    "Annotations",
    "Argument",
    "ConfigError",
    "Corpus",
    "Document",
    "Entity",
    "Event",
    "Extractor",
    "Figure",
    "HarnessError",
    "InputError",
    "Mention",
    "Metadata",
    "Predictions",
    "Problem",
    "Quote",
    "Region",
    "Span",
    "UsageError",
    "ValidationFailed",
    "check_gold",
    "evaluate",
    "get_adapter",
    "load_gold",
    "load_predictions",
    "parse_predictions",
]


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'harness' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # pragma: no cover
    from .adapters import Extractor, get_adapter
    from .gold import check_gold, load_gold
    from .predictions import Predictions, load_predictions, parse_predictions
    from .scoring import evaluate
