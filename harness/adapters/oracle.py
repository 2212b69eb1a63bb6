"""``oracle``: the gold itself, returned as predictions.

It is the ceiling every other adapter is measured against and a check on
the scorer: the oracle must score 1.0 everywhere. A document is found in the
gold by id, or by the sha256 of its text (so a renamed copy still matches);
a document the gold does not have is an error for that document. Both
indexes are built once, so each document is one look-up, not a scan of the
gold (which hashed every gold text again for every document).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping

from ..model import Annotations, Corpus, Document
from ..predictions import Predictions, from_gold
from .base import BaseExtractor, ExtractionError
from .settings import Setting


class OracleExtractor(BaseExtractor):
    """Predictions copied from the gold corpus ``gold`` (loaded from the ``gold`` setting when not given)."""

    name = "oracle"
    version = "1"
    SETTINGS = (Setting("gold", str, "gold", "a gold folder or annotation file, used when no corpus is passed in"),)

    def __init__(self, gold: Corpus | None = None, name: str | None = None,
                 settings: Mapping[str, Any] | None = None):
        super().__init__(name, settings)
        self._gold = gold
        self._fingerprint: str | None = None
        self._index: tuple[dict[str, Annotations], dict[str, Annotations]] | None = None

    @property
    def gold(self) -> Corpus:
        if self._gold is None:
            from ..gold import load_gold

            self._gold = load_gold(self.settings.get("gold") or "gold")
        return self._gold

    @property
    def model(self) -> str:
        # the gold is the oracle's model; the corpus keeps its fingerprint, so a run's report
        # reads the same one instead of serialising the gold a second time
        return self.gold.fingerprint

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = super().fingerprint
        return self._fingerprint

    def _indexes(self) -> tuple[dict[str, Annotations], dict[str, Annotations]]:
        """The gold by document id and by text sha256 (the first document wins a shared text)."""
        if self._index is None:
            by_id: dict[str, Annotations] = {}
            by_text: dict[str, Annotations] = {}
            for annotations in self.gold:
                by_id.setdefault(annotations.document.id, annotations)
                by_text.setdefault(annotations.document.sha256, annotations)
            self._index = (by_id, by_text)
        return self._index

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_index"] = None  # rebuilt where it is used: a worker process need not receive it twice
        return state

    def extract(self, document: Document) -> Predictions:
        by_id, by_text = self._indexes()
        found = by_id.get(document.id)
        if found is not None and found.document.text != document.text:
            raise ExtractionError("text-mismatch", f"the gold has a document {document.id!r} but its text "
                                  "differs from this one; the gold offsets would not fit.")
        if found is None:
            found = by_text.get(document.sha256)
        if found is None:
            raise ExtractionError("not-in-gold", f"document {document.id!r} (sha256 {document.sha256[:12]}...) "
                                  "is not in the gold; the oracle only knows gold documents.")
        predictions = from_gold(found, adapter=self.name)
        return dataclasses.replace(predictions, doc_id=document.id)
