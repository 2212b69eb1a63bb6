"""``predictions``: precomputed predictions read from a file or a folder of files.

For output of a batch job run elsewhere: a JSON file (one record or a list
of records), a JSON Lines file (one record per line), or a folder of them.
Records are matched to documents by ``doc_id``. A broken line or a record
that fails the schema costs only its own document: it is reported when that
document is asked for, and every other document is still served. Records for
documents the gold lacks are a warning of the run; a file with a record for
no gold document at all stops the run (exit 2).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Mapping

from ..errors import InputError
from ..model import Document
from .base import BaseExtractor, ExtractionError
from .settings import Setting

SUFFIXES = (".json", ".jsonl", ".ndjson")


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    return [path]


def _records(file: Path) -> list[tuple[str, Any, str | None]]:
    """(location, record, problem) for each record; a line that is not JSON has a problem instead."""
    from ..files import decode_utf8, parse_json, read_bytes, read_records

    if file.suffix.lower() not in (".jsonl", ".ndjson"):
        return [(location, record, None) for location, record in read_records(file)]
    text = decode_utf8(read_bytes(file), str(file), strip_bom=True)
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            found.append((f"{file}:{number}", parse_json(line, f"{file}:{number}"), None))
        except InputError as exc:
            found.append((f"{file}:{number}", None, str(exc)))
    return found


class PredictionsFileExtractor(BaseExtractor):
    """Serves the record whose ``doc_id`` is the document's id, from ``path``."""

    name = "predictions"
    version = "1"
    io_bound = True  # it reads a file: threads, not processes
    SETTINGS = (Setting("path", str, None, "a .json/.jsonl predictions file or a folder of them"),)

    def __init__(self, name: str | None = None, settings: Mapping[str, Any] | None = None):
        super().__init__(name, settings)
        self.path = Path(self.settings["path"])
        self._by_id: dict[str, tuple[str, Any]] = {}
        self._unreadable: list[str] = []
        digest = hashlib.sha256()
        files = _files(self.path)
        if not files:
            raise InputError(f"{self.path}: no .json or .jsonl prediction files in this folder.")
        for file in files:
            digest.update(file.read_bytes())
            for location, record, problem in _records(file):
                if problem is not None:
                    self._unreadable.append(problem)
                    continue
                doc_id = record.get("doc_id") if isinstance(record, dict) else None
                if not isinstance(doc_id, str):
                    self._unreadable.append(f"{location}: a record without a string doc_id")
                elif doc_id in self._by_id:
                    self._by_id[doc_id] = (location, ExtractionError(
                        "duplicate-record", f"{location}: second record for document {doc_id!r} "
                        f"(the first is at {self._by_id[doc_id][0]}). Keep one record per document.",
                        pointer="/doc_id"))
                else:
                    self._by_id[doc_id] = (location, record)
        self._content_hash = digest.hexdigest()
        self.categories = self._categories()

    def _categories(self) -> tuple[str, ...]:
        from ..model import CATEGORIES

        present = {key for _, record in self._by_id.values() if isinstance(record, dict) for key in CATEGORIES
                   if key in record}
        return tuple(c for c in CATEGORIES if c in present)

    @classmethod
    def readiness(cls, settings: Mapping[str, Any]) -> tuple[str, str, str | None]:
        path = settings.get("path")
        if not path:
            return "unconfigured", ("set path = \"predictions.jsonl\" under [tool.harness.adapters.predictions] "
                                    "or pass --set predictions.path=FILE"), None
        if not Path(path).exists():
            return "unconfigured", f"path {path!r} does not exist; point it at a predictions file or folder", None
        return "ready", f"reads {path}", None

    @property
    def record_ids(self) -> tuple[str, ...]:
        """The doc id of every record read: a run checks them against the gold (none matching is an error)."""
        return tuple(self._by_id)

    @property
    def model(self) -> str:
        return self._content_hash  # new predictions in the file, new fingerprint

    def extract(self, document: Document) -> Any:
        found = self._by_id.get(document.id)
        if found is None:
            note = ""
            if self._unreadable:
                note = f" {len(self._unreadable)} record(s) could not be read, e.g. {self._unreadable[0]}"
            raise ExtractionError("no-record", f"{self.path} has no record with doc_id {document.id!r}.{note}")
        location, record = found
        if isinstance(record, ExtractionError):
            raise record
        if isinstance(record, dict) and "adapter" not in record:
            record = {**record, "adapter": self.name}
        return record
