"""Property: grounding never places a number inside a larger number.

A text-only "5" is not in "5.5 million", "1" is not in "1,000", "000" is
not in "12,000": a digit next to ``.`` or ``,`` that is followed by a digit
is inside a number. Checked on generated texts of numbers and words, for
needles cut from the text and for numbers written fresh.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.scoring.grounding import occurrences, ranked_occurrences

from .builders import document

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

numbers = st.one_of(
    st.integers(0, 99).map(str),
    st.tuples(st.integers(0, 99), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.tuples(st.integers(1, 999), st.integers(0, 999)).map(lambda t: f"{t[0]},{t[1]:03d}"),
    st.tuples(st.integers(1, 99), st.integers(0, 999), st.integers(0, 9)).map(lambda t: f"{t[0]},{t[1]:03d}.{t[2]}"),
)
tokens = st.one_of(numbers, st.sampled_from(("million", "people", "tanks", "km", "%")))
separators = st.sampled_from((" ", ", ", ". ", " - ", " ("))


@st.composite
def texts(draw) -> str:
    parts = draw(st.lists(st.tuples(tokens, separators), min_size=1, max_size=8))
    return "".join(token + separator for token, separator in parts).strip()


def _inside_a_larger_number(text: str, start: int, end: int) -> bool:
    return any(m.start() < end and start < m.end() and (m.start() < start or end < m.end())
               for m in NUMBER.finditer(text))


@settings(max_examples=400)
@given(texts(), st.data())
def test_an_occurrence_never_cuts_a_number(text, data):
    if data.draw(st.booleans()):
        needle = data.draw(numbers)
    else:
        start = data.draw(st.integers(0, len(text) - 1))
        needle = text[start:data.draw(st.integers(start + 1, len(text)))]
    for start, end in occurrences(text, needle):
        assert not _inside_a_larger_number(text, start, end), (needle, text[max(0, start - 3):end + 3])


@settings(max_examples=200)
@given(texts(), numbers)
def test_a_whole_number_in_the_text_is_found(text, number):
    whole = [(m.start(), m.end()) for m in NUMBER.finditer(text) if m.group() == number]
    found = ranked_occurrences(document(text), number)
    assert set(whole) <= set(found)
