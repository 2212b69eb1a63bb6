"""Semantic checks of a gold annotation file, beyond what its JSON Schema can say.

Each check returns ``Problem``s with the JSON pointer of the bad value, the
value itself and the fix, so an annotator can correct every mistake in one
pass. The checks assume the file has passed the schema.
"""

from __future__ import annotations

from typing import Iterator

from .errors import Problem, pointer, short
from .model import CATEGORIES, sha256_text
from .ontology import EVENT_TYPES


def semantic_problems(raw: dict, text: str, file: str, *, text_file: str = "") -> list[Problem]:
    """Every semantic problem in the validated annotation dict ``raw`` for ``text``."""
    problems: list[Problem] = []
    problems += _sha_problems(raw, text, file, text_file)
    problems += list(_span_problems(raw, text, file))
    problems += _id_problems(raw, file)
    problems += _region_problems(raw, text, file)
    problems += _ontology_problems(raw, file)
    problems += _layer_problems(raw, file)
    return problems


def _layer_problems(raw: dict, file: str) -> list[Problem]:
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
    for i, entity in enumerate(raw.get("entities", ())):
        for j, mention in enumerate(entity.get("mentions", ())):
            yield pointer("entities", i, "mentions", j), mention
    for i, quote in enumerate(raw.get("quotes", ())):
        for key in ("content", "speaker_mention", "cue"):
            if quote.get(key) is not None:
                yield pointer("quotes", i, key), quote[key]
    for i, figure in enumerate(raw.get("figures", ())):
        yield pointer("figures", i, "span"), figure["span"]
    for i, event in enumerate(raw.get("events", ())):
        yield pointer("events", i, "trigger"), event["trigger"]
        for j, argument in enumerate(event.get("arguments", ())):
            if argument.get("span") is not None:
                yield pointer("events", i, "arguments", j, "span"), argument["span"]


def _span_problems(raw: dict, text: str, file: str) -> Iterator[Problem]:
    length = len(text)
    for where, span in iter_spans(raw):
        start, end = span["start"], span["end"]
        if end < start:
            yield Problem(file, where, f"end {end} is before start {start}.", value=[start, end],
                          fix="Swap or correct the offsets.")
            continue
        if end > length:
            yield Problem(file, where, f"offsets [{start}, {end}) run past the end of the text ({length} characters).",
                          value=[start, end], fix="Offsets count characters of the text file; correct them.")
            continue
        if start == end:
            yield Problem(file, where, f"empty span at offset {start}.", value=[start, end],
                          fix="A span must cover at least one character.")
            continue
        actual = text[start:end]
        if actual != span["text"]:
            found = text.find(span["text"])
            hint = f" That text occurs at offset {found}." if found >= 0 and span["text"] else ""
            yield Problem(
                file, where + "/text",
                f"span text {short(span['text'])} differs from the document text at [{start}, {end}): {short(actual)}.{hint}",
                value=span["text"],
                fix="Correct start/end so they select the text, or correct the text.",
            )
    for i, region in enumerate(raw.get("regions", ())):
        start, end = region["start"], region["end"]
        where = pointer("regions", i)
        if end <= start or end > length:
            yield Problem(file, where, f"region [{start}, {end}) is empty or outside the text ({length} characters).",
                          value=[start, end], fix="Give the region offsets inside the text with start < end.")


def _id_problems(raw: dict, file: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for category in ("entities", "quotes", "figures", "events"):
        for i, item in enumerate(raw.get(category, ())):
            item_id = item["id"]
            where = pointer(category, i, "id")
            if item_id in seen:
                problems.append(Problem(file, where, f"duplicate id {item_id!r}; first used at {seen[item_id]}.",
                                        value=item_id, fix="Give every item a unique id."))
            else:
                seen[item_id] = where
    entity_ids = {e["id"] for e in raw.get("entities", ())}

    def check(ref: object, where: str, what: str) -> None:
        if ref is not None and ref not in entity_ids:
            problems.append(Problem(file, where, f"{what} {ref!r} is not the id of any entity.", value=ref,
                                    fix="Use the id of an entity in /entities, or add the entity."))

    for i, quote in enumerate(raw.get("quotes", ())):
        check(quote.get("speaker_entity"), pointer("quotes", i, "speaker_entity"), "speaker_entity")
        check(quote.get("addressee"), pointer("quotes", i, "addressee"), "addressee")
        if quote.get("speaker_entity") is None and not quote.get("speaker_description"):
            problems.append(Problem(file, pointer("quotes", i), "quote has neither speaker_entity nor speaker_description.",
                                    value=quote.get("id"), fix="Name the speaker's entity, or describe the speaker in words."))
    for i, event in enumerate(raw.get("events", ())):
        check(event.get("place"), pointer("events", i, "place"), "place")
        for j, argument in enumerate(event.get("arguments", ())):
            check(argument.get("entity"), pointer("events", i, "arguments", j, "entity"), "argument entity")
    return problems


def _region_problems(raw: dict, text: str, file: str) -> list[Problem]:
    if "regions" not in raw:
        return []  # an undivided page (imported gold): nothing to cover
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
    for i, event in enumerate(raw.get("events", ())):
        event_type = EVENT_TYPES.get(event["type"])
        if event_type is None:
            problems.append(Problem(file, pointer("events", i, "type"), f"event type {event['type']!r} is not in the ontology.",
                                    value=event["type"], fix=f"Use one of: {', '.join(sorted(EVENT_TYPES))}."))
            continue
        for j, argument in enumerate(event.get("arguments", ())):
            if argument["role"] not in event_type.roles:
                problems.append(Problem(
                    file, pointer("events", i, "arguments", j, "role"),
                    f"role {argument['role']!r} is not a role of {event_type.name}.",
                    value=argument["role"], fix=f"Use one of: {', '.join(event_type.roles)}.",
                ))
    return problems
