"""Quote rules, each on sentences written for its test: single marks and apostrophes, nesting, split and
colon quotations, pronoun speakers, speakers after a title, noun phrases that speak for nobody, consent text."""

from __future__ import annotations

import pytest

from harness.adapters import get_adapter
from harness.adapters.rules.quotes import _pairs

from .helpers import predicted


def quotes(extractor, text):
    return predicted(extractor, text + "\n").quotes


def marked(text):
    return [text[start + 1:end] for start, end in _pairs(text, 0, len(text))]


@pytest.mark.parametrize("text, contents", [
    ("'We don't play for draws,' the coach said.", ["We don't play for draws,"]),
    ("He played in the '90s. 'It was a golden age,' he said.", ["It was a golden age,"]),
    ("The bowlers' discipline won it. 'The lads' effort was magnificent,' she said.",
     ["The lads' effort was magnificent,"]),
    ("'It was rock 'n' roll out there,' said the captain.", ["It was rock 'n' roll out there,"]),
    ("O'Neill's side drew at St James' Park on Saturday.", []),
    ("The Smiths' last record is 'a strange and lovely thing', critics wrote.", ["a strange and lovely thing"]),
])
def test_single_marks_quote_and_apostrophes_do_not(text, contents):
    assert marked(text) == contents


@pytest.mark.parametrize("text, contents", [
    ('"When the inspector said \'Open the boot,\' I knew it was over," he said.',
     ["When the inspector said 'Open the boot,' I knew it was over,"]),
    ("'My father told me \"never give up\" and I didn't,' she said.", ["My father told me \"never give up\" and I didn't,"]),
])
def test_a_quotation_nested_in_another_stays_inside_it(text, contents):
    assert marked(text) == contents


def test_a_single_quotation_left_open_closes_its_paragraph_only_when_it_opens_it():
    opening = "'We will keep fighting for this town and for every family in it"
    assert marked(opening) == [opening[1:]]
    assert marked("The fans' chant rang out as the whistle went and the players left the pitch") == []


def test_uk_quotations_get_their_speakers(rules):
    text = "Coach Simon Tate praised the squad. 'They kept it tight when it mattered,' he said."
    found = [q for q in quotes(rules, text) if q.kind == "direct"]
    assert [(q.text, q.speaker.text, q.cue.text) for q in found] == [
        ("They kept it tight when it mattered,", "Simon Tate", "said")]


@pytest.mark.parametrize("text", [
    '"The budget is balanced," Mayor Jo Quinn said, "and the reserves are full."',
    "'The budget is balanced,' said Mayor Jo Quinn, 'and the reserves are full.'",
])
def test_both_halves_of_a_split_quotation_are_direct_quotes_of_its_speaker(rules, text):
    found = quotes(rules, text)
    assert [(q.kind, q.text, q.speaker.text, q.cue.text) for q in found] == [
        ("direct", "The budget is balanced,", "Jo Quinn", "said"),
        ("direct", "and the reserves are full.", "Jo Quinn", "said")]


def test_two_quotations_with_writing_between_them_are_not_one_split_quotation(rules):
    text = '"We are ready," Jo Quinn said. Critics disagreed. "It is a gamble."'
    second = [q for q in quotes(rules, text) if q.text == "It is a gamble."]
    assert not second or second[0].cue is None  # not given the first one's cue as its other half


@pytest.mark.parametrize("text, speaker", [
    ('The minister Asha Verma was blunt: "There will be no new taxes this year."', "Asha Verma"),
    ("The visitors' captain Imran Bashir was less pleased: 'We dropped three catches today.'", "Imran Bashir"),
    ('Asha Verma spoke after the vote. She was blunt: "There will be no new taxes this year."', "Asha Verma"),
    ('The ministry put it plainly: "No new taxes will be raised this year."', None),
])
def test_a_quotation_after_a_colon_is_spoken_by_the_subject_before_it(rules, text, speaker):
    found = [q for q in quotes(rules, text) if q.kind == "direct"]
    assert len(found) == 1
    assert (found[0].speaker.text if found[0].speaker else None) == speaker


