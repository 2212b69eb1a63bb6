"""What an extractor is: the ``Extractor`` Protocol, and a small base class most adapters extend.

An extractor turns one ``Document`` into ``Predictions`` (or the plain JSON
dict of them). The harness only relies on the attributes of the Protocol, so
a plugin may implement it from scratch; ``BaseExtractor`` saves writing the
fingerprint and the batch loop.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Mapping, Protocol, Sequence, runtime_checkable

from ..model import CATEGORIES, Document
from ..predictions import Predictions

__all__ = ["BaseExtractor", "ExtractionError", "Extractor", "batch_size_of", "fingerprint_of", "is_io_bound"]


@runtime_checkable
class Extractor(Protocol):
    """Anything that extracts predictions from one article.

    ``name`` is the registry name (a configured variant has its own name),
    ``version`` the adapter's code version, ``categories`` the subset of
    ``('entities', 'quotes', 'figures', 'events')`` it predicts, and
    ``fingerprint`` a sha256 hex digest that changes whenever the code
    version, the model or the configuration changes (cached predictions are
    keyed by it). An extractor with its own ``extract_batch`` may also have a
    ``batch_size``: a run then hands it that many documents per call (see
    ``batch_size_of``). An extractor that mostly waits (on a service, a
    program, a file) says so with ``io_bound = True``: ``--jobs auto`` then
    runs it in threads rather than processes (see ``is_io_bound``).
    """

    name: str
    version: str
    categories: tuple[str, ...]

    @property
    def fingerprint(self) -> str: ...

    def extract(self, document: Document) -> Predictions | dict: ...

    def extract_batch(self, documents: Sequence[Document]) -> list[Predictions | dict]: ...


def batch_size_of(extractor: Any) -> int:
    """How many documents a run hands ``extractor`` at once: its ``batch_size`` (an optional
    attribute of the Protocol) when it has its own ``extract_batch``, else 1.

    An extractor that batches (spaCy's ``nlp.pipe``, concurrent requests)
    says how many documents it wants per call; every other one is called a
    document at a time, so a fault costs one document and finished documents
    reach the cache at once.
    """
    method = getattr(type(extractor), "extract_batch", None)
    if method is None or method is BaseExtractor.extract_batch:
        return 1
    size = getattr(extractor, "batch_size", 1)
    return size if isinstance(size, int) and not isinstance(size, bool) and size > 1 else 1


def is_io_bound(extractor: Any) -> bool:
    """Whether ``extractor`` mostly waits rather than computes (its optional ``io_bound`` attribute).

    Threads overlap waiting; only processes overlap computing in Python.
    """
    return getattr(extractor, "io_bound", False) is True


class ExtractionError(Exception):
    """An adapter's way of saying why it has no predictions for one document.

    ``run_extractor`` turns it into the outcome's error record: ``kind`` is a
    short machine-readable word (``http``, ``timeout``, ``invalid-json``,
    ``exit-status`` ...), ``raw`` keeps (a truncated copy of) the output that
    could not be used, ``stderr_tail`` the end of a program's error output,
    ``usage`` what the failed attempt cost (``harness.usage.Usage``).
    """

    def __init__(self, kind: str, message: str, *, raw: str | None = None,
                 stderr_tail: str | None = None, pointer: str | None = None, usage: Any = None):
        super().__init__(message)
        self.usage = usage
        self.kind = kind
        self.message = message
        self.raw = raw
        self.stderr_tail = stderr_tail
        self.pointer = pointer


def fingerprint_of(*parts: Any) -> str:
    """A sha256 hex digest of JSON-serialisable parts (settings are sorted by key)."""
    text = json.dumps(parts, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def categories_setting(name: str, value: Any) -> tuple[str, ...]:
    """The ``categories`` setting of adapter ``name``, checked: a non-empty list of known categories."""
    if value is None:
        return CATEGORIES
    if (not isinstance(value, (list, tuple)) or not value
            or not all(isinstance(c, str) and c in CATEGORIES for c in value)):
        from ..errors import ConfigError

        raise ConfigError(f"adapter {name!r}: categories = {value!r} must be a non-empty list "
                          f"drawn from {list(CATEGORIES)}.")
    return tuple(dict.fromkeys(value))


class BaseExtractor:
    """A convenient base: settings kept, fingerprint derived, batch = a loop over ``extract``.

    Subclasses set ``version`` and ``categories`` as class attributes and
    implement ``extract``. ``model`` names the model the fingerprint should
    follow (a model file's hash, a model name); settings are everything the
    configuration gave.
    """

    name: str = "adapter"
    version: str = "0"
    categories: tuple[str, ...] = CATEGORIES
    # the settings this adapter understands (``harness.adapters.settings.Setting``);
    # empty means "accept whatever the configuration gives"
    SETTINGS: tuple = ()
    # distributions whose installed versions the predictions depend on (part of the cache key)
    LIBRARIES: tuple[str, ...] = ()
    # True for an adapter that mostly waits (a service, a program): parallel in threads, not processes
    io_bound: bool = False

    @classmethod
    def readiness(cls, settings: Mapping[str, Any]) -> tuple[str, str, str | None]:
        """(status, detail, install command) for these settings, without building anything heavy.

        Status is ``ready``, ``missing-dependency`` (with the exact install
        command) or ``unconfigured`` (detail says which setting to give).
        """
        return "ready", "", None

    def __init__(self, name: str | None = None, settings: Mapping[str, Any] | None = None):
        if name is not None:
            self.name = name
        self.settings: dict[str, Any] = dict(settings or {})

    @property
    def model(self) -> str | None:
        """What the predictions depend on besides code and settings (None when nothing)."""
        return None

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(type(self).__module__, type(self).__qualname__, self.version,
                              self.model, self.settings)

    def extract(self, document: Document) -> Predictions | dict:  # pragma: no cover - abstract
        raise NotImplementedError(f"{type(self).__name__} does not implement extract()")

    def extract_batch(self, documents: Sequence[Document]) -> list[Predictions | dict]:
        """Predictions for each document, in order. Override when batches are faster."""
        return [self.extract(document) for document in documents]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} v{self.version}>"
