"""brat standoff: ``<doc>.txt`` with ``<doc>.ann`` beside it.

Read: ``T`` lines are entity spans (``T1<TAB>ORG 0 5<TAB>Acme``). A
discontinuous span (``ORG 0 5;10 15``) becomes one entity with one mention
per fragment, its text checked as the fragments joined by a space (brat's
own rule). ``*`` equivalence lines (``*<TAB>Equiv T1 T3``) put their spans in
one entity. ``#`` notes are kept in the document's metadata notes; ``A``,
``M``, ``R``, ``E`` and ``N`` lines are ignored and counted. Offsets are
character offsets into the ``.txt`` file, which is taken exactly as it is.

Write: one ``T`` line per mention, typed with the entity type, and a ``*``
line joining the mentions of an entity that has more than one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from ..errors import Problem, short
from ..files import read_text, write_atomic
from ..model import Corpus
from .source import ReadOptions, Reading, SourceDocument, SourceSpan, count, source_files

_FRAGMENT = re.compile(r"^(\d+) (\d+)$")
_IGNORED = {"A": "attribute", "M": "attribute", "R": "relation", "E": "event", "N": "normalization"}


def _annotation_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Problem]]:
    # a folder is searched for .ann files only: a stray README.txt is not a document
    files, problems = source_files(paths, (".ann",))
    ann = sorted({(p if p.suffix == ".ann" else p.with_suffix(".ann")) for p in files})
    return ann, problems


class _Groups:
    """Union of entity ids joined by ``*`` lines."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        while self.parent.get(key, key) != key:
            key = self.parent[key]
        return key

    def join(self, keys: list[str]) -> None:
        roots = [self.find(k) for k in keys]
        for root in roots[1:]:
            self.parent[root] = roots[0]


def read_pair(ann_path: Path, skipped: dict[str, int]) -> tuple[SourceDocument | None, list[Problem]]:
    """One brat document: the ``.ann`` file and the ``.txt`` beside it."""
    txt_path = ann_path.with_suffix(".txt")
    if not txt_path.is_file():
        return None, [Problem(str(ann_path), "", f"no text file {txt_path.name} beside it.",
                              fix="brat keeps the text in a .txt file of the same name; add it.")]
    if not ann_path.is_file():
        return None, [Problem(str(txt_path), "", f"no annotation file {ann_path.name} beside it.",
                              fix="Add the .ann file (an empty one for a document without entities).")]
    text = read_text(txt_path)
    problems: list[Problem] = []
    spans: list[tuple[str, SourceSpan]] = []
    notes: list[str] = []
    groups = _Groups()
    known: set[str] = set()
    for number, line in enumerate(read_text(ann_path).splitlines(), start=1):
        where = f"{ann_path}:{number}"
        if not line.strip():
            continue
        kind = line[0]
        fields = line.split("\t")
        if kind == "T":
            if len(fields) < 3:
                problems.append(Problem(where, "", f"entity line has {len(fields)} tab-separated field(s), not 3: "
                                        f"{short(line)}.", value=line, fix="Write ID<TAB>LABEL START END<TAB>TEXT."))
                continue
            label, _, offsets = fields[1].partition(" ")
            fragments = [_FRAGMENT.match(part.strip()) for part in offsets.split(";")]
            if not label or not all(fragments):
                problems.append(Problem(where, "", f"{short(fields[1])} is not a label followed by START END "
                                        "offsets.", value=fields[1], fix="Write LABEL START END, fragments joined by ';'."))
                continue
            bounds = [(int(m.group(1)), int(m.group(2))) for m in fragments]
            given = fields[2]
            joined = " ".join(text[s:e] for s, e in bounds)
            if len(bounds) > 1 and all(0 <= s < e <= len(text) for s, e in bounds) and joined != given:
                problems.append(Problem(where, "", f"span text {short(given)} differs from the text of its fragments "
                                        f"{bounds}: {short(joined)}.", value=given,
                                        fix="Correct the offsets or the text; the .txt file is the reference."))
                continue
            for s, e in bounds:
                # a single fragment repeats its text exactly; fragments were checked joined above
                spans.append((fields[0], SourceSpan(s, e, label, where, given if len(bounds) == 1 else None)))
            known.add(fields[0])
        elif kind == "*":
            members = fields[1].split()[1:] if len(fields) > 1 else []
            groups.join(members)
        elif kind == "#":
            note = fields[2] if len(fields) > 2 else ""
            target = fields[1].split()[-1] if len(fields) > 1 and fields[1].split() else ""
            notes.append(f"{target}: {note}" if target else note)
        elif kind in _IGNORED:
            count(skipped, f"brat {kind} lines ({_IGNORED[kind]}s, ignored)")
        else:
            problems.append(Problem(where, "", f"line starts with {kind!r}, not a brat annotation id.", value=line,
                                    fix="brat lines start with T, A, M, R, E, N, * or #."))
    if problems:
        return None, problems
    document_spans = tuple(
        SourceSpan(span.start, span.end, span.label, span.where, span.text, groups.find(entity_id))
        for entity_id, span in spans)
    return SourceDocument(ann_path.stem, text, str(ann_path), document_spans, tuple(notes)), []


def read(paths: Iterable[str | os.PathLike], options: ReadOptions = ReadOptions()) -> Reading:
    """Every brat document among ``paths`` (folders are searched for ``.ann`` files)."""
    ann_files, problems = _annotation_files(paths)
    documents = []
    skipped: dict[str, int] = {}
    for ann_path in ann_files:
        document, found = read_pair(ann_path, skipped)
        problems += found
        if document is not None:
            documents.append(document)
    return Reading(tuple(documents), tuple(problems), skipped)


def write(corpus: Corpus, out: str | os.PathLike) -> list[Path]:
    """``<doc>.txt`` and ``<doc>.ann`` for every document, entities only."""
    out = Path(out)
    written = []
    for annotations in corpus:
        doc_id = annotations.document.id
        lines, number = [], 0
        for entity in annotations.entities:
            ids = []
            for mention in entity.mentions:
                number += 1
                ids.append(f"T{number}")
                text = mention.text.replace("\n", " ").replace("\t", " ")
                lines.append(f"T{number}\t{entity.type} {mention.start} {mention.end}\t{text}")
            if len(ids) > 1:
                lines.append(f"*\tEquiv {' '.join(ids)}")
        write_atomic(out / f"{doc_id}.txt", annotations.document.text)
        write_atomic(out / f"{doc_id}.ann", "".join(line + "\n" for line in lines))
        written += [out / f"{doc_id}.txt", out / f"{doc_id}.ann"]
    return written
