"""Label Studio's JSON export: tasks with ``data.text`` and ``annotations[].result[]``.

Read: results of type ``labels`` are entity spans (``value.start``,
``value.end``, ``value.text``, ``value.labels``); other result types
(relations, choices, text areas) are ignored and counted. One annotation
per task is taken, by this rule: cancelled annotations are skipped; with
``--annotator`` only that annotator's (``completed_by`` as an id, email or
username) count; of those, one marked ``ground_truth`` wins, else the most
recently updated (``updated_at``, then ``created_at``), else the last one. A
task without such an annotation is skipped and counted. Offsets are code
points; an offset pair that only fits the text counted in UTF-16 units (as
a browser counts) is converted. A task's document id is ``data.doc_id``
when given, else ``task-<id>``.

Write: one task per document with one annotation of ``labels`` results;
``data.doc_id`` keeps the id so an export reads back under the same names.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from ..errors import Problem
from ..files import read_json, write_json_atomic
from ..model import Corpus
from .source import ReadOptions, Reading, SourceDocument, SourceSpan, count, source_files


def _annotator_matches(annotation: dict, wanted: str) -> bool:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return wanted in {str(who.get(key)) for key in ("id", "email", "username") if who.get(key) is not None}
    return who is not None and str(who) == wanted


def choose_annotation(annotations: list, annotator: str | None) -> tuple[int, dict] | None:
    """The (index, annotation) the documented rule picks, or None."""
    candidates = [(i, a) for i, a in enumerate(annotations)
                  if isinstance(a, dict) and not a.get("was_cancelled")
                  and (annotator is None or _annotator_matches(a, annotator))]
    if not candidates:
        return None
    marked = [c for c in candidates if c[1].get("ground_truth")]
    if marked:
        return marked[0]
    return max(candidates, key=lambda c: (str(c[1].get("updated_at") or c[1].get("created_at") or ""), c[0]))


def _utf16_to_code_points(text: str, offset: int) -> int | None:
    units = 0
    for index, char in enumerate(text):
        if units == offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text) if units == offset else None


def _span(value: dict, text: str, label: str, where: str) -> SourceSpan:
    start, end, given = value.get("start"), value.get("end"), value.get("text")
    if isinstance(start, int) and isinstance(end, int) and given is not None and text[start:end] != given:
        start16, end16 = _utf16_to_code_points(text, start), _utf16_to_code_points(text, end)
        if start16 is not None and end16 is not None and text[start16:end16] == given:
            start, end = start16, end16
    return SourceSpan(start, end, label, where, given)


def _task(task: Any, where: str, options: ReadOptions, skipped: dict[str, int]) -> tuple[SourceDocument | None, list[Problem]]:
    data = task.get("data") if isinstance(task, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        keys = sorted(data) if isinstance(data, dict) else []
        return None, [Problem(where, "/data/text", "the task has no data.text string.", value=keys,
                              fix="Export tasks whose text is in data.text (the labeling config's $text).")]
    text = data["text"]
    doc_id = str(data.get("doc_id") or f"task-{task.get('id', where.rsplit('/', 1)[-1])}")
    chosen = choose_annotation(task.get("annotations") or [], options.annotator)
    if chosen is None:
        count(skipped, "Label Studio tasks without a usable annotation")
        return None, []
    index, annotation = chosen
    spans, problems = [], []
    for j, result in enumerate(annotation.get("result") or []):
        result_where = f"{where}/annotations/{index}/result/{j}"
        if not isinstance(result, dict) or result.get("type") != "labels":
            kind = result.get("type") if isinstance(result, dict) else type(result).__name__
            count(skipped, f"Label Studio {kind} results (ignored)")
            continue
        value = result.get("value") or {}
        labels = value.get("labels") or []
        if not labels:
            problems.append(Problem(result_where, "/value/labels", "a labels result has no label.", value=value,
                                    fix="Give the span a label in Label Studio, or delete it."))
            continue
        if len(labels) > 1:
            count(skipped, "Label Studio extra labels on one span (first kept)", len(labels) - 1)
        spans.append(_span(value, text, labels[0], result_where))
    return SourceDocument(doc_id, text, where, tuple(spans)), problems


def read(paths: Iterable[str | os.PathLike], options: ReadOptions = ReadOptions()) -> Reading:
    """Every task in the Label Studio JSON exports among ``paths``."""
    files, problems = source_files(paths, (".json",))
    documents = []
    skipped: dict[str, int] = {}
    for path in files:
        raw = read_json(path)
        tasks = raw if isinstance(raw, list) else [raw]
        for i, task in enumerate(tasks):
            where = f"{path}#/{i}" if isinstance(raw, list) else f"{path}#"
            document, found = _task(task, where, options, skipped)
            problems += found
            if document is not None and not found:
                documents.append(document)
    return Reading(tuple(documents), tuple(problems), skipped)


def write(corpus: Corpus, out: str | os.PathLike) -> list[Path]:
    """``<out>/tasks.json`` (or ``out`` itself when it ends in ``.json``): one task per document."""
    out = Path(out)
    target = out if out.suffix == ".json" else out / "tasks.json"
    tasks = []
    for number, annotations in enumerate(corpus, start=1):
        results = [
            {"id": f"{entity.id}-{k}", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": m.start, "end": m.end, "text": m.text, "labels": [entity.type]}}
            for entity in annotations.entities for k, m in enumerate(entity.mentions)
        ]
        tasks.append({"id": number, "data": {"text": annotations.document.text, "doc_id": annotations.document.id},
                      "annotations": [{"id": number, "result": results, "was_cancelled": False}]})
    write_json_atomic(target, tasks)
    return [target]
