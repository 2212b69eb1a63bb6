"""The human ceiling: a second annotation of the gold scored beside the adapters in a run.

A second annotator's gold is treated as one more adapter, ``human-ceiling``,
whose predictions are that gold. It is scored only where both annotations
apply: the documents the second annotation has (with the same text) and,
in each, the layers both annotated; elsewhere it is not applicable rather
than a miss. The score is the two annotations' agreement, the same number
``harness agree`` reports for the pair.
"""

from __future__ import annotations

from typing import Any

from ..model import CATEGORIES, Corpus
from ..predictions import from_gold
from .pairwise import restricted_to_shared

CEILING = "human-ceiling"


def ceiling_adapter(corpus: Corpus, second: Corpus, scoring_options: Any = None):
    """A scored adapter (``harness.run.ScoredAdapter``) for the annotation ``second`` against ``corpus``."""
    from ..run import AdapterRun, DocumentRun, score_adapter

    shared = [(a, second[a.document.id]) for a in corpus
              if a.document.id in second.doc_ids and second[a.document.id].document.text == a.document.text]
    gold = Corpus(tuple(restricted_to_shared(a, b) for a, b in shared))
    documents = tuple(DocumentRun(CEILING, b.document.id, from_gold(b, adapter=CEILING), None, 0.0)
                      for _, b in shared)
    run = AdapterRun(CEILING, "1", second.fingerprint, CATEGORIES, documents)
    return score_adapter(gold, run, scoring_options)
