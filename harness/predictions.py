"""What an extractor returns for one document, checked against ``schemas/predictions.schema.json``.

Offsets are optional everywhere: an extractor that returns only strings (as
LLMs usually do) is accepted, and the scorer grounds its items in the text.
A category that is None was not predicted at all (the extractor does not
support it); an empty tuple means it predicted nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Iterable

from .errors import Problem, ValidationFailed
from .files import SAFE_NAME_RULE, is_safe_name
from .model import CATEGORIES, Annotations
from .values import Pair, value_from_json, value_to_json


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Words of the text, with their offsets when the extractor knows them."""

    text: str
    start: int | None = None
    end: int | None = None

    @property
    def has_offsets(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True, slots=True)
class PredictedEntity:
    text: str
    type: str
    start: int | None = None
    end: int | None = None
    form: str | None = None
    canonical_name: str | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    text: str
    start: int | None = None
    end: int | None = None
    kind: str | None = None
    speaker: TextSpan | None = None
    cue: TextSpan | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class PredictedFigure:
    text: str
    start: int | None = None
    end: int | None = None
    value: float | tuple[float, float] | Pair | None = None  # Pair: a scoreline or vote ("2-0")
    unit: str | None = None
    approximation: str | None = None
    measures: str | None = None
    score: float | None = None
    has_value: bool = False  # False when the extractor gave no value (the scorer parses the text)


@dataclass(frozen=True, slots=True)
class PredictedArgument:
    role: str
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    type: str
    trigger: TextSpan
    arguments: tuple[PredictedArgument, ...] = ()
    time: str | None = None
    place: TextSpan | None = None
    modality: str | None = None
    score: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "arguments", tuple(self.arguments))