def test_a_speaker_with_an_apposition_before_a_colon(rules):
    text = 'Art historian Tomas Berg, of the University of Oslo, said: "It changes what we knew."'
    assert [q.speaker.text for q in quotes(rules, text)] == ["Tomas Berg"]


@pytest.mark.parametrize("text, name", [
    ("Lena Fischer chaired the hearing. She said the committee would publish its report in May.", "Lena Fischer"),
    ('Omar Said and Dana Reeve spoke. "We are not done yet," he added.', "Dana Reeve"),
    ("Tilde Mining reported a loss. It said the mine would reopen in June.", "Tilde Mining"),
])
def test_a_pronoun_speaker_is_given_as_the_nearest_compatible_name(rules, text, name):
    found = quotes(rules, text)
    assert len(found) == 1
    speaker = found[0].speaker
    assert (speaker.text, speaker.start, speaker.end) == (name, text.index(name), text.index(name) + len(name))


def test_the_pronoun_itself_stays_a_mention_of_its_referent(rules):
    text = "Lena Fischer chaired the hearing. She said the committee would publish its report in May."
    pronouns = [(e.text, e.start, e.form, e.canonical_name) for e in predicted(rules, text).entities if e.form == "pronoun"]
    assert pronouns == [("She", text.index("She"), "pronoun", "Lena Fischer")]


def test_a_pronoun_with_no_name_before_it_stays_a_pronoun(rules):
    found = quotes(rules, "She said the committee would publish its report in May.")
    assert [q.speaker.text for q in found] == ["She"]


@pytest.mark.parametrize("text, speaker", [
    ('"Demand is rising faster than we can build," chief executive Arjun Mehta told reporters.', "Arjun Mehta"),
    ('"Any movement helps," said cardiologist Omar Haddad, who led the trial.', "Omar Haddad"),
    ("'We will appeal,' said lawyer Rhys Owen.", "Rhys Owen"),
])
def test_a_speaker_named_after_a_title_or_role(rules, text, speaker):
    assert [q.speaker.text for q in quotes(rules, text)] == [speaker]


@pytest.mark.parametrize("text", [
    "The research suggests that even short walks bring benefits.",
    "The data show that the river rose by a metre overnight.",
    "The report said the plant had been losing money for years.",
    "Even short walks bring clear benefits to the heart, the study suggests.",
])
def test_a_noun_phrase_that_speaks_for_nobody_gives_no_quote(rules, text):
    assert quotes(rules, text) == ()


def test_an_attribution_in_mid_sentence_ends_the_reported_words(rules):
    text = "The plant will close in June, the company said on Friday, as sales fall across Europe."
    assert [(q.kind, q.text, q.speaker.text) for q in quotes(rules, text)] == [
        ("indirect", "The plant will close in June", "the company")]


@pytest.mark.parametrize("text, speaker", [
    ("The Maharashtra government said it had offered the company land.", "Maharashtra"),
    ("Analysts at Harbour Securities said the deal was one of the largest this year.", "Analysts at Harbour Securities"),
])
def test_bodies_and_groups_named_by_an_organisation_speak(rules, text, speaker):
    assert [q.speaker.text for q in quotes(rules, text)] == [speaker]


@pytest.mark.parametrize("text", [
    'Select "Accept all cookies and continue" to agree, or "Manage my options" to choose what we store.',
    'By clicking "I accept these terms", you agree that we and our partners store and access information on your device.',
])
def test_consent_text_gives_no_quote_even_when_boilerplate_is_read(text):
    kept = get_adapter("rules", overrides={"clean_boilerplate": False})
    assert quotes(kept, text) == ()


@pytest.mark.parametrize("text, name", [
    ("Maria Lopez thanked Mr. Tom Reyes. She said the plan would work.", "Maria Lopez"),
    ("Spokeswoman Ana Cole met Tom Reyes. She said the talks would go on.", "Ana Cole"),
    ("Ana Cole said he was wrong, and Tom Reyes replied. He said the figures were clear.", "Tom Reyes"),
])
def test_a_pronoun_skips_names_whose_title_says_another_pronoun_fits(rules, text, name):
    speakers = [q.speaker.text for q in quotes(rules, text) if "would" in q.text or "clear" in q.text]
    assert speakers == [name]


