"""Property: every quantity found is the text it spans, matches never overlap, and reading never raises."""

from hypothesis import given
from hypothesis import strategies as st

from harness.values import find_numbers, parse_number

PIECES = [*"0123456789 -−–/%:.,$£€₹½°CFmkbn", "one", "two", "half", "a", "of", "in", "out", "and", "to", "minus",
          "down", "were", "thirds", "fifth", "crore", "lakh", "Rs", "million", "vote", "won", "degrees", "Celsius",
          "Dec", "1994", "19:30", "several", "between", "people"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map(" ".join) | st.text(max_size=40)


@given(texts)
def test_matches_are_their_text_left_to_right_without_overlap(text):
    matches = find_numbers(text)
    for match in matches:
        assert 0 <= match.start < match.end <= len(text) and text[match.start:match.end] == match.text
    for before, after in zip(matches, matches[1:]):
        assert before.end <= after.start
    assert parse_number(text) == (matches[0].value if matches else None)
