"""Reading numbers from news text."""

import pytest

from harness.values import Pair, find_numbers, parse_number, value_from_json, value_in, value_to_json, values_equal


@pytest.mark.parametrize("text, value", [
    ("nine million", 9_000_000),
    ("14,000", 14_000),
    ("a dozen", 12),
    ("nearly a dozen regions", 12),
    ("two dozen", 24),
    ("40 million", 40_000_000),
    ("an estimated population of 40 million", 40_000_000),
    ("three", 3),
    ("35 attack drones", 35),
    ("68-year-old", 68),
    ("twenty-three", 23),
    ("one hundred and twenty-five", 125),
    ("five hundred thousand", 500_000),
    ("half a million", 500_000),
    ("1.2 billion", 1_200_000_000),
    ("$1.5bn", 1_500_000_000),
    ("35%", 35),
    ("some nine million people", 9_000_000),
])
def test_reads_a_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, low, high", [
    ("10-15", 10, 15),
    ("10 to 15 million", 10_000_000, 15_000_000),
    ("between 10 and 15", 10, 15),
    ("several US-made missiles", 3, 9),
    ("several thousand Russian servicemen", 3000, 9999),
    ("a few", 2, 5),
])
def test_reads_a_range(text, low, high):
    assert parse_number(text) == (low, high)


@pytest.mark.parametrize("text", ["millions of Ukrainians", "multiple explosions", "for years", "the first comment",
                                  "3rd", "a swarm of drones", "", "no numbers here"])
def test_no_value(text):
    assert parse_number(text) is None


def test_a_date_is_not_a_range():
    assert [m.value for m in find_numbers("on 2022-12-19")] == []


def test_find_numbers_gives_offsets_and_qualifier():
    text = "Some 14,000 people and nearly a dozen regions"
    found = find_numbers(text)
    assert [(text[m.start:m.end], m.value, m.approximation) for m in found] == [
        ("14,000", 14_000, "some"), ("a dozen", 12, "nearly")]


def test_values_equal_is_relative():
    assert values_equal(1e9, 1e9 + 0.5)
    assert not values_equal(100, 101)
    assert values_equal(100, 109, tolerance=0.1)


def test_tolerance_is_relative_to_the_reference_value():
    # gold 200 at tolerance 0.1: 180..220, the same distance either side
    assert values_equal(221, 200, 0.1) is False and values_equal(179, 200, 0.1) is False
    assert values_equal(220, 200, 0.1) and values_equal(180, 200, 0.1)
    assert not value_in(221, 200, 0.1) and not value_in(179, 200, 0.1)
    assert not values_equal(0.1, 0, 0.5)  # a gold 0 needs 0


def test_value_in_a_gold_range():
    assert value_in(5, (3, 9))
    assert not value_in(10, (3, 9))
    assert value_in((3, 9), (3, 9))
    assert not value_in((3, 9), 5)
    assert not value_in(None, None)


# --- the value table of docs/scoring.md, one test per row ---


@pytest.mark.parametrize("text, value", [
    ("-5", -5),
    ("\u22123.2%", -3.2),  # the minus sign
    ("minus 4", -4),
    ("down 4", -4),
    ("shares were down 4% on the day", -4),
])
def test_negatives_and_falls(text, value):
    assert parse_number(text) == value


def test_down_before_a_counted_noun_is_no_change():
    assert parse_number("shot down 4 drones") == 4


def test_a_hyphen_between_numbers_is_no_minus():
    assert parse_number("10-15") == (10, 15)


@pytest.mark.parametrize("text, value", [
    ("1.5m people", 1.5e6),
    ("£45m", 4.5e7),
    ("$1.2bn", 1.2e9),
    ("300k", 3e5),
])
def test_scale_suffixes(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_forty_m_alone_is_ambiguous():
    # metres or million: only money or a counted plural decides
    assert parse_number("40m") is None
    assert parse_number("£40m") == 4e7 and parse_number("40m users") == 4e7
    [tower] = find_numbers("a 40m tall tower")
    assert (tower.value, tower.unit) == (40, "m")


@pytest.mark.parametrize("text, value", [("one and a half million", 1.5e6), ("two and a half", 2.5),
                                         ("2 and a half hours", 2.5)])
def test_and_a_half(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("half", 0.5),
    ("a quarter", 0.25),
    ("two-thirds", 2 / 3),
    ("a fifth", 0.2),
    ("one in five", 0.2),
    ("three out of four", 0.75),
    ("a quarter of a million", 250_000),
    ("half of the residents", 0.5),
    ("cut by a third", 1 / 3),
])
def test_fractions(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["in the second half", "a third term", "half-time"])
def test_words_that_are_no_fraction(text):
    assert parse_number(text) is None


def test_a_count_in_a_time_is_no_ratio():
    assert [m.value for m in find_numbers("scored 2 in 10 minutes")] == [2, 10]


def test_an_ordinal_after_a_number_is_no_fraction():
    assert [m.text for m in find_numbers("De Bruyne added a third, while the visitors pulled one back")] == ["one"]


@pytest.mark.parametrize("text, value", [("Rs 4,500 crore", 4.5e10), ("1.8 lakh", 1.8e5), ("Rs 2 lakh crore", 2e12)])
def test_lakh_and_crore(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value, unit", [
    ("22C", 22, "°C"),
    ("0.3 degrees Celsius", 0.3, "°C"),
    ("a high of 22°C", 22, "°C"),
    ("-5C overnight", -5, "°C"),
    ("95F", 95, "°F"),
])
def test_temperatures_carry_their_unit(text, value, unit):
    [match] = find_numbers(text)
    assert (match.value, match.unit) == (value, unit)


@pytest.mark.parametrize("text, first, second", [
    ("2-0", 2, 0),
    ("52-48", 52, 48),
    ("a 1-1 draw", 1, 1),
    ("a 48-52 vote", 48, 52),
    ("lost 2\u20133", 2, 3),
])
def test_scores_and_votes_are_pairs(text, first, second):
    assert parse_number(text) == Pair(first, second)


def test_an_ascending_dash_without_a_tally_word_is_a_range():
    assert parse_number("3-5 days") == (3, 5)


@pytest.mark.parametrize("text", ["2022-12-19", "19:30", "1994", "in 1994", "at 7pm", "at 10:30 a.m.", "Dec. 19",
                                  "19 December", "19/12/2022"])
def test_dates_times_and_years_are_not_figures(text):
    assert find_numbers(text) == []


def test_a_four_digit_count_is_no_year():
    assert parse_number("1994 people") == 1994 and parse_number("2000%") == 2000


def test_a_pair_is_a_pair_in_json_and_agrees_only_with_the_same_pair():
    assert value_to_json(Pair(2, 0)) == {"pair": [2, 0]} and value_from_json({"pair": [2, 0]}) == Pair(2, 0)
    assert value_from_json([1, 2]) == (1, 2)
    assert value_in(Pair(2, 0), Pair(2, 0))
    assert not value_in(Pair(0, 2), Pair(2, 0))
    assert not value_in(2, Pair(2, 0)) and not value_in(Pair(2, 0), (0, 2))


@pytest.mark.parametrize("text, value", [("1½", 1.5), ("½", 0.5), ("2¾ million", 2.75e6), ("one-and-a-half", 1.5)])
def test_written_halves_and_vulgar_fractions(text, value):
    assert parse_number(text) == value


def test_the_half_after_a_noun_is_no_figure_of_its_own():
    assert parse_number("an hour and a half") is None


def test_a_number_too_large_for_a_day_next_to_a_month_is_a_count():
    assert parse_number("In March 40 people were hurt") == 40
