"""The human ceiling is scored only where both annotations apply."""

import dataclasses

from harness.agreement.ceiling import CEILING, ceiling_adapter
from harness.model import Corpus

from .test_pairwise import A, B, _gold


def test_documents_the_second_annotation_lacks_are_not_misses():
    extra = _gold((0, 4, "PERSON"), doc_id="extra", text="Anna left.")
    scored = ceiling_adapter(Corpus((A, extra)), Corpus((B,)))
    assert scored.name == CEILING and set(scored.result.documents) == {"meeting"}
    assert scored.result.categories["entities"].f1 == 2 / 5


def test_layers_only_the_gold_annotates_are_not_scored():
    full = dataclasses.replace(A, layers=("entities", "quotes", "figures", "events"))
    scored = ceiling_adapter(Corpus((full,)), Corpus((B,)))
    assert set(scored.result.categories) == {"entities"}
