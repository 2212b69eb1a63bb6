"""Semantic checks of a gold annotation file, beyond what its JSON Schema can say.

Each check returns ``Problem``s with the JSON pointer of the bad value, the
value itself and the fix, so an annotator can correct every mistake in one
pass. The checks assume the file has passed the schema; for a file that has
not, ``well_typed_part`` sets aside what the schema rejected, so the rest is
still checked in the same pass.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .errors import Problem, did_you_mean, pointer, pointer_parts, short
from .model import CATEGORIES, sha256_text
from .ontology import EVENT_TYPES


@dataclass(frozen=True)
class Rejected:
    """A list item the schema rejected, kept in its place (so later indices stay right) and skipped by the checks."""

    original: Any


# per list (named by its key), the fields of an item that the semantic checks read: a schema error in any
# other field (an entity's type, a figure's value) leaves the item to be checked
_READ = {
    "entities": {"id", "mentions"},
    "mentions": {"start", "end", "text"},
    "quotes": {"id", "content", "speaker_mention", "cue", "speaker_entity", "addressee", "speaker_description"},
    "figures": {"id", "span"},
    "events": {"id", "type", "trigger", "arguments", "place"},
    "arguments": {"role", "span", "entity"},
    "regions": {"start", "end", "kind", "label"},
}
_READ_TOP = {"doc_id", "text_sha256", "layers", "entities", "quotes", "figures", "events", "regions"}


def well_typed_part(raw: dict, rejected: Iterable[tuple[str, str]]) -> dict | None:
    """A copy of ``raw`` without what the schema rejected, for the semantic checks; None when nothing can be checked.

    ``rejected`` holds (JSON pointer, schema keyword) of each schema error. A
    list item with an error in a field the checks read becomes a
    ``Rejected``; a top-level entry the checks read with a wrong type is
    dropped. Without a usable doc_id there is no text to check against.
    """
    part = copy.deepcopy(raw)
    for where, keyword in rejected:
        if keyword == "additionalProperties":
            continue  # an unknown property hides nothing the checks read
        parts = pointer_parts(where)
        node: Any = part
        last = None  # (list, index, name of the list, the field after the index) of the deepest list item passed
        name = ""
        for position, segment in enumerate(parts):
            if isinstance(node, list) and segment.isdigit() and int(segment) < len(node):
                field = parts[position + 1] if position + 1 < len(parts) else None
                last = (node, int(segment), name, field)
                node = node[int(segment)]
            elif isinstance(node, dict) and segment in node:
                name, node = segment, node[segment]
            else:
                break
        if last is None:
            if parts and parts[0] in _READ_TOP and isinstance(part, dict):
                part.pop(parts[0], None)
            continue
        container, index, list_name, field = last
        if isinstance(container[index], Rejected):
            continue
        if field is None or keyword == "required" or field in _READ.get(list_name, {field}):
            container[index] = Rejected(container[index])
    doc_id = part.get("doc_id") if isinstance(part, dict) else None
    return part if isinstance(doc_id, str) and isinstance(part.get("text_sha256", ""), str) else None


def _items(container: Any, key: str) -> Iterator[tuple[int, dict]]:
    """(index, item) of the list ``container[key]``, skipping what the schema rejected."""
    items = container.get(key) if isinstance(container, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else ()):
        if isinstance(item, dict):
            yield i, item


def semantic_problems(raw: dict, text: str, file: str, *, text_file: str = "") -> list[Problem]:
    """Every semantic problem in the annotation dict ``raw`` for ``text``.

    ``raw`` has passed the schema, or is the ``well_typed_part`` of one that has not.
    """
    problems: list[Problem] = []
    problems += _sha_problems(raw, text, file, text_file)
    problems += list(_span_problems(raw, text, file))
    problems += _id_problems(raw, file)
    problems += _region_problems(raw, text, file)
    problems += _ontology_problems(raw, file)
    problems += _layer_problems(raw, file)
    return problems


def _layer_problems(raw: dict, file: str) -> list[Problem]:
    if "layers" in raw and any(isinstance(layer, Rejected) for layer in raw["layers"]):
        return []  # a layer the schema rejected may be the one meant: nothing to judge against
    layers = raw.get("layers", list(CATEGORIES))
    problems = [Problem(file, pointer("layers"), f"layer {layer!r} is listed twice.", value=layer,
                        fix="List each layer once.")
                for i, layer in enumerate(layers) if layer in layers[:i]]
    for category in CATEGORIES:
        items = raw.get(category) or ()
        if category not in layers and items:
            problems.append(Problem(
                file, pointer(category),
                f"{len(items)} {category} given, but {category!r} is not in layers {layers}.",
                value=len(items), fix=f"Add {category!r} to layers, or remove the {category}.",
            ))
    return problems


def _sha_problems(raw: dict, text: str, file: str, text_file: str) -> list[Problem]:
    if "text_sha256" not in raw:
        return []  # missing or malformed: the schema has said so
    actual = sha256_text(text)
    if raw["text_sha256"] != actual:
        return [
            Problem(
                file,
                "/text_sha256",
                f"text_sha256 does not match the text file {text_file or ''} (its sha256 is {actual}).",
                value=raw["text_sha256"],
                fix="If the text file is the right version, set text_sha256 to its sha256 and re-check every offset; otherwise restore the text file.",
            )
        ]
    return []


def iter_spans(raw: dict) -> Iterator[tuple[str, dict]]:
    """(pointer, span dict) for every span-like object in an annotation dict."""
    for path, span in _span_paths(raw):
        yield pointer(*path), span


def _span_paths(raw: dict) -> Iterator[tuple[tuple, dict]]:
    """(path parts, span dict) for every span-like object; the pointer is formatted only for a problem.

    A gold document has hundreds of spans and almost never a problem in one,
    so formatting a pointer for each was most of the checks' time.
    """
    for i, entity in _items(raw, "entities"):
        for j, mention in _items(entity, "mentions"):
            yield ("entities", i, "mentions", j), mention
    for i, quote in _items(raw, "quotes"):
        for key in ("content", "speaker_mention", "cue"):
            if quote.get(key) is not None:
                yield ("quotes", i, key), quote[key]
    for i, figure in _items(raw, "figures"):
        yield ("figures", i, "span"), figure["span"]
    for i, event in _items(raw, "events"):
        yield ("events", i, "trigger"), event["trigger"]
        for j, argument in _items(event, "arguments"):
            if argument.get("span") is not None:
                yield ("events", i, "arguments", j, "span"), argument["span"]


def _span_problems(raw: dict, text: str, file: str) -> Iterator[Problem]:
    length = len(text)
    for path, span in _span_paths(raw):
        start, end = span["start"], span["end"]
        if end < start:
            yield Problem(file, pointer(*path), f"end {end} is before start {start}.", value=[start, end],
                          fix="Swap or correct the offsets.")
            continue
        if end > length:
            yield Problem(file, pointer(*path), f"offsets [{start}, {end}) run past the end of the text ({length} characters).",
                          value=[start, end], fix="Offsets count characters of the text file; correct them.")
            continue
        if start == end:
            yield Problem(file, pointer(*path), f"empty span at offset {start}.", value=[start, end],
                          fix="A span must cover at least one character.")
            continue
        actual = text[start:end]
        if actual != span["text"]:
            found = text.find(span["text"])
            hint = f" That text occurs at offset {found}." if found >= 0 and span["text"] else ""
            yield Problem(
                file, pointer(*path) + "/text",
                f"span text {short(span['text'])} differs from the document text at [{start}, {end}): {short(actual)}.{hint}",
                value=span["text"],
                fix="Correct start/end so they select the text, or correct the text.",
            )
    for i, region in _items(raw, "regions"):
        start, end = region["start"], region["end"]
        if end <= start or end > length:
            yield Problem(file, pointer("regions", i), f"region [{start}, {end}) is empty or outside the text ({length} characters).",
                          value=[start, end], fix="Give the region offsets inside the text with start < end.")


def _id_problems(raw: dict, file: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, tuple] = {}  # id -> path parts of its first use, formatted only for a duplicate
    for category in ("entities", "quotes", "figures", "events"):
        for i, item in _items(raw, category):
            item_id = item["id"]
            if item_id in seen:
                problems.append(Problem(file, pointer(category, i, "id"),
                                        f"duplicate id {item_id!r}; first used at {pointer(*seen[item_id])}.",
                                        value=item_id, fix="Give every item a unique id."))
            else:
                seen[item_id] = (category, i, "id")
    # a rejected entity still names its id, so references to it are not reported as dangling
    entity_ids = {e["id"] for _, e in _items(raw, "entities")} | {
        e.original.get("id") for e in raw.get("entities") or () if isinstance(e, Rejected)
        and isinstance(e.original, dict) and isinstance(e.original.get("id"), str)}

    def check(ref: object, path: tuple, what: str) -> None:
        if ref is not None and ref not in entity_ids:
            problems.append(Problem(file, pointer(*path), f"{what} {ref!r} is not the id of any entity.", value=ref,
                                    fix="Use the id of an entity in /entities, or add the entity."))

    for i, quote in _items(raw, "quotes"):
        check(quote.get("speaker_entity"), ("quotes", i, "speaker_entity"), "speaker_entity")
        check(quote.get("addressee"), ("quotes", i, "addressee"), "addressee")
        if quote.get("speaker_entity") is None and not quote.get("speaker_description"):
            problems.append(Problem(file, pointer("quotes", i), "quote has neither speaker_entity nor speaker_description.",
                                    value=quote.get("id"), fix="Name the speaker's entity, or describe the speaker in words."))
    for i, event in _items(raw, "events"):
        check(event.get("place"), ("events", i, "place"), "place")
        for j, argument in _items(event, "arguments"):
            check(argument.get("entity"), ("events", i, "arguments", j, "entity"), "argument entity")
    return problems


def _region_problems(raw: dict, text: str, file: str) -> list[Problem]:
    if "regions" not in raw:
        return []  # an undivided page (imported gold), or regions the schema rejected: nothing to cover
    if any(isinstance(region, Rejected) for region in raw["regions"]):
        return []  # coverage cannot be judged without every region; the schema problem says which
    problems: list[Problem] = []
    indexed = sorted(enumerate(raw.get("regions", ())), key=lambda pair: (pair[1]["start"], pair[1]["end"]))
    covered_to = 0
    previous = None
    for i, region in indexed:
        start, end = region["start"], region["end"]
        if previous is not None and start < previous[1]["end"]:
            problems.append(Problem(
                file, pointer("regions", i),
                f"region [{start}, {end}) overlaps region {pointer('regions', previous[0])} "
                f"[{previous[1]['start']}, {previous[1]['end']}).",
                value=[start, end], fix="Regions must not overlap: move one boundary.",
            ))
        gap = text[covered_to:start] if start > covered_to else ""
        if gap.strip():
            offset = covered_to + (len(gap) - len(gap.lstrip()))
            problems.append(Problem(
                file, "/regions",
                f"text at offset {offset} is in no region: {short(gap.strip(), 60)}.",
                value=offset, fix="Add a region for it (body, heading or boilerplate) or extend a neighbour.",
            ))
        covered_to = max(covered_to, min(end, len(text)))
        previous = (i, region)
        if region["kind"] == "boilerplate" and not region.get("label"):
            problems.append(Problem(file, pointer("regions", i, "label"), "boilerplate region has no label.",
                                    value=None, fix="Label it: related-article, comments, correction-notice, ..."))
    tail = text[covered_to:]
    if tail.strip():
        offset = covered_to + (len(tail) - len(tail.lstrip()))
        problems.append(Problem(file, "/regions", f"text at offset {offset} is in no region: {short(tail.strip(), 60)}.",
                                value=offset, fix="Add a region covering the end of the text."))
    return problems


def _ontology_problems(raw: dict, file: str) -> list[Problem]:
    problems: list[Problem] = []
    for i, event in _items(raw, "events"):
        event_type = EVENT_TYPES.get(event["type"])
        if event_type is None:
            problems.append(Problem(file, pointer("events", i, "type"),
                                    f"event type {event['type']!r} is not in the ontology."
                                    f"{did_you_mean(event['type'], EVENT_TYPES)}",
                                    value=event["type"], fix=f"Use one of: {', '.join(sorted(EVENT_TYPES))}."))
            continue
        for j, argument in _items(event, "arguments"):
            if argument["role"] not in event_type.roles:
                problems.append(Problem(
                    file, pointer("events", i, "arguments", j, "role"),
                    f"role {argument['role']!r} is not a role of {event_type.name}."
                    f"{did_you_mean(argument['role'], event_type.roles)}",
                    value=argument["role"], fix=f"Use one of: {', '.join(event_type.roles)}.",
                ))
    return problems
