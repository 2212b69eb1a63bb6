"""The prediction cache: an adapter's output for a document, kept until anything that made it changes.

An entry is keyed by the adapter's cache key and the document key, so a
change to either misses exactly the entries it should:

* the cache key (``cache_key``) covers the adapter fingerprint (code
  ``version``, model and settings), a digest of the source of the package
  the adapter's class comes from (every module and data file, so editing
  the code without bumping ``version`` misses), the installed versions of
  the libraries it declares in ``LIBRARIES``, and whatever the adapter reports in ``cache_inputs`` (the ``command``
  adapter: its program's files). An adapter whose ``cache_inputs`` is None
  cannot name what its output depends on and is never cached;
* the document key (``document_key``) covers the text, the regions and
  the metadata an adapter is given. The text is hashed once per document
  and run (``PredictionCache.keys``), however many adapters ask.

Entries are written atomically; an entry that cannot be read back, fails
the structural check of the harness's own predictions (``harness.predictions.structure_problems``)
or does not match its key is deleted and recomputed, never trusted. The full predictions
schema is for foreign files: an entry here was written by the harness from predictions it
had already checked, so only its shape and offsets are checked again.

Layout: ``<root>/v2/<adapter>/<cache key>/<document key>.json``. The
adapter name is only there to make the folder readable by a person.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import write_atomic
from .model import Document
from .predictions import Predictions, predictions_to_dict

# 2: keys cover the adapter's source and libraries, and the document's regions and metadata;
# 3: the document key is made from the text's digest, so the text is hashed once
CACHE_VERSION = 3
DEFAULT_CACHE_DIR = ".harness-cache"
_HEX = re.compile(r"^[0-9a-f]{16,128}$")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_NO_INPUTS = object()


@dataclass(frozen=True)
class DocumentKeys:
    """The digests a cache entry is filed and checked under: of the text, and of everything given."""

    text_sha256: str
    document_sha256: str


def text_digest(text: str) -> str:
    """The sha256 of ``text`` as UTF-8 (a lone surrogate kept, so any ``str`` has one)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def document_keys(document: Document) -> DocumentKeys:
    """The keys of ``document``: its text is hashed once, and the document key is made from that digest."""
    try:
        text_sha256 = document.sha256  # kept by the document, so the report and the oracle share it
    except UnicodeEncodeError:  # a lone surrogate, which only the cache's own digest can hash
        text_sha256 = text_digest(document.text)
    given = {"text_sha256": text_sha256, "metadata": dataclasses.asdict(document.metadata),
             "regions": [dataclasses.asdict(region) for region in document.regions]}
    summary = json.dumps(given, sort_keys=True, ensure_ascii=False, default=repr)
    return DocumentKeys(text_sha256, text_digest(summary))


def document_key(document: Document) -> str:
    """The sha256 of everything an adapter is given about ``document``: text, regions and metadata."""
    return document_keys(document).document_sha256


def cache_key(extractor: Any) -> str | None:
    """The key cached predictions of ``extractor`` are filed under; None when they must not be cached.

    Computed once per adapter and run; the package digest is itself cached
    by file modification time (``harness.sources``).
    """
    from .adapters.base import fingerprint_of
    from .sources import distribution_versions, module_source_digest

    inputs = getattr(extractor, "cache_inputs", _NO_INPUTS)
    if inputs is None:
        return None
    module = type(extractor).__module__
    libraries = tuple(getattr(extractor, "LIBRARIES", ()) or ())
    return fingerprint_of(
        CACHE_VERSION, str(extractor.fingerprint), module,
        module_source_digest(module) or _class_file_digest(type(extractor)),
        distribution_versions(libraries),
        None if inputs is _NO_INPUTS else inputs,
    )


def _class_file_digest(cls: type) -> str | None:
    """The digest of the file a class is defined in, for a class outside any importable package (``__main__``)."""
    import inspect

    from .sources import path_digest

    try:
        source = inspect.getsourcefile(cls)
        return path_digest(source) if source else None
    except (TypeError, OSError):
        return None