def test_a_person_once_called_she_is_not_taken_for_he(rules):
    text = ("Ana Cole chaired the meeting. She said the budget was tight. Tom Reyes spoke next, then Ana Cole "
            "answered him. He said the reserves were full.")
    speakers = {q.text: q.speaker.text for q in quotes(rules, text)}
    assert speakers["the budget was tight"] == "Ana Cole" and speakers["the reserves were full"] == "Tom Reyes"


def test_a_relative_clause_after_the_speaker_names_no_speaker(rules):
    text = "The Commerce Department, which awarded Orvane a grant last year, said it was in contact with the firm."
    assert [(q.text, q.speaker.text) for q in quotes(rules, text)] == [
        ("it was in contact with the firm", "Commerce Department")]


@pytest.mark.parametrize("text, expected", [
    ('"We lost everything," Maria Santos, 52, said outside her home.', [("direct", "We lost everything,", "Maria Santos")]),
    ('Ana Lopez took the microphone. "The vote," she said, "is a disgrace."',
     [("direct", "The vote,", "Ana Lopez"), ("direct", "is a disgrace.", "Ana Lopez")]),
    ('Ana Lopez was asked whether she would run again. "Never," she replied.', [("direct", "Never,", "Ana Lopez")]),
    ('Police spokesman Ian Black told the BBC: "We are treating this as murder."',
     [("direct", "We are treating this as murder.", "Ian Black")]),
])
def test_short_utterances_appositions_and_a_group_word_before_a_role(rules, text, expected):
    assert [(q.kind, q.text, q.speaker.text) for q in quotes(rules, text)] == expected


def test_a_name_and_verb_after_a_quotation_ending_its_sentence_begin_the_next(rules):
    text = 'Sen. Mark Whitaker called the ruling "a victory for taxpayers." Rep. Ann Lee, D-Ohio, said she would vote no.'
    partial = [q for q in quotes(rules, text) if q.kind == "partial"]
    assert [(q.text, q.speaker.text) for q in partial] == [("a victory for taxpayers.", "Mark Whitaker")]


def test_the_person_whose_organisation_stands_in_an_apposition_speaks(rules):
    text = ("Professor Ian Hart, of the University of Edinburgh, who was not involved, said the findings were "
            '"important but should be treated with caution".')
    assert {(q.kind, q.speaker.text) for q in quotes(rules, text)} == {("indirect", "Ian Hart"), ("partial", "Ian Hart")}


def test_a_speaker_with_several_role_words_after_the_reported_words(rules):
    text = "The plant will make batteries for two lakh cars a year, founder and chief executive Meera Iyer said."
    assert [(q.text, q.speaker.text) for q in quotes(rules, text)] == [
        ("The plant will make batteries for two lakh cars a year", "Meera Iyer")]


def test_a_participle_after_a_comma_is_spoken_by_the_sentence_subject(rules):
    text = "Judge Karen Walsh blocked the flights to a third country, saying the migrants had no chance to object."
    assert [(q.text, q.speaker.text) for q in quotes(rules, text)] == [
        ("the migrants had no chance to object", "Karen Walsh")]


def indirect(extractor, text):
    return [(q.text, q.speaker.text if q.speaker else None) for q in quotes(extractor, text) if q.kind == "indirect"]


def test_a_long_apposition_between_speaker_and_verb(rules):
    text = ("Nurse Amal Osei, a ward manager at the Harbourside General Hospital in Leith who ran the night shift "
            "for a decade, said the unit had never been so short of staff.")
    assert indirect(rules, text) == [("the unit had never been so short of staff", "Amal Osei")]


def test_a_possessive_office_speaks(rules):
    text = "Governor Ruth Adeyemi's office said the bridge would reopen in spring."
    assert [words for words, _ in indirect(rules, text)] == ["the bridge would reopen in spring"]


def test_an_aside_between_the_verb_and_that(rules):
    text = "Carla Jensen warned, however, that most growers would not survive another dry year."
    assert indirect(rules, text) == [("most growers would not survive another dry year", "Carla Jensen")]


