"""The scoring engine: predictions against gold, per category, with intervals.

``evaluate(corpus, predictions)`` scores entities, quotes, figures and events
(one module each, on a shared matching core) and returns an
``EvaluationResult``; ``compare_predictions`` tests the difference between
two prediction sets. How each score is computed is documented in
docs/scoring.md and in each module's docstring.
"""

from __future__ import annotations

from .compare import CategoryComparison, Comparison, compare_predictions
from .curves import Curve
from .options import ScoringOptions
from .outcomes import DocumentCategory, ItemOutcome, Leakage
from .result import CategoryResult, EvaluationResult, ScoringFault, evaluate
from .score import Counts, Score
from .semeval import SCHEMES, SemEvalCounts, score_mentions

__all__ = [
    "SCHEMES",
    "CategoryComparison",
    "CategoryResult",
    "Comparison",
    "Counts",
    "Curve",
    "DocumentCategory",
    "EvaluationResult",
    "ItemOutcome",
    "Leakage",
    "Score",
    "ScoringFault",
    "ScoringOptions",
    "SemEvalCounts",
    "compare_predictions",
    "evaluate",
    "score_mentions",
    "scoring_options_from_config",
]


def scoring_options_from_config(config) -> ScoringOptions:
    """The options of ``[tool.harness.scoring]`` (defaults when the section is absent)."""
    return ScoringOptions.from_config(config)