@dataclass(frozen=True)
class CacheStats:
    """How the cache served a run: entries found, missed, written and thrown away as corrupt."""

    hits: int = 0
    misses: int = 0
    writes: int = 0
    discarded: int = 0


class PredictionCache:
    """Predictions on disk, keyed by the adapter's cache key and the document key.

    Safe to share between threads of one run; counters are kept under a lock.
    """

    def __init__(self, root: str | Path = DEFAULT_CACHE_DIR):
        self.root = Path(root)
        self._lock = threading.Lock()
        self._counts = {"hits": 0, "misses": 0, "writes": 0, "discarded": 0}
        # id(document) -> (document, its keys); the document is held so its id cannot be reused
        self._keys: dict[int, tuple[Document, DocumentKeys]] = {}

    def keys(self, document: Document) -> DocumentKeys:
        """The keys of ``document``, computed once for this cache's run whatever the number of adapters."""
        known = self._keys.get(id(document))
        if known is not None and known[0] is document:
            return known[1]
        keys = document_keys(document)
        with self._lock:
            self._keys[id(document)] = (document, keys)
        return keys

    @property
    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(**self._counts)

    def _count(self, name: str) -> None:
        with self._lock:
            self._counts[name] += 1

    def entry_path(self, adapter: str, fingerprint: str, document_sha256: str) -> Path:
        """Where the entry for this adapter cache key and document key lives."""
        if not _HEX.match(fingerprint) or not _HEX.match(document_sha256):
            # a key is a hex digest; anything else would escape the cache folder
            raise ValueError(f"cache keys must be hex digests, got {fingerprint!r} and {document_sha256!r}")
        folder = _SAFE_NAME.sub("_", adapter).lstrip(".") or "adapter"  # never "." or ".."
        return self.root / f"v{CACHE_VERSION}" / folder / fingerprint / f"{document_sha256}.json"

    def get(self, adapter: str, fingerprint: str, document: Document) -> Predictions | None:
        """The cached predictions for ``document``, or None (a corrupt entry is deleted)."""
        keys = self.keys(document)
        path = self.entry_path(adapter, fingerprint, keys.document_sha256)
        if not path.exists():
            self._count("misses")
            return None
        predictions = self._read(path, fingerprint, document, keys)
        if predictions is None:
            self._discard(path)
            self._count("misses")
            return None
        self._count("hits")
        return predictions

    def put(self, adapter: str, fingerprint: str, document: Document, predictions: Predictions) -> None:
        """Store ``predictions`` for ``document`` atomically."""
        keys = self.keys(document)
        path = self.entry_path(adapter, fingerprint, keys.document_sha256)
        entry = {
            "cache_version": CACHE_VERSION,
            "adapter": adapter,
            "adapter_fingerprint": fingerprint,
            "document_sha256": keys.document_sha256,
            "text_sha256": keys.text_sha256,
            "predictions": predictions_to_dict(predictions),
        }
        write_atomic(path, json.dumps(entry, ensure_ascii=False, allow_nan=False))
        self._count("writes")

    def _read(self, path: Path, fingerprint: str, document: Document, keys: DocumentKeys) -> Predictions | None:
        from .errors import HarnessError
        from .files import read_json
        from .predictions import predictions_from_dict, structure_problems

        try:
            entry = read_json(path, inside=self.root)  # a link out of the cache is not followed
        except (HarnessError, OSError):
            return None
        if not isinstance(entry, dict):
            return None
        if (entry.get("cache_version") != CACHE_VERSION
                or entry.get("adapter_fingerprint") != fingerprint
                or entry.get("document_sha256") != keys.document_sha256
                or entry.get("text_sha256") != keys.text_sha256):
            return None
        raw = entry.get("predictions")
        if structure_problems(raw, str(path), text_length=len(document.text)):
            return None
        try:
            predictions = predictions_from_dict(raw)
        except (HarnessError, KeyError, TypeError, ValueError):
            return None
        # the same document may be filed under another id; the key is its content, the id is the caller's
        return dataclasses.replace(predictions, doc_id=document.id)

    def _discard(self, path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            pass
        self._count("discarded")
