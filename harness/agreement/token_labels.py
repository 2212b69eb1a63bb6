"""Entity labels per token, for agreement statistics that need units (Cohen's kappa, alpha).

The tokens are the CoNLL export's (words with punctuation split off), also
split at every mention boundary of every annotation compared, so each
annotator's spans fall on token boundaries. A token's label is the type of
the mention covering it, ``O`` outside every mention; where mentions nest,
the outermost wins.
"""

from __future__ import annotations

from typing import Sequence

from ..interchange.conll import tokens
from ..model import Annotations

OUTSIDE = "O"


def _mentions(annotations: Annotations) -> list[tuple[int, int, str]]:
    return sorted(((m.start, m.end, e.type) for e in annotations.entities for m in e.mentions),
                  key=lambda m: (m[0], -m[1]))


def entity_token_labels(annotations: Sequence[Annotations]) -> list[list[str]]:
    """One label list per annotation of the same text, over the same tokens."""
    text = annotations[0].document.text
    spans = [_mentions(a) for a in annotations]
    boundaries = {b for mentions in spans for m in mentions for b in m[:2]}
    labels: list[list[str]] = [[] for _ in annotations]
    for start, end in tokens(text, boundaries):
        for out, mentions in zip(labels, spans):
            out.append(next((label for s, e, label in mentions if s <= start and end <= e), OUTSIDE))
    return labels


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa of two label lists (scikit-learn); None when undefined (one label throughout)."""
    if not first:
        return None
    if len(set(first) | set(second)) == 1:
        return None  # chance agreement is certain: kappa is 0/0
    import math

    from sklearn.metrics import cohen_kappa_score

    value = float(cohen_kappa_score(list(first), list(second)))
    return None if math.isnan(value) else value
