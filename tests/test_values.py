"""Reading numbers from news text."""

import pytest

from harness.values import find_numbers, parse_number, value_in, values_equal


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
    assert [m.value for m in find_numbers("on 2022-12-19")] == [2022]


def test_find_numbers_gives_offsets_and_qualifier():
    text = "Some 14,000 people and nearly a dozen regions"
    found = find_numbers(text)
    assert [(text[m.start:m.end], m.value, m.approximation) for m in found] == [
        ("14,000", 14_000, "some"), ("a dozen", 12, "nearly")]


def test_values_equal_is_relative():
    assert values_equal(1e9, 1e9 + 0.5)
    assert not values_equal(100, 101)
    assert values_equal(100, 109, tolerance=0.1)


def test_value_in_a_gold_range():
    assert value_in(5, (3, 9))
    assert not value_in(10, (3, 9))
    assert value_in((3, 9), (3, 9))
    assert not value_in((3, 9), 5)
    assert not value_in(None, None)
