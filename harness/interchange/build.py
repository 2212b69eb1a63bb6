"""Imported documents to gold: labels mapped, every span checked against the text, mentions grouped.

Every span becomes a name mention; spans sharing a group (a brat
discontinuous entity, an equivalence set) are the mentions of one entity,
and every other span is an entity of its own, since the tools annotate
mentions, not coreference. The canonical name is the first mention's text.
An imported document is annotated for the entity layer only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem, short
from ..files import SAFE_NAME_RULE, is_safe_name
from ..model import Annotations, Document, Entity, Mention, Metadata
from .labels import LabelMap
from .source import SourceDocument, SourceSpan, count


@dataclass(frozen=True)
class Built:
    """Gold built from imported documents, the problems found and what was dropped, by reason."""

    annotations: tuple[Annotations, ...] = ()
    problems: tuple[Problem, ...] = ()
    skipped: dict = field(default_factory=dict)


def span_problem(span: SourceSpan, text: str) -> Problem | None:
    """What is wrong with ``span``'s offsets or repeated text for ``text``, or None."""
    start, end = span.start, span.end
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        return Problem(span.where, "", f"offsets {start!r}, {end!r} are not whole numbers.", value=[start, end],
                       fix="Give start and end as character offsets.")
    if not 0 <= start < end <= len(text):
        return Problem(span.where, "", f"offsets [{start}, {end}) are not a span inside the text "
                       f"({len(text)} characters).", value=[start, end],
                       fix="Offsets count characters of the document text, start < end; correct them.")
    if span.text is not None and text[start:end] != span.text:
        found = text.find(span.text) if span.text else -1
        hint = f" That text occurs at offset {found}." if found >= 0 else ""
        return Problem(span.where, "", f"span text {short(span.text)} differs from the text at [{start}, {end}): "
                       f"{short(text[start:end])}.{hint}", value=span.text,
                       fix="Correct the offsets or the span text; the document text is the reference.")
    return None


def build_document(source: SourceDocument, label_map: LabelMap,
                   skipped: dict[str, int]) -> tuple[Annotations | None, list[Problem]]:
    """The gold of one imported document, or None with the problems that stop it."""
    if not is_safe_name(source.doc_id):
        return None, [Problem(source.where, "", f"document id {source.doc_id!r} cannot name a file.",
                              value=source.doc_id, fix=f"Document ids are {SAFE_NAME_RULE}; rename the source.")]
    problems = [p for p in (span_problem(span, source.text) for span in source.spans) if p is not None]
    if problems:
        return None, problems
    groups: dict[str, list[tuple[SourceSpan, str]]] = {}
    for index, span in enumerate(sorted(source.spans, key=lambda s: (s.start, s.end))):
        entity_type = label_map.type_of(span.label, source.text[span.start:span.end])
        if entity_type is None:
            count(skipped, f"spans labelled {span.label} ({label_map.describe(span.label)})")
            continue
        groups.setdefault(span.group or f"#{index}", []).append((span, entity_type))
    entities = []
    for number, members in enumerate(groups.values(), start=1):
        types = {entity_type for _, entity_type in members}
        if len(types) > 1:
            problems.append(Problem(members[0][0].where, "", f"one entity is labelled {sorted(types)}.",
                                    value=sorted(types), fix="Give every part of an entity one label."))
            continue
        mentions = tuple(dict.fromkeys(
            Mention(s.start, s.end, source.text[s.start:s.end]) for s, _ in members))
        entities.append(Entity(f"E{number}", types.pop(), mentions[0].text, mentions))
    if problems:
        return None, problems
    document = Document(source.doc_id, source.text, Metadata(notes=source.notes))
    return Annotations(document, tuple(entities), layers=("entities",)), []


def build(documents: tuple[SourceDocument, ...], label_map: LabelMap) -> Built:
    """Gold for every imported document that has no problem; a bad one is reported, not fatal."""
    built, problems = [], []
    skipped: dict[str, int] = {}
    seen: dict[str, str] = {}
    for source in documents:
        if source.doc_id in seen:
            problems.append(Problem(source.where, "", f"document id {source.doc_id!r} is also used by {seen[source.doc_id]}.",
                                    value=source.doc_id, fix="Give each document its own id."))
            continue
        seen[source.doc_id] = source.where
        annotations, found = build_document(source, label_map, skipped)
        problems += found
        if annotations is not None:
            built.append(annotations)
    return Built(tuple(built), tuple(problems), skipped)
