"""Checks of the seed gold (the Kyiv Post / AFP article of 19 December 2022).

The annotation file is read with ``json`` alone, so these tests do not depend
on the loader; each asserts something a reader can check by eye against the
text and gold/GUIDELINES.md, never a count copied from the file.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from harness.ontology import ENTITY_TYPES, EVENT_TYPES

from .corpus import GOLD, entity_by_name, region_kind

DOC_ID = "kyivpost-2022-12-19-putin-lukashenko-minsk"
TEXT_FILE = GOLD / "documents" / f"{DOC_ID}.txt"
ANNOTATION_FILE = GOLD / "annotations" / f"{DOC_ID}.json"
PINNED_SHA256 = "83a13b87c57920c86367bd37dc6172de91ddeee09ef5a220b2132009ca2437f9"


@pytest.fixture(scope="module")
def raw_bytes() -> bytes:
    return TEXT_FILE.read_bytes()


@pytest.fixture(scope="module")
def text(raw_bytes: bytes) -> str:
    return raw_bytes.decode("utf-8")


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(ANNOTATION_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def regions(gold: dict) -> list[dict]:
    return sorted(gold["regions"], key=lambda r: r["start"])


# ------------------------------------------------------------------ text and file


def test_text_is_the_pinned_seed(raw_bytes: bytes, gold: dict) -> None:
    actual = hashlib.sha256(raw_bytes).hexdigest()
    assert actual == PINNED_SHA256
    assert gold["text_sha256"] == actual


def test_text_keeps_its_exact_form(raw_bytes: bytes, text: str) -> None:
    assert not raw_bytes.endswith(b"\n"), "the seed has no trailing newline"
    assert b"\r" not in raw_bytes
    assert "\u2019" in text and "\u2013" in text, "curly apostrophe and en dash of the promo block are kept"


def test_header(gold: dict) -> None:
    assert gold["doc_id"] == DOC_ID == ANNOTATION_FILE.stem
    meta = gold["metadata"]
    assert meta["published"] == "2022-12-19"
    assert meta["language"] == "en"
    assert meta["source"] == "AFP"
    assert meta["publisher"] == "Kyiv Post"
    assert meta["domain"] == "world"
    assert meta["publisher_style"] == "wire"


# ------------------------------------------------------------------ spans and ids


# ------------------------------------------------------------------ regions


@pytest.mark.parametrize("snippet, kind, label", [
    ("Other Topics of Interest", "boilerplate", "link-list"),
    ("Ukraine\u2019s President warns the European Council", "boilerplate", "related-article"),
    ("Nuclear Plants Under Threat \u2013 Zelensky\nOther", "boilerplate", "related-article"),
    ("To suggest a correction or clarification", "boilerplate", "correction-notice"),
    ("press Ctrl + Enter", "boilerplate", "correction-notice"),
    ("Comments (0)", "boilerplate", "comments"),
    ("Write the first comment for this!", "boilerplate", "comments"),
    ("- 'Open for dialogue' -", "heading", None),
    ("- Belarus border a 'priority' -", "heading", None),
    ("- Russian-Belarusian military drills -", "heading", None),
    ("Belarus dictator Alexander Lukashenko urged", "body", None),
    ("The drone attacks over Ukraine, which wounded three people", "body", None),
    ("southern Russia's Belgorod region.", "body", None),
])
def test_region_of(snippet: str, kind: str, label: str | None, regions: list[dict], text: str) -> None:
    start = text.index(snippet)
    # the promo title occurs twice; both copies must be boilerplate
    holders = [r for r in regions if r["start"] <= start and start + len(snippet.split("\n")[0]) <= r["end"]]
    assert len(holders) == 1, snippet
    assert holders[0]["kind"] == kind
    assert holders[0].get("label") == label


def test_every_copy_of_the_promo_title_is_boilerplate(regions: list[dict], text: str) -> None:
    title = "Russia Destroys Almost All of Ukraine\u2019s Thermal Power Generation"
    starts = [m.start() for m in re.finditer(re.escape(title), text)]
    assert len(starts) == 2
    for start in starts:
        assert region_kind(regions, start, start + len(title)) == "boilerplate"


# ------------------------------------------------------------------ entities


@pytest.mark.parametrize("context, date_text, value", [
    ("on Monday, Dec. 19, during", "Monday, Dec. 19", "2022-12-19"),
    ("via video link on Monday,", "Monday", "2022-12-19"),
    ("On Monday, Governor", "Monday", "2022-12-19"),
    ("late-night address Sunday that", "Sunday", "2022-12-18"),
    ("missile barrage last week.", "last week", "2022-W50"),
    ("since Russia invaded in late February.", "late February", "2022-02"),
    ("territory lost this summer and autumn,", "this summer and autumn", "2022-06/2022-11"),
    ("in power since 1994,", "1994", "1994"),
    ("his country on February 24.", "February 24", "2022-02-24"),
    ("In October, Belarus", "October", "2022-10"),
])
def test_dates_resolve_against_the_publication_date(context: str, date_text: str, value: str, gold: dict, text: str) -> None:
    start = text.index(context) + context.index(date_text)
    found = [m for e in gold["entities"] if e["type"] == "DATE" for m in e["mentions"]
             if m["start"] == start and m["end"] == start + len(date_text)]
    assert len(found) == 1, date_text
    assert found[0]["value"] == value


@pytest.mark.parametrize("name, canonical", [
    ("Putin", "Vladimir Putin"),
    ("Lukashenko", "Alexander Lukashenko"),
    ("Zelensky", "Volodymyr Zelensky"),
    ("Peskov", "Dmitry Peskov"),
    ("Klitschko", "Vitali Klitschko"),
    ("Gladkov", "Vyacheslav Gladkov"),
    ("Dobrovolska", "Natalia Dobrovolska"),
    ("Kyiv", "Kyiv"),
    ("Minsk", "Minsk"),
    ("Moscow", "Moscow"),
    ("Riga", "Riga"),
    ("Ukraine", "Ukraine"),
    ("Belarus", "Belarus"),
    ("Russia", "Russia"),
    ("Kremlin", "Kremlin"),
    ("NATO", "NATO"),
    ("AFP", "Agence France-Presse"),
    ("Ukrenergo", "Ukrenergo"),
])
def test_every_occurrence_of_a_name_is_a_mention_of_its_entity(name: str, canonical: str, gold: dict, text: str) -> None:
    """Whole-word occurrences, body and boilerplate alike ('Russia' in 'Russian' is a NORP, not this)."""
    entity = entity_by_name(gold, canonical)
    mentioned = {(m["start"], m["end"]) for m in entity["mentions"]}
    missing = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text)
               if not any(s <= m.start() and m.end() <= e for s, e in mentioned)]
    assert missing == [], f"{name} not annotated at {missing}"


def test_adjectival_nationalities_are_norp(gold: dict, text: str) -> None:
    norp_mentions = {(m["start"], m["end"]) for e in gold["entities"] if e["type"] == "NORP" for m in e["mentions"]}
    for word in ("Russian", "Russians", "Belarusian", "Ukrainian", "Ukrainians", "European", "Iranian"):
        for m in re.finditer(rf"\b{word}\b", text):
            if text[m.end():m.end() + len(" Council")] == " Council":
                continue  # 'European Council' is an ORG
            assert (m.start(), m.end()) in norp_mentions, (word, m.start())


def test_titles_and_articles_stay_outside_names(gold: dict) -> None:
    titles = ("President", "Mayor", "Governor", "Kremlin spokesman", "Energy operator", "dictator")
    for entity in gold["entities"]:
        for mention in entity["mentions"]:
            if mention["form"] != "name":
                continue
            assert not mention["text"].startswith(titles), mention
            assert not mention["text"].lower().startswith("the "), mention
            assert not mention["text"].endswith(("'s", "\u2019s")), mention


def test_the_person_spans_named_in_the_guidelines(gold: dict) -> None:
    texts = {m["text"] for m in entity_by_name(gold, "Volodymyr Zelensky")["mentions"]}
    assert "Volodymyr Zelensky" in texts and "President Volodymyr Zelensky" not in texts
    texts = {m["text"] for m in entity_by_name(gold, "Vitali Klitschko")["mentions"]}
    assert texts == {"Vitali Klitschko"}


@pytest.mark.parametrize("canonical, mention_text, form", [
    ("Vladimir Putin", "the Russian leader", "nominal"),
    ("Volodymyr Zelensky", "Ukraine's leader", "nominal"),
    ("Alexander Lukashenko", "his Belarusian ally", "nominal"),
    ("Alexander Lukashenko", "he", "pronoun"),
    ("Volodymyr Zelensky", "He", "pronoun"),
    ("Natalia Dobrovolska", "She", "pronoun"),
    ("Ministry of Defence of the Russian Federation", "the ministry", "nominal"),
    ("Ministry of Defence of the Russian Federation", "It", "pronoun"),
    ("Kyiv", "the capital", "nominal"),
])
def test_nominal_and_pronoun_mentions(canonical: str, mention_text: str, form: str, gold: dict) -> None:
    forms = {(m["text"], m["form"]) for m in entity_by_name(gold, canonical)["mentions"]}
    assert (mention_text, form) in forms


def test_boilerplate_only_entities(gold: dict, regions: list[dict]) -> None:
    def kinds(entity: dict) -> set[str | None]:
        return {region_kind(regions, m["start"], m["end"]) for m in entity["mentions"]}

    for name in ("European Council", "Zaporizhzhia Nuclear Power Plant"):
        assert kinds(entity_by_name(gold, name)) == {"boilerplate"}, name
    # the promo's "Zelensky" is a mention of the same Zelensky the body quotes
    assert kinds(entity_by_name(gold, "Volodymyr Zelensky")) == {"boilerplate", "body"}


def test_wikidata_ids_where_sure(gold: dict) -> None:
    assert entity_by_name(gold, "Vladimir Putin")["wikidata"] == "Q7747"
    assert entity_by_name(gold, "Russia")["wikidata"] == "Q159"
    assert entity_by_name(gold, "Ukraine")["wikidata"] == "Q212"
    assert entity_by_name(gold, "Belarus")["wikidata"] == "Q184"


# ------------------------------------------------------------------ quotes


def test_direct_and_partial_quotes_sit_exactly_inside_quotation_marks(gold: dict, text: str) -> None:
    for quote in gold["quotes"]:
        content = quote["content"]
        if quote["kind"] in ("direct", "partial"):
            assert text[content["start"] - 1] == '"' and text[content["end"]] == '"', quote["id"]
            assert '"' not in content["text"], quote["id"]


def test_every_pair_of_double_quotes_in_the_body_is_annotated(gold: dict, text: str, regions: list[dict]) -> None:
    """Each "..." in the body is a direct or partial quote, except the scare quotes around "Shaheds"."""
    contents = {(q["content"]["start"], q["content"]["end"]) for q in gold["quotes"] if q["kind"] != "indirect"}
    for m in re.finditer(r'"([^"]*)"', text):
        if m.group(1) == "Shaheds":
            assert (m.start(1), m.end(1)) not in contents
            continue
        assert region_kind(regions, m.start(), m.end()) == "body"
        assert (m.start(1), m.end(1)) in contents, m.group(1)


@pytest.mark.parametrize("content_start, speaker, cue", [
    ('"Difficult times', "Alexander Lukashenko", "told"),
    ('"The main issues', "Alexander Lukashenko", "added"),
    ('"Russia and Belarus are open', "Alexander Lukashenko", "said"),
    ('"I first heard', "Natalia Dobrovolska", "told"),
    ('"Russian aggression', "Volodymyr Zelensky", "told"),
    ('"We are preparing', "Volodymyr Zelensky", "said"),
    ('"From the morning', "Ministry of Defence of the Russian Federation", "said"),
    ('"as totally stupid', "Dmitry Peskov", "dismissed"),
    ('"damaged"', "Vitali Klitschko", "said"),
    ('"constant priority"', "Volodymyr Zelensky", "described"),
    ('"our ally in the truest', "Vladimir Putin", "praised"),
])
def test_quoted_speakers(content_start: str, speaker: str, cue: str, gold: dict, text: str) -> None:
    start = text.index(content_start) + 1
    found = [q for q in gold["quotes"] if q["kind"] != "indirect" and q["content"]["start"] == start]
    assert len(found) == 1
    assert found[0]["speaker_entity"] == entity_by_name(gold, speaker)["id"]
    assert found[0]["cue"]["text"] == cue


@pytest.mark.parametrize("content_start, speaker, speaker_text", [
    ("it shot down several US-made missiles", "Russia", "Russia"),
    ("it downed 30 of the aerial weapons", "Ukraine", "Ukraine"),
    ("some nine million people had their electricity restored", "Volodymyr Zelensky", "He"),
    ("hearing multiple explosions", "Natalia Dobrovolska", "She"),
    ("emergency electricity outages were scheduled", "Ukrenergo", "Ukrenergo"),
    ("Ukrainian strikes left around 14,000 people", "Vyacheslav Gladkov", "Vyacheslav Gladkov"),
    ("its forces were running military drills", "Russia", "Russia"),
])
def test_indirect_quotes(content_start: str, speaker: str, speaker_text: str, gold: dict, text: str) -> None:
    start = text.index(content_start)
    found = [q for q in gold["quotes"] if q["kind"] == "indirect" and q["content"]["start"] == start]
    assert len(found) == 1, content_start
    assert found[0]["speaker_entity"] == entity_by_name(gold, speaker)["id"]
    assert found[0]["speaker_mention"]["text"] == speaker_text


def test_unnamed_speakers_are_described(gold: dict, text: str) -> None:
    by_start = {q["content"]["start"]: q for q in gold["quotes"]}
    officials = by_start[text.index("Russia had dispatched 35 attack drones")]
    assert officials["speaker_entity"] is None and officials["speaker_description"]
    authorities = by_start[text.index("nine homes had been scarred")]
    assert authorities["speaker_entity"] is None and "regional authorities" in authorities["speaker_description"]


def test_a_negated_statement_is_not_a_quote(gold: dict, text: str) -> None:
    start = text.index("It did not say where")
    end = start + len("It did not say where the drills were taking place or how long they would last.")
    assert not [q for q in gold["quotes"] if start <= q["content"]["start"] < end]


# ------------------------------------------------------------------ figures


def test_figures_written_in_digits_keep_their_number(gold: dict) -> None:
    scale = {"million": 1_000_000, "thousand": 1_000}
    for figure in gold["figures"]:
        digits = re.findall(r"\d[\d,]*", figure["span"]["text"])
        if len(digits) != 1:
            continue
        number = int(digits[0].replace(",", ""))
        for word, factor in scale.items():
            if word in figure["span"]["text"]:
                number *= factor
        assert figure["value"] == number, figure["id"]


@pytest.mark.parametrize("span_text, value, approximation", [
    ("a dozen regions", 12, None),
    ("nearly a dozen regions", 12, "nearly"),
    ("nearly 10 months", 10, "nearly"),
    ("three people", 3, None),
    ("nine homes", 9, None),
    ("68-year-old", 68, None),
    ("some nine million people", 9_000_000, "some"),
    ("around 14,000 people", 14_000, "around"),
    ("an estimated population of 40 million", 40_000_000, "an estimated"),
])
def test_figure_examples_from_the_guidelines(span_text: str, value: int, approximation: str | None, gold: dict) -> None:
    found = [f for f in gold["figures"] if f["span"]["text"] == span_text]
    assert len(found) == 1, span_text
    assert found[0]["value"] == value
    assert found[0]["approximation"] == approximation


def test_vague_amounts(gold: dict) -> None:
    by_text = {f["span"]["text"]: f for f in gold["figures"]}
    several_thousand = by_text["several thousand Russian servicemen"]
    assert isinstance(several_thousand["value"], list) and several_thousand["value"][0] >= 2000
    assert by_text["multiple explosions"]["value"] is None and by_text["multiple explosions"]["value_reason"]
    assert isinstance(by_text["several US-made missiles"]["value"], list)


def test_what_is_not_a_figure(gold: dict) -> None:
    spans = " | ".join(f["span"]["text"] for f in gold["figures"])
    for not_a_figure in ("first", "1994", "February 24", "Dec. 19", "(0)", "years", "a string of", "a swarm of",
                         "a series of", "single second", "Almost All"):
        assert not_a_figure not in spans, not_a_figure


# ------------------------------------------------------------------ events


def _events_at(gold: dict, text: str, context: str, trigger: str) -> list[dict]:
    start = text.index(context) + context.index(trigger)
    return [e for e in gold["events"] if e["trigger"]["start"] == start and e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("context, trigger, event_type, modality", [
    ("during a rare visit from", "visit", "Movement.Transport", "asserted"),
    ("during a rare visit from", "visit", "Contact.Meet", "asserted"),
    ("launched his invasion of Ukraine", "invasion", "Conflict.Attack", "asserted"),
    ("Putin landed in Minsk", "landed", "Movement.Transport", "asserted"),
    ("Russian forces launched a swarm", "launched", "Conflict.Attack", "asserted"),
    ("provoked emergency blackouts", "blackouts", "Infrastructure.Outage", "asserted"),
    ("pressure Lukashenko to send troops", "send", "Military.Deploy", "hypothetical"),
    ("suffered a string of defeats", "defeats", "Conflict.Defeat", "asserted"),
    ("which wounded three people", "wounded", "Life.Injure", "asserted"),
    ("Russia said it shot down", "shot down", "Conflict.Intercept", "reported"),
    ("Ukraine said it downed", "downed", "Conflict.Intercept", "reported"),
    ("before power shut off", "shut off", "Infrastructure.Outage", "reported"),
    ("Russia had dispatched 35", "dispatched", "Conflict.Attack", "reported"),
    ('were "damaged"', "damaged", "Conflict.Damage", "reported"),
    ("nine homes had been scarred", "scarred", "Conflict.Damage", "reported"),
    ("emergency electricity outages were scheduled", "outages", "Infrastructure.Outage", "reported"),
    ("since Russia invaded", "invaded", "Conflict.Attack", "asserted"),
    ("and severed water and heat supplies", "severed", "Infrastructure.Outage", "asserted"),
    ("Speaking to the leaders of several NATO countries via video link", "Speaking", "Contact.Phone-Write", "asserted"),
    ("urged Ukraine's allies to supply", "supply", "Transaction.Transfer-Ownership", "hypothetical"),
    ("late-night address Sunday", "address", "Contact.Broadcast", "asserted"),
    ("had their electricity restored", "restored", "Infrastructure.Restore", "reported"),
    ("Hours before Putin touched down", "touched down", "Movement.Transport", "asserted"),
    ("running military drills with", "drills", "Military.Exercise", "reported"),
    ("The defense ministry released footage", "released", "Contact.Broadcast", "asserted"),
    ("announced the formation of a joint", "formation", "Business.Start-Org", "reported"),
    ("Minsk could also send troops", "send", "Military.Deploy", "hypothetical"),
    ("Ukrainian strikes left", "strikes", "Conflict.Attack", "reported"),
])
def test_events_of_the_article(context: str, trigger: str, event_type: str, modality: str, gold: dict, text: str) -> None:
    found = [e for e in _events_at(gold, text, context, trigger) if e["type"] == event_type]
    assert len(found) == 1, (trigger, event_type)
    assert found[0]["modality"] == modality


def test_speculated_troop_sending_is_not_a_fact(gold: dict) -> None:
    deploys = [e for e in gold["events"] if e["type"] == "Military.Deploy" and e["trigger"]["text"] == "send"]
    assert deploys and all(e["modality"] == "hypothetical" for e in deploys)


def test_event_times_of_dated_events(gold: dict, text: str) -> None:
    def time_of(context: str, trigger: str, event_type: str) -> str | None:
        found = [e for e in _events_at(gold, text, context, trigger) if e["type"] == event_type]
        return found[0]["time"]

    assert time_of("Putin landed in Minsk", "landed", "Movement.Transport") == "2022-12-19"
    assert time_of("late-night address Sunday", "address", "Contact.Broadcast") == "2022-12-18"
    assert time_of("troops to attack Ukraine from his country", "attack", "Conflict.Attack") == "2022-02-24"
    assert time_of("announced the formation of a joint", "formation", "Business.Start-Org") == "2022-10"


def test_arguments_name_the_right_participants(gold: dict, text: str) -> None:
    def argument_entities(context: str, trigger: str, event_type: str, role: str) -> set[str]:
        event = [e for e in _events_at(gold, text, context, trigger) if e["type"] == event_type][0]
        return {a.get("entity") for a in event["arguments"] if a["role"] == role}

    putin = entity_by_name(gold, "Vladimir Putin")["id"]
    lukashenko = entity_by_name(gold, "Alexander Lukashenko")["id"]
    russia = entity_by_name(gold, "Russia")["id"]
    ukraine = entity_by_name(gold, "Ukraine")["id"]
    assert argument_entities("Putin landed in Minsk", "landed", "Movement.Transport", "Artifact") >= {putin}
    assert argument_entities("during a rare visit from", "visit", "Contact.Meet", "Entity") == {putin, lukashenko}
    assert argument_entities("Russia said it shot down", "shot down", "Conflict.Intercept", "Interceptor") == {russia}
    assert argument_entities("Ukraine said it downed", "downed", "Conflict.Intercept", "Interceptor") == {ukraine}
    assert argument_entities("since Russia invaded", "invaded", "Conflict.Attack", "Attacker") == {russia}


# ------------------------------------------------------------------ guidelines and validator


def test_guidelines_document_every_type_and_role() -> None:
    guidelines = (GOLD / "GUIDELINES.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in guidelines.splitlines()
            if line.startswith("| `") and line.count("|") >= 5}
    for name, event_type in EVENT_TYPES.items():
        assert f"`{name}`" in rows, f"no table row for {name}"
        roles_cell = rows[f"`{name}`"].split("|")[2]
        listed = {r.strip() for r in roles_cell.split(",")}
        assert listed == set(event_type.roles), (name, listed)
        kind = rows[f"`{name}`"].split("|")[4].strip()
        assert kind == ("extension" if event_type.extension else "ACE 2005"), name
    for entity_type in ENTITY_TYPES:
        assert f"`{entity_type}`" in guidelines, entity_type


def test_harness_validate_accepts_the_gold() -> None:
    from harness.gold import check_gold

    check = check_gold([GOLD])
    assert [str(p) for p in check.problems] == []
    assert DOC_ID in [a.document.id for a in check.documents]