@dataclass(frozen=True)
class Predictions:
    """One extractor's output for one document."""

    doc_id: str
    entities: tuple[PredictedEntity, ...] | None = None
    quotes: tuple[PredictedQuote, ...] | None = None
    figures: tuple[PredictedFigure, ...] | None = None
    events: tuple[PredictedEvent, ...] | None = None
    adapter: str | None = None

    def __post_init__(self) -> None:
        for name in CATEGORIES:
            items = getattr(self, name)
            if items is not None:
                object.__setattr__(self, name, tuple(items))

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories this record predicts (present, even if empty)."""
        return tuple(name for name in CATEGORIES if getattr(self, name) is not None)

    def to_dict(self) -> dict:
        return predictions_to_dict(self)


def _text_span(raw: Any) -> TextSpan | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        return TextSpan(raw)
    return TextSpan(raw["text"], raw.get("start"), raw.get("end"))


def _text_span_to_dict(span: TextSpan | None) -> dict | None:
    if span is None:
        return None
    out: dict = {"text": span.text}
    if span.has_offsets:
        out["start"], out["end"] = span.start, span.end
    return out


def predictions_from_dict(raw: dict) -> Predictions:
    """Build ``Predictions`` from a dict that has passed the predictions schema."""

    def items(key: str):
        return raw.get(key)

    entities = items("entities")
    quotes = items("quotes")
    figures = items("figures")
    events = items("events")
    return Predictions(
        doc_id=raw["doc_id"],
        adapter=raw.get("adapter"),
        entities=None if entities is None else tuple(
            PredictedEntity(e["text"], e["type"], e.get("start"), e.get("end"), e.get("form"),
                            e.get("canonical_name"), e.get("score"))
            for e in entities
        ),
        quotes=None if quotes is None else tuple(
            PredictedQuote(q["text"], q.get("start"), q.get("end"), q.get("kind"),
                           _text_span(q.get("speaker")), _text_span(q.get("cue")), q.get("score"))
            for q in quotes
        ),
        figures=None if figures is None else tuple(
            PredictedFigure(
                f["text"], f.get("start"), f.get("end"),
                value_from_json(f.get("value")),
                f.get("unit"), f.get("approximation"), f.get("measures"), f.get("score"),
                has_value="value" in f,
            )
            for f in figures
        ),
        events=None if events is None else tuple(
            PredictedEvent(
                v["type"], _text_span(v["trigger"]),
                tuple(PredictedArgument(a["role"], a["text"], a.get("start"), a.get("end"))
                      for a in v.get("arguments", ())),
                v.get("time"), _text_span(v.get("place")), v.get("modality"), v.get("score"),
            )
            for v in events
        ),
    )


def _drop_none(mapping: dict) -> dict:
    return {k: v for k, v in mapping.items() if v is not None}


def predictions_to_dict(predictions: Predictions) -> dict:
    """The JSON form of ``predictions``, valid under the predictions schema."""
    out: dict = {"doc_id": predictions.doc_id}
    if predictions.adapter:
        out["adapter"] = predictions.adapter
    if predictions.entities is not None:
        out["entities"] = [
            _drop_none({"text": e.text, "type": e.type, "start": e.start, "end": e.end, "form": e.form,
                        "canonical_name": e.canonical_name, "score": e.score})
            for e in predictions.entities
        ]
    if predictions.quotes is not None:
        out["quotes"] = [
            _drop_none({"text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
                        "speaker": _text_span_to_dict(q.speaker), "cue": _text_span_to_dict(q.cue), "score": q.score})
            for q in predictions.quotes
        ]
    if predictions.figures is not None:
        figures = []
        for f in predictions.figures:
            item = _drop_none({"text": f.text, "start": f.start, "end": f.end, "unit": f.unit,
                               "approximation": f.approximation, "measures": f.measures, "score": f.score})
            if f.has_value or f.value is not None:
                item["value"] = value_to_json(f.value)
            figures.append(item)
        out["figures"] = figures
    if predictions.events is not None:
        out["events"] = [
            _drop_none({
                "type": v.type,
                "trigger": _text_span_to_dict(v.trigger),
                "arguments": [_drop_none({"role": a.role, "text": a.text, "start": a.start, "end": a.end})
                              for a in v.arguments],
                "time": v.time,
                "place": _text_span_to_dict(v.place),
                "modality": v.modality,
                "score": v.score,
            })
            for v in predictions.events
        ]
    return out


def _offset_problems(raw: dict, file: str, text_length: int | None) -> list[Problem]:
    """Offsets must come in pairs, in order, and (when the text is known) inside it."""
    from .errors import pointer

    problems = []

    def check(item: Any, where: str) -> None:
        if not isinstance(item, dict):
            return
        start, end = item.get("start"), item.get("end")
        if (start is None) != (end is None):
            problems.append(Problem(file, where, "start and end must be given together.", value=[start, end],
                                    fix="Give both offsets or neither."))
        elif start is not None and end < start:
            problems.append(Problem(file, where, f"end {end} is before start {start}.", value=[start, end],
                                    fix="Correct the offsets."))
        elif start is not None and text_length is not None and end > text_length:
            problems.append(Problem(file, where, f"offsets [{start}, {end}) run past the end of the text ({text_length} characters).",
                                    value=[start, end], fix="Offsets are character offsets into the document text."))

    for key in CATEGORIES:
        for i, item in enumerate(raw.get(key) or ()):
            check(item, pointer(key, i))
            if key == "quotes":
                for sub in ("speaker", "cue"):
                    check(item.get(sub), pointer(key, i, sub))
            if key == "events":
                check(item.get("trigger"), pointer(key, i, "trigger"))
                check(item.get("place"), pointer(key, i, "place"))
                for j, argument in enumerate(item.get("arguments") or ()):
                    check(argument, pointer(key, i, "arguments", j))
    return problems


def prediction_problems(raw: Any, file: str, *, text_length: int | None = None) -> list[Problem]:
    """Every way ``raw`` fails the predictions schema or has impossible offsets."""
    from .schemas import schema_problems
    from .surrogates import surrogate_problems

    if not isinstance(raw, dict):
        return [Problem(file, "", f"a predictions record must be a JSON object, not {type(raw).__name__}.",
                        value=type(raw).__name__, fix='Write one object per document: {"doc_id": ..., "entities": [...]}.')]
    too_many = _item_limit_problem(raw, file)
    if too_many is not None:
        return [too_many]  # refused before the schema walks every item
    problems = surrogate_problems(raw, file)
    if problems:
        return problems  # nothing holding one can be written or shown, so nothing else is checked
    problems = schema_problems("predictions", raw, file)
    if not problems and not is_safe_name(raw["doc_id"]):
        # the schema pattern's "$" also accepts a trailing newline
        problems.append(Problem(file, "/doc_id", f"doc_id {raw['doc_id']!r} is not a valid document id.",
                                value=raw["doc_id"], fix=f"Use {SAFE_NAME_RULE}."))
    if not problems:
        problems = _non_finite_problems(raw, file)
    if not problems:
        problems = _offset_problems(raw, file, text_length)
    return problems


def _non_finite_problems(raw: dict, file: str) -> list[Problem]:
    """Every NaN or infinity in ``raw``: the schema lets NaN through (it compares false to any bound),
    JSON cannot hold either, and a report with one could not be written."""
    import math

    from .errors import pointer

    problems = []
    stack: list[tuple[Any, tuple]] = [(raw, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            stack.extend((child, (*path, key)) for key, child in node.items())
        elif isinstance(node, (list, tuple)):
            stack.extend((child, (*path, index)) for index, child in enumerate(node))
        elif isinstance(node, float) and not math.isfinite(node):
            where = pointer(*path)
            fix = ("Give a score between 0 and 1, or leave the score out." if path[-1] == "score"
                   else "Give a finite number, or leave the value out.")
            # the value is kept as text: a record holding a NaN cannot be written as JSON
            problems.append(Problem(file, where, f"{node!r} is not a number JSON can hold.", value=repr(node), fix=fix))
    return sorted(problems, key=lambda problem: problem.pointer)


# the keys each kind of item may have (the predictions schema's properties)
_KEYS = {
    "record": {"$schema", "doc_id", "adapter", *CATEGORIES},
    "entities": {"text", "type", "start", "end", "form", "canonical_name", "score"},
    "quotes": {"text", "start", "end", "kind", "speaker", "cue", "score"},
    "figures": {"text", "start", "end", "value", "unit", "approximation", "measures", "score"},
    "events": {"type", "trigger", "arguments", "time", "place", "modality", "score"},
    "argument": {"role", "text", "start", "end"},
    "span": {"text", "start", "end"},
}
_ENUMS = {"form": ("name", "nominal", "pronoun"), "kind": ("direct", "partial", "indirect"),
          "modality": ("asserted", "reported", "hypothetical", "negated")}


def structure_problems(raw: Any, file: str, *, text_length: int | None = None) -> list[Problem]:
    """``prediction_problems`` for predictions the harness itself made or cached: a fast check first.

    The full schema walk is for foreign input (a file, a program's output).
    A record the harness built from typed ``Predictions`` or wrote to its own
    cache only needs its shape and offsets confirmed; a direct walk does that
    several times faster. It is at least as strict as the schema, so only a
    record it doubts goes through ``prediction_problems``, which explains.
    """
    if _well_formed(raw, text_length):
        return []
    return prediction_problems(raw, file, text_length=text_length)


def _well_formed(raw: Any, text_length: int | None) -> bool:
    from .files import Limits

    strings: list[str] = []

    def text(value: Any) -> bool:
        if type(value) is not str or not value:
            return False
        strings.append(value)
        return True

    def optional_text(value: Any) -> bool:
        return value is None or (type(value) is str and (strings.append(value) or True))

    def number(value: Any) -> bool:
        return type(value) in (int, float) and value == value and value not in (float("inf"), float("-inf"))

    def offsets(item: dict) -> bool:
        start, end = item.get("start"), item.get("end")
        if start is None and end is None:
            return "start" not in item and "end" not in item
        return (type(start) is int and type(end) is int and 0 <= start <= end
                and (text_length is None or end <= text_length))

    def plain(item: Any, kind: str) -> bool:
        if type(item) is not dict or not item.keys() <= _KEYS[kind]:
            return False
        score = item.get("score", 0)
        if "score" in item and not (number(score) and 0 <= score <= 1):
            return False
        return all(item[key] in allowed for key, allowed in _ENUMS.items() if key in item) and offsets(item)

    def span(value: Any) -> bool:
        if type(value) is str:
            return text(value)
        return type(value) is dict and value.keys() <= _KEYS["span"] and text(value.get("text")) and offsets(value)

    def value_ok(value: Any) -> bool:
        if value is None or number(value):
            return True
        if type(value) is dict:
            value = value.get("pair") if value.keys() == {"pair"} else None
        return type(value) is list and len(value) == 2 and all(number(v) for v in value)

    def item_ok(kind: str, item: Any) -> bool:
        if not plain(item, kind):
            return False
        if kind == "entities":
            return text(item.get("text")) and text(item.get("type")) and optional_text(item.get("canonical_name"))
        if kind == "quotes":
            return (text(item.get("text")) and all(span(item[key]) for key in ("speaker", "cue") if key in item))
        if kind == "figures":
            return (text(item.get("text")) and value_ok(item.get("value"))
                    and all(optional_text(item.get(key)) for key in ("unit", "approximation", "measures")))
        arguments = item.get("arguments", [])
        return (text(item.get("type")) and span(item.get("trigger")) and optional_text(item.get("time"))
                and (item.get("place") is None or span(item["place"])) and type(arguments) is list
                and all(plain(a, "argument") and text(a.get("role")) and text(a.get("text")) for a in arguments))

    if type(raw) is not dict or not raw.keys() <= _KEYS["record"]:
        return False
    doc_id = raw.get("doc_id")
    if type(doc_id) is not str or not is_safe_name(doc_id) or not optional_text(raw.get("adapter")):
        return False
    if "$schema" in raw and type(raw["$schema"]) is not str:
        return False
    for kind in CATEGORIES:
        items = raw.get(kind, [])
        if type(items) is not list or not all(item_ok(kind, item) for item in items):
            return False
    if count_items(raw) > Limits.max_items:
        return False
    try:
        "".join(strings).encode("utf-8")  # a lone surrogate cannot be written: the full check names it
    except UnicodeEncodeError:
        return False
    return True


def count_items(raw: dict) -> int:
    """Items in a predictions record: every entity, quote, figure, event and event argument."""
    count = 0
    for key in CATEGORIES:
        items = raw.get(key)
        if isinstance(items, list):
            count += len(items)
            if key == "events":
                count += sum(len(v["arguments"]) for v in items
                             if isinstance(v, dict) and isinstance(v.get("arguments"), list))
    return count


def _item_limit_problem(raw: dict, file: str) -> Problem | None:
    from .files import Limits

    items = count_items(raw)
    if items <= Limits.max_items:
        return None
    return Problem(file, "", f"{items:,} items is over the limit of {Limits.max_items:,} per document.",
                   value=items, fix="Split the predictions, or raise [tool.harness.limits] max_items.")


def parse_predictions(raw: Any, file: str, *, text_length: int | None = None) -> Predictions:
    """Check ``raw`` against the predictions schema and build ``Predictions``; raise on problems."""
    problems = prediction_problems(raw, file, text_length=text_length)
    if problems:
        raise ValidationFailed(problems)
    return predictions_from_dict(raw)


def load_predictions(path: str | os.PathLike) -> dict[str, Predictions]:
    """Read predictions from a JSON or JSONL file, or a folder of them, keyed by doc id.

    Raises ``ValidationFailed`` listing every bad record (with file, line and pointer).
    """
    from pathlib import Path

    from .errors import InputError
    from .files import read_records

    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".json", ".jsonl", ".ndjson") and p.is_file())
        if not files:
            raise InputError(f"{path}: no .json or .jsonl prediction files in this folder.")
    else:
        files = [path]
    result: dict[str, Predictions] = {}
    problems: list[Problem] = []
    for file in files:
        for location, raw in read_records(file):
            found = prediction_problems(raw, location)
            if found:
                problems += found
                continue
            record = predictions_from_dict(raw)
            if record.doc_id in result:
                problems.append(Problem(location, "/doc_id", f"second record for document {record.doc_id!r}.",
                                        value=record.doc_id, fix="Keep one record per document."))
                continue
            result[record.doc_id] = record
    if problems:
        raise ValidationFailed(problems)
    return result


def from_gold(annotations: Annotations, *, adapter: str | None = "oracle") -> Predictions:
    """The gold of one document written as predictions, with offsets: the perfect extractor."""
    entities_by_id = annotations.entities_by_id
    document = annotations.document
    # boilerplate mentions are in the gold to name leakage; a perfect extractor skips them
    entities = tuple(
        PredictedEntity(m.text, e.type, m.start, m.end, m.form, e.canonical_name)
        for e in annotations.entities
        for m in e.mentions
        if not document.in_boilerplate(m.start, m.end)
    )
    quotes = []
    for q in annotations.quotes:
        speaker = None
        if q.speaker_mention is not None:
            speaker = TextSpan(q.speaker_mention.text, q.speaker_mention.start, q.speaker_mention.end)
        elif q.speaker_entity is not None:
            speaker = TextSpan(entities_by_id[q.speaker_entity].canonical_name)
        elif q.speaker_description:
            speaker = TextSpan(q.speaker_description)
        cue = TextSpan(q.cue.text, q.cue.start, q.cue.end) if q.cue else None
        quotes.append(PredictedQuote(q.content.text, q.content.start, q.content.end, q.kind, speaker, cue))
    figures = tuple(
        PredictedFigure(f.span.text, f.span.start, f.span.end, f.value, f.unit, f.approximation,
                        f.measures or None, has_value=True)
        for f in annotations.figures
    )
    events = []
    for v in annotations.events:
        arguments = []
        for a in v.arguments:
            if a.span is not None:
                arguments.append(PredictedArgument(a.role, a.span.text, a.span.start, a.span.end))
            elif a.entity is not None:
                arguments.append(PredictedArgument(a.role, entities_by_id[a.entity].canonical_name))
        place = TextSpan(entities_by_id[v.place].canonical_name) if v.place else None
        events.append(PredictedEvent(v.type, TextSpan(v.trigger.text, v.trigger.start, v.trigger.end),
                                     tuple(arguments), v.time, place, v.modality))
    return Predictions(annotations.document.id, entities, tuple(quotes), figures, tuple(events), adapter=adapter)


def corpus_predictions(corpus: Iterable[Annotations]) -> dict[str, Predictions]:
    """Oracle predictions for every document of a corpus."""
    return {a.document.id: from_gold(a) for a in corpus}