def test_words_before_that_which_are_a_clause_of_their_own_are_reported_too(rules):
    text = "Mayor Tobias Lind said bus use had risen by a third and that fares would stay frozen."
    found = [words for words, _ in indirect(rules, text)]
    assert found and found[0].startswith("bus use had risen by a third")


def test_a_second_speech_verb_of_the_same_speaker_starts_a_second_quote(rules):
    text = "Coach Mira Haas said her side had been careless and confirmed that the goalkeeper would miss the final."
    assert indirect(rules, text) == [("her side had been careless", "Mira Haas"),
                                     ("the goalkeeper would miss the final", "Mira Haas")]


def test_a_relative_clause_inside_the_reported_subject_is_part_of_it(rules):
    text = "Judge Omar Price wrote that the permit scheme, which charged a $90 fee, was unlawful."
    assert indirect(rules, text) == [("the permit scheme, which charged a $90 fee, was unlawful", "Omar Price")]


def test_a_relative_clause_after_the_reported_clause_ends_it(rules):
    text = "Vera Holt said the museum would close for repairs, which begin in May."
    assert indirect(rules, text) == [("the museum would close for repairs", "Vera Holt")]


@pytest.mark.parametrize("text, words, speaker", [
    ("More than 400 homes lost power overnight, according to the grid operator Northline Power.",
     "More than 400 homes lost power overnight", "Northline Power"),
    ("The contract is worth about $2 million a year, according to council minutes.",
     "The contract is worth about $2 million a year", "council minutes"),
    ("According to figures from the port authority, cargo volumes fell by a tenth last year.",
     "cargo volumes fell by a tenth last year", "the port authority"),
])
def test_words_according_to_a_source_are_reported(rules, text, words, speaker):
    assert indirect(rules, text) == [(words, speaker)]


def test_an_order_is_reported_speech(rules):
    text = "Judge Dana Cole ordered the county to repay the fees within 60 days."
    assert indirect(rules, text) == [("the county to repay the fees within 60 days", "Dana Cole")]


def test_an_organisation_speaks_rather_than_the_place_in_its_apposition(rules):
    text = 'Harlow Ferries, the Kelby-based operator, said the strike was "a needless blow".'
    speakers = {q.speaker.text for q in quotes(rules, text) if q.speaker}
    assert speakers == {"Harlow Ferries"}


def test_a_councillor_is_a_title_outside_the_name(rules):
    text = "Councillor Ada Brisk said the library would reopen in June."
    assert indirect(rules, text) == [("the library would reopen in June", "Ada Brisk")]


def test_a_speaker_after_the_verb_with_a_club_and_role_before_the_name(rules):
    text = "'We never gave up,' said Rovers manager Dana Whitcombe after the match."
    assert [q.speaker.text for q in quotes(rules, text)] == ["Dana Whitcombe"]


def test_a_pronoun_after_a_quote_is_the_speaker_not_a_name_in_her_reported_words(rules):
    text = ("Head coach Lena Brandt said her keeper had been superb and confirmed that Oskar Lind would miss the final.\n\n"
            "'It is a blow for all of us,' she added.")
    direct = [q for q in quotes(rules, text) if q.kind == "direct"]
    assert [q.speaker.text for q in direct] == ["Lena Brandt"]


def test_a_pronoun_is_the_latest_speaker_not_an_earlier_one(rules):
    text = ('"The plan is sound," Judge Ruth Amadi wrote. Mayor Colm Dwyer said his office would appeal. '
            'He told reporters the city "will keep fighting for its residents."')
    partial = [q for q in quotes(rules, text) if q.kind == "partial"]
    assert [q.speaker.text for q in partial] == ["Colm Dwyer"]


def test_a_speaker_described_by_its_base_after_the_reported_words(rules):
    text = "Net profit rose 9% to $41 million in the quarter, the Leeds-based bus maker said in a filing."
    found = indirect(rules, text)
    assert [words for words, _ in found] == ["Net profit rose 9% to $41 million in the quarter"]
    assert found[0][1] != "Leeds"


def test_the_object_of_a_preposition_after_a_content_verb_is_the_content(rules):
    text = "Shares slid after the airline warned of weaker summer bookings."
    assert [words for words, _ in indirect(rules, text)] == ["weaker summer bookings"]


