"""A subset of the gold to run on: a stable seeded sample (``--limit N``) or named documents (``--docs``).

The sample orders the document ids by the SHA-256 of ``"<seed>:<id>"`` and
takes the first N, so the same N picks the same documents on every machine
and in every Python version (no dependence on ``random``'s algorithm), and
adding a document to the gold changes a sample by at most that document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable

from .errors import UsageError, did_you_mean

SAMPLE_SEED = 0


@dataclass(frozen=True)
class Sample:
    """Which documents of the gold a run used, and how they were chosen.

    ``limit`` is None when the documents were named (``--docs``); ``of`` is
    the size of the whole gold.
    """

    documents: tuple[str, ...]
    of: int
    limit: int | None = None
    seed: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "documents", tuple(self.documents))

    def to_dict(self) -> dict:
        return {"limit": self.limit, "seed": self.seed, "documents": list(self.documents), "of": self.of}


def sample_ids(doc_ids: Iterable[str], limit: int, seed: int = SAMPLE_SEED) -> tuple[str, ...]:
    """``limit`` of ``doc_ids`` chosen by seeded hash order, returned sorted."""
    if limit < 1:
        raise UsageError(f"--limit {limit} must be at least 1.")
    ranked = sorted(set(doc_ids), key=lambda doc_id: hashlib.sha256(f"{seed}:{doc_id}".encode()).hexdigest())
    return tuple(sorted(ranked[:limit]))


def parse_doc_list(value: str | None, option: str = "--docs") -> tuple[str, ...] | None:
    """``a,b,c`` as document ids (each once); None when not given."""
    if value is None:
        return None
    ids = [part.strip() for part in value.split(",") if part.strip()]
    if not ids:
        raise UsageError(f"{option} {value!r} names no document. Give document ids separated by commas.")
    return tuple(dict.fromkeys(ids))


def choose(doc_ids: Iterable[str], *, limit: int | None = None, docs: tuple[str, ...] | None = None,
           seed: int = SAMPLE_SEED) -> Sample | None:
    """The sample asked for (None: the whole gold, also when ``limit`` or ``docs`` covers it). Unknown
    ids are a ``UsageError`` with suggestions."""
    every = tuple(doc_ids)
    if limit is not None and docs is not None:
        raise UsageError("--limit and --docs cannot be used together: give one of them.")
    if docs is not None:
        unknown = [doc_id for doc_id in docs if doc_id not in every]
        if unknown:
            listed = ", ".join(every[:10]) + (f" and {len(every) - 10} more" if len(every) > 10 else "")
            raise UsageError(f"--docs: {unknown[0]!r} is not a gold document.{did_you_mean(unknown[0], every)} "
                             f"Documents: {listed}.")
        named = tuple(d for d in every if d in docs)
        # every document named is the whole gold, whose scores are not a sample's (as a limit covering it)
        return None if len(named) == len(set(every)) else Sample(named, len(every))
    if limit is not None:
        chosen = sample_ids(every, limit, seed)
        # a limit that takes every document is the whole gold, whose scores are not a sample's
        return None if len(chosen) == len(set(every)) else Sample(chosen, len(every), limit, seed)
    return None


def restrict(corpus, sample: Sample | None):
    """``corpus`` with only the sample's documents (itself when there is no sample)."""
    if sample is None:
        return corpus
    from .model import Corpus

    wanted = set(sample.documents)
    return Corpus(tuple(a for a in corpus if a.document.id in wanted))
