"""The prediction cache: an adapter's output for a document, kept until either changes.

An entry is keyed by the adapter fingerprint (which changes with the
adapter's code version, model and settings) and the sha256 of the document
text, so a change to either misses exactly the entries it should. Entries
are written atomically; an entry that cannot be read back, fails the
predictions schema or does not match its key is deleted and recomputed,
never trusted.

Layout: ``<root>/v1/<adapter>/<fingerprint>/<text sha256>.json``. The
adapter name is only there to make the folder readable by a person.
"""

from __future__ import annotations

import dataclasses
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from .files import write_atomic
from .model import Document
from .predictions import Predictions, predictions_to_dict

CACHE_VERSION = 1
DEFAULT_CACHE_DIR = ".harness-cache"
_HEX = re.compile(r"^[0-9a-f]{16,128}$")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class CacheStats:
    """How the cache served a run: entries found, missed, written and thrown away as corrupt."""

    hits: int = 0
    misses: int = 0
    writes: int = 0
    discarded: int = 0


class PredictionCache:
    """Predictions on disk, keyed by adapter fingerprint and document text hash.

    Safe to share between threads of one run; counters are kept under a lock.
    """

    def __init__(self, root: str | Path = DEFAULT_CACHE_DIR):
        self.root = Path(root)
        self._lock = threading.Lock()
        self._counts = {"hits": 0, "misses": 0, "writes": 0, "discarded": 0}

    @property
    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(**self._counts)

    def _count(self, name: str) -> None:
        with self._lock:
            self._counts[name] += 1

    def entry_path(self, adapter: str, fingerprint: str, text_sha256: str) -> Path:
        """Where the entry for this adapter fingerprint and document hash lives."""
        if not _HEX.match(fingerprint) or not _HEX.match(text_sha256):
            # a fingerprint is a hex digest; anything else would escape the cache folder
            raise ValueError(f"cache keys must be hex digests, got {fingerprint!r} and {text_sha256!r}")
        folder = _SAFE_NAME.sub("_", adapter).lstrip(".") or "adapter"  # never "." or ".."
        return self.root / f"v{CACHE_VERSION}" / folder / fingerprint / f"{text_sha256}.json"

    def get(self, adapter: str, fingerprint: str, document: Document) -> Predictions | None:
        """The cached predictions for ``document``, or None (a corrupt entry is deleted)."""
        path = self.entry_path(adapter, fingerprint, document.sha256)
        if not path.exists():
            self._count("misses")
            return None
        predictions = self._read(path, fingerprint, document)
        if predictions is None:
            self._discard(path)
            self._count("misses")
            return None
        self._count("hits")
        return predictions

    def put(self, adapter: str, fingerprint: str, document: Document, predictions: Predictions) -> None:
        """Store ``predictions`` for ``document`` atomically."""
        path = self.entry_path(adapter, fingerprint, document.sha256)
        entry = {
            "cache_version": CACHE_VERSION,
            "adapter": adapter,
            "adapter_fingerprint": fingerprint,
            "text_sha256": document.sha256,
            "predictions": predictions_to_dict(predictions),
        }
        write_atomic(path, json.dumps(entry, ensure_ascii=False, allow_nan=False))
        self._count("writes")

    def _read(self, path: Path, fingerprint: str, document: Document) -> Predictions | None:
        from .errors import HarnessError
        from .files import read_json
        from .predictions import parse_predictions

        try:
            entry = read_json(path, inside=self.root)  # a link out of the cache is not followed
        except (HarnessError, OSError):
            return None
        if not isinstance(entry, dict):
            return None
        if (entry.get("cache_version") != CACHE_VERSION
                or entry.get("adapter_fingerprint") != fingerprint
                or entry.get("text_sha256") != document.sha256):
            return None
        try:
            predictions = parse_predictions(entry.get("predictions"), str(path), text_length=len(document.text))
        except HarnessError:
            return None
        # the same text may be filed under another id; the key is the text, the id is the caller's
        return dataclasses.replace(predictions, doc_id=document.id)

    def _discard(self, path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            pass
        self._count("discarded")