def test_a_speech_participle_after_a_comma_is_said_by_the_sentence_subject(rules):
    text = 'Analysts at Fennick Capital kept their rating, calling the slump "a passing chill".'
    found = [(q.kind, q.text, q.speaker.text) for q in quotes(rules, text)]
    assert ("indirect", 'the slump "a passing chill"', "Fennick Capital") in found
    assert ("partial", "a passing chill", "Fennick Capital") in found


def test_a_quotation_nested_in_a_quotation_is_a_quote_of_its_own(rules):
    text = ('Her lawyer, Ana Ruiz, said she had warned them. "I told them, \'You are going to lose this in court,\' '
            'and they laughed," she said.')
    direct = [(q.text, q.speaker.text) for q in quotes(rules, text) if q.kind == "direct"]
    assert direct == [("I told them, 'You are going to lose this in court,' and they laughed,", "Ana Ruiz"),
                      ("You are going to lose this in court,", "Ana Ruiz")]


def test_a_short_quoted_phrase_inside_a_quotation_is_no_quote(rules):
    text = '"We call it \'the bunker\' and nobody goes there," said caretaker Ines Moss.'
    assert [q.text for q in quotes(rules, text) if q.kind == "direct"] == [
        "We call it 'the bunker' and nobody goes there,"]


def test_but_said_with_a_clause_is_a_second_quote_of_the_same_speaker(rules):
    text = 'Dr Lena Ruiz called the result "a real surprise" but said more tests were needed.'
    assert ("more tests were needed", "Lena Ruiz") in indirect(rules, text)


def test_he_after_a_speaker_and_another_name_in_his_words_is_the_speaker(rules):
    text = ('Coach Paul Ennis described Joel Marr as "a rare talent". He said the club had followed him for a year.\n\n'
            'Marr said joining was "a dream". "I grew up watching them," he added.')
    found = indirect(rules, text)
    assert ("the club had followed him for a year", "Paul Ennis") in found


def test_she_after_a_speaker_of_an_organisation_is_that_speaker(rules):
    text = ('"I paid twice," Tom Reyes said.\n\n'
            'His lawyer, Nadia Kerr of the Civic Rights Centre, said she had warned the council. '
            '"They ignored every letter," she said.')
    direct = [(q.text, q.speaker.text) for q in quotes(rules, text) if q.kind == "direct"]
    assert direct[-1] == ("They ignored every letter,", "Nadia Kerr")


@pytest.mark.parametrize("text, name", [
    ('"The pool will reopen in May," said the council\'s head of leisure, Orla Quinn.', "Orla Quinn"),
    ('"Prices will not rise again this year," said Peru\'s energy minister, Tomas Velarde.', "Tomas Velarde"),
    ("The pool will reopen in May once the roof is fixed, said the council's head of leisure, Orla Quinn.", "Orla Quinn"),
])
def test_a_name_in_apposition_after_an_owners_role_speaks_not_the_owner(rules, text, name):
    found = quotes(rules, text)
    assert [q.speaker.text for q in found] == [name]


def test_an_attribution_followed_by_a_participle_clause_ends_the_reported_words(rules):
    text = ("Talks on the treaty will resume in March, the agency said on Monday, naming Oslo as the venue. "
            "The harbour will stay shut until spring, the port said, citing damage to the piers.")
    found = quotes(rules, text)
    assert [(q.text, q.speaker.text) for q in found] == [
        ("Talks on the treaty will resume in March", "the agency"),
        ("The harbour will stay shut until spring", "the port")]


@pytest.mark.parametrize("text, speaker", [
    ('Ruth Okoye, a planner with the county, said the site could take its first residents by the end of the summer, '
     'warning that "the road is a bottleneck."', "Ruth Okoye"),
    ('Inspectors at the depot blamed a contractor, saying the brakes were "worn beyond any safe limit."', "Inspectors at the depot"),
])
def test_a_partial_quote_after_a_participle_is_said_by_the_sentences_subject(rules, text, speaker):
    partial = [q for q in quotes(rules, text) if q.kind == "partial"]
    assert [q.speaker.text for q in partial] == [speaker]


