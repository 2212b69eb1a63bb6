"""What every importer produces: documents as text with labelled spans, before labels are mapped."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import Problem


@dataclass(frozen=True)
class SourceSpan:
    """One labelled stretch of a document as the tool wrote it.

    ``where`` names the place in the source file (``file:line`` or
    ``file#/pointer``) for problems; ``text`` is the span text the file
    repeats, if it does, and is checked against the document text;
    spans sharing a ``group`` are mentions of one entity.
    """

    start: int
    end: int
    label: str
    where: str
    text: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class SourceDocument:
    """One document read from a tool's files: its text, its spans and the notes kept with it."""

    doc_id: str
    text: str
    where: str
    spans: tuple[SourceSpan, ...] = ()
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "spans", tuple(self.spans))
        object.__setattr__(self, "notes", tuple(self.notes))


@dataclass(frozen=True)
class ReadOptions:
    """Choices a reader may need: which annotator's work to take (Label Studio)."""

    annotator: str | None = None


@dataclass(frozen=True)
class Reading:
    """What a reader found: documents, problems in its files, and what it skipped, by reason."""

    documents: tuple[SourceDocument, ...] = ()
    problems: tuple[Problem, ...] = ()
    skipped: Mapping[str, int] = field(default_factory=dict)
    # gold read whole (the harness's own export): already annotations, nothing to map
    gold: tuple = ()


def count(skipped: dict[str, int], reason: str, n: int = 1) -> None:
    """Add ``n`` to the count of things skipped for ``reason``."""
    skipped[reason] = skipped.get(reason, 0) + n


def source_files(paths: Iterable[str | os.PathLike], suffixes: tuple[str, ...]) -> tuple[list[Path], list[Problem]]:
    """The files with one of ``suffixes`` among ``paths`` (folders are searched, sorted), and problems."""
    found: list[Path] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            matches = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
            if not matches:
                problems.append(Problem(str(path), "", f"no {' or '.join(suffixes)} files in this folder.",
                                        fix="Point at the files the tool exported."))
            found += matches
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(str(path), "", "no such file or folder.", fix="Check the path."))
    return found, problems
