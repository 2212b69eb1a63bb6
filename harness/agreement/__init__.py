"""Inter-annotator agreement: two or more gold annotations of the same documents compared.

``pairwise`` scores annotation B as predictions against annotation A as
gold through the scorer itself, so agreement uses exactly the matching the
adapters are scored with; ``token_labels`` gives entity labels per token
for Cohen's kappa (scikit-learn) and ``alpha`` Krippendorff's alpha.
"""

from __future__ import annotations

from .alpha import krippendorff_alpha
from .pairwise import LayerSide, PairAgreement, agree_pair, agreement_report, restricted_to_shared
from .token_labels import cohen_kappa, entity_token_labels

__all__ = [
    "LayerSide",
    "PairAgreement",
    "agree_pair",
    "agreement_report",
    "cohen_kappa",
    "entity_token_labels",
    "krippendorff_alpha",
    "restricted_to_shared",
]
