"""CoNLL-2003 style columns: one token per line, its tag in the last column.

Read: a blank line ends a sentence and a ``-DOCSTART-`` line starts a new
document. Tags may be IOB1 (CoNLL-2003's own: ``I-`` starts an entity unless
it continues one of the same label), IOB2 (``B-`` starts every entity) or
BIOES/BILOU (``S-``/``U-`` single tokens, ``E-``/``L-`` last tokens); all read
alike. The text is rebuilt by one spacing rule: the tokens of a sentence
joined by one space, sentences joined by a newline. A document is named by
the third column of its ``-DOCSTART-`` line when that is a document id
(``harness export`` writes it there), else ``<file>-<n>`` (or ``<file>``
when the file holds one document).

Write: IOB2 tags, one ``-DOCSTART-`` per document. The text is split at
white space, opening and closing punctuation is split off each word, and
every mention boundary splits a token too, so mentions survive; each line of the text is a sentence. A mention nested inside
another cannot be tagged and is left out (counted).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from ..errors import Problem, short
from ..files import is_safe_name, read_text, write_atomic
from ..model import Corpus
from .source import ReadOptions, Reading, SourceDocument, SourceSpan, count, source_files

_TAG = re.compile(r"^(?:O|([BIESLU])-(.+))$")
_WORD = re.compile(r"\S+")
_OPENING = "\"'([{\u201c\u2018"
_CLOSING = ".,;:!?\"')]}\u201d\u2019"


class _Document:
    """A document being rebuilt from token lines."""

    def __init__(self, where: str, name: str | None) -> None:
        self.where, self.name = where, name
        self.sentences: list[str] = []  # finished sentence texts
        self.tokens: list[str] = []
        self.offset = 0  # where the current sentence starts in the text
        self.spans: list[SourceSpan] = []
        self.open: tuple[int, str, str] | None = None  # (start, label, where)
        self.end = 0

    def token(self, token: str) -> tuple[int, int]:
        start = self.offset + sum(len(t) + 1 for t in self.tokens)
        self.tokens.append(token)
        return start, start + len(token)

    def close(self) -> None:
        if self.open is not None:
            start, label, where = self.open
            self.spans.append(SourceSpan(start, self.end, label, where))
            self.open = None

    def end_sentence(self) -> None:
        self.close()
        if self.tokens:
            sentence = " ".join(self.tokens)
            self.sentences.append(sentence)
            self.offset += len(sentence) + 1
            self.tokens = []

    @property
    def empty(self) -> bool:
        return not self.sentences and not self.tokens


def _read_file(path: Path, skipped: dict[str, int]) -> tuple[list[SourceDocument], list[Problem]]:
    problems: list[Problem] = []
    finished: list[_Document] = []
    current = _Document(str(path), None)
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        where = f"{path}:{number}"
        columns = line.split()
        if not columns:
            current.end_sentence()
            continue
        if columns[0] == "-DOCSTART-":
            current.end_sentence()
            if not current.empty:
                finished.append(current)
            name = columns[2] if len(columns) > 3 and columns[2] != "-X-" and is_safe_name(columns[2]) else None
            current = _Document(where, name)
            continue
        if len(columns) < 2:
            problems.append(Problem(where, "", f"line {short(line)} has no tag column.", value=line,
                                    fix="Write the token and its tag (O, B-LABEL, I-LABEL, ...) separated by a space."))
            continue
        tag = columns[-1]
        match = _TAG.match(tag)
        if match is None:
            problems.append(Problem(where, "", f"tag {tag!r} is not O or B-, I-, E-, S-, L-, U- and a label.",
                                    value=tag, fix="Use IOB1, IOB2 or BIOES tags."))
            continue
        start, end = current.token(columns[0])
        prefix, label = match.group(1), match.group(2)
        if prefix is None:
            current.close()
            continue
        continues = current.open is not None and current.open[1] == label
        if prefix in "BSU" or (prefix in "IEL" and not continues):
            current.close()
            current.open = (start, label, where)
        current.end = end
        if prefix in "SUEL":
            current.close()
    current.end_sentence()
    if not current.empty:
        finished.append(current)
    documents = []
    for index, doc in enumerate(finished, start=1):
        doc_id = doc.name or (path.stem if len(finished) == 1 else f"{path.stem}-{index:03d}")
        documents.append(SourceDocument(doc_id, "\n".join(doc.sentences), doc.where, tuple(doc.spans)))
    if not finished:
        count(skipped, "CoNLL files without tokens")
    return documents, problems


def read(paths: Iterable[str | os.PathLike], options: ReadOptions = ReadOptions()) -> Reading:
    """Every document in the CoNLL files among ``paths`` (folders: ``.conll``, ``.txt``, ``.iob``, ``.bio``)."""
    files, problems = source_files(paths, (".conll", ".conllu", ".txt", ".iob", ".bio", ".tsv"))
    documents: list[SourceDocument] = []
    skipped: dict[str, int] = {}
    for path in files:
        found, file_problems = _read_file(path, skipped)
        problems += file_problems
        if not file_problems:
            documents += found
    return Reading(tuple(documents), tuple(problems), skipped)


def _peel(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """A whitespace-separated word with its opening and closing punctuation split off.

    A final full stop stays on a word holding another one (``U.S.``): an
    abbreviation, not the end of a sentence.
    """
    head, tail = [], []
    while end - start > 1 and text[start] in _OPENING:
        head.append((start, start + 1))
        start += 1
    while end - start > 1 and text[end - 1] in _CLOSING and not (
            text[end - 1] == "." and "." in text[start:end - 1]):
        tail.insert(0, (end - 1, end))
        end -= 1
    return head + [(start, end)] + tail


def tokens(text: str, boundaries: set[int]) -> list[tuple[int, int]]:
    """The tokens of ``text``: words with punctuation split off, also split at every offset in ``boundaries``."""
    out = []
    for match in _WORD.finditer(text):
        for start, end in _peel(match.start(), match.end(), text):
            for cut in sorted(b for b in boundaries if start < b < end):
                out.append((start, cut))
                start = cut
            out.append((start, end))
    return out


def conll_lines(annotations, skipped: dict[str, int]) -> list[str]:
    """The token lines of one document, after its ``-DOCSTART-`` line."""
    text = annotations.document.text
    mentions = sorted(((m.start, m.end, e.type) for e in annotations.entities for m in e.mentions),
                      key=lambda m: (m[0], -m[1]))
    kept, reach = [], -1
    for mention in mentions:
        if mention[0] < reach:
            count(skipped, "mentions nested in another (CoNLL tags one entity per token)")
            continue
        kept.append(mention)
        reach = mention[1]
    boundaries = {b for m in kept for b in m[:2]}
    lines: list[str] = []
    previous_line = None
    for start, end in tokens(text, boundaries):
        line_number = text.count("\n", 0, start)
        if previous_line is not None and line_number != previous_line:
            lines.append("")
        previous_line = line_number
        tag = "O"
        for m_start, m_end, label in kept:
            if m_start <= start and end <= m_end:
                tag = f"{'B' if start == m_start else 'I'}-{label}"
                break
        lines.append(f"{text[start:end]} {tag}")
    return lines


def write(corpus: Corpus, out: str | os.PathLike) -> list[Path]:
    """One file ``<out>/gold.conll`` (or ``out`` itself when it ends in ``.conll``) holding every document."""
    out = Path(out)
    target = out if out.suffix == ".conll" else out / "gold.conll"
    skipped: dict[str, int] = {}
    lines: list[str] = []
    for annotations in corpus:
        lines += [f"-DOCSTART- -X- {annotations.document.id} O", ""]
        lines += conll_lines(annotations, skipped) + [""]
    write_atomic(target, "\n".join(lines))
    return [target]
