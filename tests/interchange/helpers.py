"""Reading a format's files and building gold from them, as `harness import` does."""

from __future__ import annotations

from harness.interchange import format_module
from harness.interchange.build import build
from harness.interchange.labels import check_labels, load_label_map
from harness.interchange.source import ReadOptions


def imported(fmt: str, *paths, label_map=None, annotator=None):
    """(gold documents by id, reading, built) for ``paths`` read as ``fmt``."""
    reading = format_module(fmt).read([str(p) for p in paths], ReadOptions(annotator=annotator))
    labels = load_label_map(label_map)
    check_labels((s.label for d in reading.documents for s in d.spans), labels)
    built = build(reading.documents, labels)
    return {a.document.id: a for a in built.annotations}, reading, built


def mentions(annotations) -> list[tuple[int, int, str, str]]:
    """(start, end, text, type) of every mention, in text order."""
    return sorted((m.start, m.end, m.text, e.type) for e in annotations.entities for m in e.mentions)


def round_trip(fmt: str, corpus, folder, written: str = ""):
    """(original, imported back) per document, after exporting ``corpus`` as ``fmt`` into ``folder``."""
    format_module(fmt, export=True).write(corpus, folder)
    gold, _, built = imported(fmt, folder / written if written else folder)
    assert not built.problems, built.problems
    return [(original, gold[original.document.id]) for original in corpus]
