"""Checks every document of the gold folder meets gold/GUIDELINES.md.

Each test runs once per annotation file found in gold/annotations/, so a new
article is checked the moment it is added; nothing here names a document.
Document-specific checks (the seed's worked examples) are in test_seed_gold.py.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import date

import pytest

from harness.ontology import ENTITY_TYPES, EVENT_TYPES

from .corpus import GOLD, ISO_VALUE, REPO, GoldFile, all_spans, annotation_paths, read_gold_file, region_kind

LAYERS = ("entities", "quotes", "figures", "events")
METADATA_FIELDS = ("domain", "publisher_style", "language", "published")
OPENING_MARKS = "\"'\u2018\u201c"
CLOSING_MARKS = "\"'\u2019\u201d"


@pytest.fixture(scope="module", params=annotation_paths(), ids=lambda path: path.stem)
def gold_file(request) -> GoldFile:
    return read_gold_file(request.param)


@pytest.fixture
def gold(gold_file: GoldFile) -> dict:
    return gold_file.gold


@pytest.fixture
def text(gold_file: GoldFile) -> str:
    return gold_file.text


@pytest.fixture
def regions(gold_file: GoldFile) -> list[dict]:
    return gold_file.regions


# ------------------------------------------------------------------ the folder


def test_every_text_has_an_annotation_and_every_annotation_a_text() -> None:
    texts = {p.stem for p in (GOLD / "documents").glob("*.txt")}
    annotations = {p.stem for p in annotation_paths()}
    assert texts == annotations


def test_each_document_has_its_own_domain_and_house_style() -> None:
    metadata = [read_gold_file(path).gold["metadata"] for path in annotation_paths()]
    for field in ("domain", "publisher_style"):
        values = [m.get(field) for m in metadata]
        assert len(values) == len(set(values)), f"two documents share a {field}: {values}"


def test_harness_validate_accepts_the_gold_folder() -> None:
    done = subprocess.run(["harness", "validate", str(GOLD)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(annotation_paths())} document(s) valid" in done.stdout


# ------------------------------------------------------------------ text and header


def test_text_matches_its_recorded_hash(gold_file: GoldFile) -> None:
    assert gold_file.gold["text_sha256"] == hashlib.sha256(gold_file.raw_bytes).hexdigest()
    assert gold_file.gold["doc_id"] == gold_file.doc_id


def test_text_is_stored_as_extracted(gold_file: GoldFile) -> None:
    assert not gold_file.raw_bytes.endswith(b"\n") and b"\r" not in gold_file.raw_bytes


def test_metadata_has_the_slicing_fields(gold: dict) -> None:
    metadata = gold["metadata"]
    for field in METADATA_FIELDS:
        assert isinstance(metadata.get(field), str) and metadata[field].strip(), field
    date.fromisoformat(metadata["published"][:10])


def test_every_layer_is_annotated(gold: dict) -> None:
    assert [layer for layer in LAYERS if not gold[layer]] == []


def test_page_has_body_and_boilerplate(regions: list[dict]) -> None:
    kinds = {region["kind"] for region in regions}
    assert {"body", "boilerplate"} <= kinds


# ------------------------------------------------------------------ spans, regions, entities, quotes, figures, events


def test_file_matches_the_schema(gold: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "schemas" / "gold.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(gold)


def test_every_span_text_matches_the_document(gold: dict, text: str) -> None:
    bad = [(where, span) for where, span in all_spans(gold)
           if not (0 <= span["start"] < span["end"] <= len(text)) or text[span["start"]:span["end"]] != span["text"]]
    assert bad == []


def test_spans_do_not_start_or_end_with_whitespace(gold: dict) -> None:
    bad = [(where, span["text"]) for where, span in all_spans(gold) if span["text"] != span["text"].strip()]
    assert bad == []


def test_ids_are_unique_and_references_resolve(gold: dict) -> None:
    ids = [item["id"] for key in ("entities", "quotes", "figures", "events") for item in gold[key]]
    assert len(ids) == len(set(ids))
    entity_ids = {e["id"] for e in gold["entities"]}
    refs = []
    for quote in gold["quotes"]:
        refs += [quote.get("speaker_entity"), quote.get("addressee")]
    for event in gold["events"]:
        refs.append(event.get("place"))
        refs += [a.get("entity") for a in event.get("arguments", [])]
    assert {r for r in refs if r is not None} <= entity_ids


def test_mentions_are_in_text_order(gold: dict) -> None:
    for entity in gold["entities"]:
        starts = [(m["start"], m["end"]) for m in entity["mentions"]]
        assert starts == sorted(starts), entity["id"]
        assert len(starts) == len(set(starts)), f"{entity['id']} has a mention twice"


def test_regions_do_not_overlap_and_cover_every_visible_character(regions: list[dict], text: str) -> None:
    covered = [False] * len(text)
    for before, after in zip(regions, regions[1:]):
        assert before["end"] <= after["start"], (before, after)
    for region in regions:
        assert 0 <= region["start"] < region["end"] <= len(text)
        for i in range(region["start"], region["end"]):
            covered[i] = True
    uncovered = [i for i, c in enumerate(text) if not c.isspace() and not covered[i]]
    assert uncovered == []


def test_regions_start_and_end_on_visible_characters(regions: list[dict], text: str) -> None:
    for region in regions:
        assert not text[region["start"]].isspace() and not text[region["end"] - 1].isspace(), region


def test_boilerplate_regions_are_labelled(regions: list[dict]) -> None:
    for region in regions:
        if region["kind"] == "boilerplate":
            assert region.get("label"), region
        else:
            assert not region.get("label"), region


def test_entity_types_are_ontonotes_types(gold: dict) -> None:
    assert {e["type"] for e in gold["entities"]} <= set(ENTITY_TYPES)


def test_every_date_and_time_mention_has_an_iso_value(gold: dict) -> None:
    for entity in gold["entities"]:
        if entity["type"] in ("DATE", "TIME"):
            assert entity.get("value") and ISO_VALUE.match(entity["value"]), entity["id"]
            for mention in entity["mentions"]:
                assert mention.get("value") and ISO_VALUE.match(mention["value"]), (entity["id"], mention["text"])
        else:
            assert entity.get("value") is None
            assert all(m.get("value") is None for m in entity["mentions"]), entity["id"]


def test_every_mention_lies_inside_one_region(gold: dict, regions: list[dict]) -> None:
    for entity in gold["entities"]:
        for mention in entity["mentions"]:
            assert region_kind(regions, mention["start"], mention["end"]) is not None, mention


def test_entities_used_by_quotes_and_events_are_mentioned_in_the_body(gold: dict, regions: list[dict]) -> None:
    body = {e["id"] for e in gold["entities"]
            if any(region_kind(regions, m["start"], m["end"]) == "body" for m in e["mentions"])}
    used = set()
    for quote in gold["quotes"]:
        used |= {quote.get("speaker_entity"), quote.get("addressee")}
    for event in gold["events"]:
        used.add(event.get("place"))
        used |= {a.get("entity") for a in event.get("arguments", [])}
    used.discard(None)
    assert used <= body, used - body


def test_every_quote_has_a_speaker(gold: dict) -> None:
    entity_ids = {e["id"] for e in gold["entities"]}
    for quote in gold["quotes"]:
        assert quote.get("speaker_entity") in entity_ids or quote.get("speaker_description"), quote["id"]


def test_speaker_mentions_are_mentions_of_the_speaker(gold: dict) -> None:
    mentions = {e["id"]: {(m["start"], m["end"]) for m in e["mentions"]} for e in gold["entities"]}
    for quote in gold["quotes"]:
        if quote.get("speaker_entity") and quote.get("speaker_mention"):
            span = quote["speaker_mention"]
            assert (span["start"], span["end"]) in mentions[quote["speaker_entity"]], quote["id"]


def test_heading_quotes_are_not_quotes(gold: dict, regions: list[dict]) -> None:
    for quote in gold["quotes"]:
        assert region_kind(regions, quote["content"]["start"], quote["content"]["end"]) == "body", quote["id"]


def test_partial_quotes_lie_inside_their_indirect_quote(gold: dict) -> None:
    indirect = [q for q in gold["quotes"] if q["kind"] == "indirect"]
    for quote in gold["quotes"]:
        if quote["kind"] != "partial":
            continue
        holders = [q for q in indirect if q["content"]["start"] <= quote["content"]["start"]
                   and quote["content"]["end"] <= q["content"]["end"]]
        assert len(holders) == 1, quote["id"]
        assert holders[0]["speaker_entity"] == quote["speaker_entity"]


def test_no_figure_lies_outside_the_body(gold: dict, regions: list[dict]) -> None:
    for figure in gold["figures"]:
        assert region_kind(regions, figure["span"]["start"], figure["span"]["end"]) == "body", figure["id"]


def test_figure_values_are_well_formed(gold: dict) -> None:
    for figure in gold["figures"]:
        value = figure["value"]
        if value is None or isinstance(value, list):
            assert figure.get("value_reason"), figure["id"]
        if isinstance(value, list):
            assert value[0] < value[1], figure["id"]
        assert figure["measures"].strip()


def test_event_types_and_roles_are_in_the_ontology(gold: dict) -> None:
    for event in gold["events"]:
        assert event["type"] in EVENT_TYPES, event["id"]
        roles = EVENT_TYPES[event["type"]].roles
        for argument in event.get("arguments", []):
            assert argument["role"] in roles, (event["id"], argument["role"])
            assert argument.get("entity") or argument.get("span"), event["id"]


def test_no_event_lies_outside_the_body(gold: dict, regions: list[dict]) -> None:
    for event in gold["events"]:
        assert region_kind(regions, event["trigger"]["start"], event["trigger"]["end"]) == "body", event["id"]


def test_event_times_are_iso(gold: dict) -> None:
    for event in gold["events"]:
        if event.get("time") is not None:
            assert ISO_VALUE.match(event["time"]), (event["id"], event["time"])


def test_wikidata_ids_are_not_shared(gold: dict) -> None:
    wikidata = [e["wikidata"] for e in gold["entities"] if e.get("wikidata")]
    assert len(wikidata) == len(set(wikidata)), "two entities share a Wikidata id"


def test_direct_and_partial_quotes_sit_between_quotation_marks(gold: dict, text: str) -> None:
    for quote in gold["quotes"]:
        content = quote["content"]
        if quote["kind"] in ("direct", "partial"):
            assert text[content["start"] - 1] in OPENING_MARKS and text[content["end"]] in CLOSING_MARKS, quote["id"]


def test_quotes_sharing_a_speaker_mention_share_its_entity(gold: dict) -> None:
    """A split quote or a run of reported clauses names one speaker once; every part points at it."""
    speakers: dict[tuple[int, int], set] = {}
    for quote in gold["quotes"]:
        if quote.get("speaker_mention"):
            span = quote["speaker_mention"]
            speakers.setdefault((span["start"], span["end"]), set()).add(quote.get("speaker_entity"))
    assert all(len(found) == 1 for found in speakers.values()), speakers
