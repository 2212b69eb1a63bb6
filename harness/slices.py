"""Slices: the corpus split by a metadata field, and every score per part.

A slice field is a metadata field of the gold (``domain``,
``publisher_style``, ``language``, ... and any further field some document
sets) or a built-in one computed from the document:

* ``boilerplate_share``: ``low`` when less than ``BOILERPLATE_HIGH`` (15%) of
  the text's characters lie in boilerplate regions, else ``high``.
* ``length``: words of the text (split on whitespace): ``short`` below 400,
  ``medium`` below 800, ``long`` from 800.

Every document falls in exactly one value of a field (``(none)`` when it
does not set the field, or has no regions for ``boilerplate_share``), so
the slices of a field partition the corpus. Scores merge by addition, so a
slice's result is the corpus result restricted to its documents: the same
numbers as scoring those documents alone.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .errors import ConfigError, UsageError, did_you_mean

BOILERPLATE_HIGH = 0.15  # share of characters in boilerplate regions from which a page counts as high
LENGTH_BINS: tuple[tuple[int | None, str], ...] = ((400, "short"), (800, "medium"), (None, "long"))
MISSING = "(none)"

BUILT_IN: dict[str, str] = {
    "boilerplate_share": f"share of characters in boilerplate regions: low below {BOILERPLATE_HIGH:.0%}, "
                         "high from it",
    "length": "words in the text: short below 400, medium below 800, long from 800",
}


def boilerplate_share(document: Any) -> float | None:
    """The share of ``document``'s characters in boilerplate regions (None: the page was not divided)."""
    if not document.regions or not document.text:
        return None
    inside = sum(r.end - r.start for r in document.regions if r.kind == "boilerplate")
    return inside / len(document.text)


def _length_bin(words: int) -> str:
    for limit, name in LENGTH_BINS:
        if limit is None or words < limit:
            return name
    raise AssertionError("the last length bin has no limit")


def _metadata(document: Any) -> dict[str, Any]:
    """The document's metadata fields that hold one value (a string, number or flag), further fields too."""
    metadata = document.metadata
    fields = {f.name: getattr(metadata, f.name) for f in dataclasses.fields(metadata) if f.name != "extra"}
    fields.update(getattr(metadata, "extra", ()))
    return {k: v for k, v in fields.items() if isinstance(v, (str, int, float, bool))}


def slice_value(document: Any, field: str) -> str:
    """The value of slice field ``field`` for ``document``, as a string (``(none)`` when unset)."""
    if field == "boilerplate_share":
        share = boilerplate_share(document)
        return MISSING if share is None else ("high" if share >= BOILERPLATE_HIGH else "low")
    if field == "length":
        return _length_bin(len(document.text.split()))
    value = _metadata(document).get(field)
    if value is None or value == "":
        return MISSING
    return str(value).lower() if isinstance(value, bool) else str(value)


def available_fields(corpus: Iterable[Any]) -> tuple[str, ...]:
    """The slice fields of ``corpus``: the built-ins, the metadata fields the model names (set or
    not, so ``domain`` is always a field) and every further field some document sets."""
    from .model import Metadata

    named = [f.name for f in dataclasses.fields(Metadata) if f.name not in ("extra", "notes")]  # notes: a list
    found: set[str] = set()
    for annotations in corpus:
        found |= {k for k, v in getattr(annotations.document.metadata, "extra", ()) if v not in (None, "")}
    return (*BUILT_IN, *named, *sorted(found - set(named) - set(BUILT_IN)))


def parse_fields(values: Iterable[Any], where: str) -> tuple[str, ...]:
    """Field names from repeated or comma-separated values, each once, in the order given."""
    fields: list[str] = []
    for value in values:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: slice field {value!r} must be a string, such as \"domain\".")
        for name in (part.strip() for part in value.split(",")):
            if name and name not in fields:
                fields.append(name)
    return tuple(fields)


def configured_fields(config: Any) -> tuple[str, ...]:
    """``[tool.harness] slice_by`` as field names (empty when unset)."""
    value = config.sections.get("slice_by", [])
    where = f"{config.path or 'pyproject.toml'}: [tool.harness] slice_by"
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(f"{where} = {value!r} must be a list of field names, such as [\"domain\", \"length\"].")
    return parse_fields(value, where)


def check_fields(fields: Iterable[str], corpus: Iterable[Any], where: str = "--slice-by") -> None:
    """Raise ``UsageError`` for a field the corpus cannot be sliced by, listing the ones it can."""
    valid = available_fields(corpus)
    unknown = [f for f in fields if f not in valid]
    if unknown:
        raise UsageError(f"{where}: unknown slice field {unknown[0]!r}.{did_you_mean(unknown[0], valid)} Fields "
                         f"of this gold: {', '.join(valid)}. Give one of those, or set the field in the documents' "
                         "metadata.")


@dataclass(frozen=True)
class Slice:
    """The documents that share one value of a slice field."""

    field: str
    value: str
    doc_ids: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc_ids", tuple(self.doc_ids))


def partition(corpus: Iterable[Any], field: str) -> tuple[Slice, ...]:
    """The slices of ``field``, by value (sorted); together they hold each document once."""
    groups: dict[str, list[str]] = {}
    for annotations in corpus:
        document = annotations.document
        groups.setdefault(slice_value(document, field), []).append(document.id)
    return tuple(Slice(field, value, tuple(ids)) for value, ids in sorted(groups.items()))


def restrict(result: Any, doc_ids: Iterable[str]) -> Any:
    """``result`` (an ``EvaluationResult``) over the documents ``doc_ids`` only."""
    wanted = set(doc_ids)
    return dataclasses.replace(
        result,
        documents={d: outcome for d, outcome in result.documents.items() if d in wanted},
        faults=tuple(f for f in result.faults if f.doc_id in wanted),
        unknown_documents=(),
    )


def slice_definitions(corpus: Any, fields: Iterable[str]) -> dict[str, dict]:
    """The ``slices`` of report.json: per field, what it is and which documents each value holds."""
    return {field: {"definition": BUILT_IN.get(field, f"metadata field {field}"),
                    "values": {s.value: list(s.doc_ids) for s in partition(corpus, field)}}
            for field in fields}


def slice_scores(result: Any, definitions: Mapping[str, Mapping[str, Any]]) -> dict[str, dict]:
    """An adapter's scores per slice: ``{field: {value: {"documents": n, "scores": ...}}}``."""
    from .report.json_report import scores_of

    if result is None:
        return {}
    return {field: {value: {"documents": len(doc_ids), "scores": scores_of(restrict(result, doc_ids))}
                    for value, doc_ids in entry["values"].items()}
            for field, entry in definitions.items()}
