"""The rules baseline's figure layer, one rule per test, on sentences written for these tests."""

import pytest

from harness.adapters import get_adapter, run_extractor
from harness.model import Document
from harness.values import Pair

from .helpers import DOLLAR_PREFIX_CASES


@pytest.fixture(scope="module")
def rules():
    return get_adapter("rules")


def figures(rules, text):
    outcome = run_extractor(rules, Document("t", text))
    assert outcome.error is None, outcome.error
    return {f.text: f for f in outcome.predictions.figures}


def test_crore_and_lakh_are_applied(rules):
    found = figures(rules, "The state will spend Rs 4,500 crore on roads, and 1.8 lakh farmers will get seed.")
    assert found["Rs 4,500 crore"].value == pytest.approx(4.5e10) and found["Rs 4,500 crore"].unit == "rupee"
    assert found["1.8 lakh farmers"].value == pytest.approx(1.8e5) and found["1.8 lakh farmers"].unit == "farmer"


@pytest.mark.parametrize("sentence, text, value", [
    ("Two-thirds of the nurses voted to strike.", "Two-thirds of the nurses", 2 / 3),
    ("The survey found one in five adults skip breakfast.", "one in five adults", 0.2),
    ("Officials said a fifth of the harvest was lost.", "a fifth of the harvest", 0.2),
    ("Half of the villagers left before dawn.", "Half of the villagers", 0.5),
    ("Profit fell by a quarter last year.", "a quarter", 0.25),
])
def test_fractions_have_their_value(rules, sentence, text, value):
    assert figures(rules, sentence)[text].value == pytest.approx(value)


def test_an_ordinal_third_is_no_fraction(rules):
    assert figures(rules, "She won a third term in office, while the rival party lost ground.") == {}


def test_a_temperature_carries_its_unit(rules):
    glued = figures(rules, "Temperatures reached 22C in the capital on Sunday.")
    assert (glued["22C"].value, glued["22C"].unit) == (22, "°C")
    words = figures(rules, "The lake warmed by 0.3 degrees Celsius over the decade.")
    assert (words["0.3 degrees Celsius"].value, words["0.3 degrees Celsius"].unit) == (0.3, "°C")


def test_a_scoreline_is_a_pair(rules):
    found = figures(rules, "Rovers won 2-0 at home on Saturday.")
    assert found["2-0"].value == Pair(2, 0)


def test_a_vote_count_is_a_pair_with_its_tally_word(rules):
    found = figures(rules, "The council backed the plan in a 48-52 vote, then approved the budget 30-9.")
    assert (found["48-52 vote"].value, found["48-52 vote"].unit) == (Pair(48, 52), "vote")
    assert found["30-9"].value == Pair(30, 9)


def test_a_range_with_a_counted_noun_stays_a_range(rules):
    assert figures(rules, "The repairs will take 3-5 days.")["3-5 days"].value == (3, 5)


@pytest.mark.parametrize("sentence", [
    "Sales of every two-wheeler rose in the spring.",
    "The company sold four-wheelers and a one-off edition.",
    "It is one of the largest ports in the region.",
    "Her firm is one of the few lenders still open.",
])
def test_number_words_inside_other_words_are_no_figures(rules, sentence):
    assert figures(rules, sentence) == {}


def test_a_number_word_before_a_measure_is_still_a_figure(rules):
    found = figures(rules, "Workers began a two-day strike.")
    assert found["two-day"].value == 2 and found["two-day"].unit == "day"


def test_a_fall_is_negative(rules):
    found = figures(rules, "Exports were down 4% in the spring.")
    assert (found["down 4%"].value, found["down 4%"].unit) == (-4, "percent")


def test_scale_suffixes_after_digits(rules):
    found = figures(rules, "The region has 1.5m people and a £45m budget.")
    assert found["1.5m people"].value == 1.5e6 and found["1.5m people"].unit == "person"
    assert found["£45m"].value == 4.5e7 and found["£45m"].unit == "pound"


def test_a_bare_forty_m_is_given_without_a_value(rules):
    # metres or million: the figure is found, its value is left open
    assert figures(rules, "Crews cleared 40m before the storm.")["40m"].value is None


def test_a_year_a_date_and_a_time_are_no_figures(rules):
    assert figures(rules, "The plant, built in 1994, closed on 2022-12-19 at 19:30 after 12 workers left.").keys() \
        == {"12 workers"}


def test_a_number_in_a_name_is_no_figure(rules):
    assert figures(rules, "Covid-19 cases fell as the F-16 jets landed, and 30 pilots rested.").keys() == {"30 pilots"}


def test_a_share_of_an_owner_takes_no_unit_from_the_owner(rules):
    found = figures(rules, "More than half of the county's 40 schools closed.")
    assert found["More than half"].unit is None and found["40 schools"].value == 40


@pytest.mark.parametrize("sentence, text, value", DOLLAR_PREFIX_CASES)
def test_a_dollar_with_its_country_prefix_is_an_amount_in_dollars(rules, sentence, text, value):
    found = figures(rules, sentence)[text]
    assert found.value == pytest.approx(value) and found.unit == "dollar"


def test_capitals_joined_to_a_number_by_a_dash_are_still_a_code(rules):
    assert figures(rules, "The crew flew an F-16 over the bay.") == {}
