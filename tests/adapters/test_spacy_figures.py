"""The spaCy adapter's figure layer with the real installed model, one rule per test, on sentences written for these tests."""

import pytest

from harness.adapters import get_adapter, run_extractor
from harness.model import Document
from harness.values import Pair

from .helpers import DOLLAR_PREFIX_CASES


@pytest.fixture(scope="module")
def spacy_adapter():
    return get_adapter("spacy")


def predict(adapter, text):
    outcome = run_extractor(adapter, Document("t", text))
    assert outcome.error is None, outcome.error
    return outcome.predictions


def figures(adapter, text):
    return {f.text: f for f in predict(adapter, text).figures}


def test_an_age_is_a_figure_and_not_a_date(spacy_adapter):
    p = predict(spacy_adapter, "The 68-year-old farmer was rescued on Friday.")
    assert {f.text: (f.value, f.unit) for f in p.figures} == {"68-year-old": (68, "year")}
    assert "68-year-old" not in {e.text for e in p.entities}


def test_a_duration_is_a_date_and_a_figure(spacy_adapter):
    p = predict(spacy_adapter, "The farmer was jailed for 10 months.")
    assert {f.text: (f.value, f.unit) for f in p.figures} == {"10 months": (10, "month")}
    assert ("10 months", "DATE") in {(e.text, e.type) for e in p.entities}


def test_a_point_in_time_is_no_duration(spacy_adapter):
    assert figures(spacy_adapter, "The mill closed two years ago.") == {}


def test_years_dates_and_times_are_no_figures(spacy_adapter):
    found = figures(spacy_adapter, "The plant, built in 1994, closed on 2022-12-19 at 19:30 after 12 workers left.")
    assert found.keys() == {"12 workers"}


def test_crore_and_lakh_are_applied(spacy_adapter):
    found = figures(spacy_adapter, "The state will spend Rs 4,500 crore on roads.")
    assert found["Rs 4,500 crore"].value == pytest.approx(4.5e10) and found["Rs 4,500 crore"].unit == "rupee"
    lakh = figures(spacy_adapter, "About 1.8 lakh farmers will get seed.")
    assert [f.value for f in lakh.values()] == [pytest.approx(1.8e5)]


def test_a_fraction_has_its_value(spacy_adapter):
    found = figures(spacy_adapter, "Two-thirds of the nurses voted to strike.")
    assert [f.value for f in found.values()] == [pytest.approx(2 / 3)]


def test_a_share_in_words_is_one_figure(spacy_adapter):
    found = figures(spacy_adapter, "The survey found one in five adults skip breakfast.")
    assert [f.value for f in found.values()] == [pytest.approx(0.2)]


def test_a_temperature_carries_its_unit(spacy_adapter):
    found = figures(spacy_adapter, "Temperatures reached 22C in the capital on Sunday.")
    assert (found["22C"].value, found["22C"].unit) == (22, "°C")


def test_a_scale_suffix_the_tokenizer_splits_off_is_read(spacy_adapter):
    found = figures(spacy_adapter, "The firm employs 1.5m people.")
    assert (found["1.5m people"].value, found["1.5m people"].unit) == (1.5e6, "person")


@pytest.mark.parametrize("sentence, text, value", [
    ("Rovers won 2-0 at home on Saturday.", "2-0", Pair(2, 0)),
    ("United beat Albion 3-1 on Tuesday.", "3-1", Pair(3, 1)),
])
def test_a_scoreline_is_a_pair(spacy_adapter, sentence, text, value):
    assert figures(spacy_adapter, sentence)[text].value == value


def test_number_words_inside_other_words_are_no_figures(spacy_adapter):
    assert figures(spacy_adapter, "Sales of every two-wheeler rose. It is one of the largest ports in the region.") == {}


def test_one_as_a_pronoun_is_no_figure(spacy_adapter):
    assert figures(spacy_adapter, "The visitors pulled one back late on.") == {}


def test_a_unit_glued_to_the_digits_is_kept(spacy_adapter):
    found = figures(spacy_adapter, "The storm brought winds of 90mph to the coast.")
    assert [(f.value, f.unit) for f in found.values()] == [(90, "mph")]


def test_a_temperature_below_zero_is_found(spacy_adapter):
    found = figures(spacy_adapter, "Temperatures fell to -3C overnight in the hills.")
    assert (found["-3C"].value, found["-3C"].unit) == (-3, "°C")


@pytest.mark.parametrize("sentence, text, value", DOLLAR_PREFIX_CASES)
def test_a_dollar_with_its_country_prefix_is_an_amount_in_dollars(spacy_adapter, sentence, text, value):
    found = figures(spacy_adapter, sentence)[text]
    assert found.value == pytest.approx(value) and found.unit == "dollar"


def test_digits_the_parse_attaches_to_a_plural_noun_count_it(spacy_adapter):
    found = figures(spacy_adapter, "The ombudsman said it had taken 900 complaints about the trains.")
    assert (found["900 complaints"].value, found["900 complaints"].unit) == (900, "complaint")