@pytest.mark.parametrize("text, words, speaker", [
    ("Kestrel Rail, which said its trains had run late for a month, will cut fares.",
     "its trains had run late for a month", "Kestrel Rail"),
    ("The move was welcomed by the Upland Dairy association, which said its members had lost buyers in Leeds.",
     "its members had lost buyers in Leeds", "Upland Dairy"),
    ("The plan was backed by the watchdog, which said on Monday that prices had doubled since May.",
     "prices had doubled since May", "the watchdog"),
])
def test_a_speaker_named_by_a_relative_pronoun_is_its_antecedent(rules, text, words, speaker):
    found = [q for q in quotes(rules, text) if q.text == words]
    assert [q.speaker.text for q in found] == [speaker]


def test_a_relative_clause_with_no_reported_clause_is_no_quote(rules):
    assert quotes(rules, "Kestrel Rail, which said nothing about fares, will cut staff.") == ()


def test_according_to_a_source_named_in_apposition_with_a_title_in_marks(rules):
    text = ('The novel "Salt Roads" sold 4,000 copies in a fortnight, according to its editor, Mira Santos.')
    found = quotes(rules, text)
    assert [(q.text, q.speaker.text) for q in found] == [
        ('The novel "Salt Roads" sold 4,000 copies in a fortnight', "Mira Santos")]


@pytest.mark.parametrize("text, name", [
    # "She" opening the sentence after Ida Lund's makes her a "she", so the nearer men do not fit
    ('Ida Lund filed the first complaint. She later met Paul Berg and Tom Ash, a councillor, in June. '
     '"Nobody listened to us," she said.', "Ida Lund"),
    # Carl Moe is a "he" (the sentence after his opens with "He"): the pronoun "she" skips him
    ('Nina Holt backed the plan. Carl Moe said the piles were failing. He called it overdue. '
     '"We have waited long enough," she said.', "Nina Holt"),
])
def test_a_pronoun_two_names_back_resolves_by_what_earlier_pronouns_said(rules, text, name):
    found = [q for q in quotes(rules, text) if q.kind == "direct"]
    assert [q.speaker.text for q in found] == [name]


def test_a_pronoun_opening_quoted_words_says_nothing_of_the_person_before(rules):
    # "She" opens his quoted words, not a sentence of the writer's about him: he stays a possible "he"
    text = 'Tom Hale coached the side. "She never saw me play," Tom Hale said. "It was for her," he added.'
    found = [q for q in quotes(rules, text) if q.kind == "direct"]
    assert [q.speaker.text for q in found] == ["Tom Hale", "Tom Hale"]


@pytest.mark.parametrize("text, name", [
    ("The group's leader, Harjit Sandhu, said growers would plant more oats next year.", "Harjit Sandhu"),
    ("Tarnby Ports' project director, Colm Pryor, at a briefing in Cork, said the loop would open in May.", "Colm Pryor"),
])
def test_a_name_in_apposition_after_an_owners_role_before_the_verb_speaks(rules, text, name):
    assert [q.speaker.text for q in quotes(rules, text)] == [name]


@pytest.mark.parametrize("text, name", [
    ("\"The tariff wall is coming down,\" Peru's energy minister, Lucia Pardo, told delegates.", "Lucia Pardo"),
    ("\"No one was hurt,\" the carmaker's head of safety, Ines Vogt, said on Monday.", "Ines Vogt"),
])
def test_a_name_in_apposition_after_an_owners_role_after_the_quotation_speaks(rules, text, name):
    assert [q.speaker.text for q in quotes(rules, text)] == [name]


@pytest.mark.parametrize("text", [
    "Harlow Air, which ordered 40 jets in 2022, declined to comment.",
    "Kestrel Rail, which said little about the delays, will cut staff.",
])
def test_a_relative_clause_whose_verb_takes_an_object_is_no_quote(rules, text):
    assert quotes(rules, text) == ()


def test_a_gerund_subject_after_said_is_still_a_reported_clause(rules):
    found = quotes(rules, "Ada Munro said joining the club was the best decision of her career.")
    assert [q.text for q in found] == ["joining the club was the best decision of her career"]
