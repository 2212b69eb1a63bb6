"""Property: a span of the normalised text maps back to an original span that normalises to the same words.

The texts mix ordinary words with every kind of character the normaliser
changes (typographic quotes, odd spaces, invisible characters, HTML
entities known and unknown, CR and CRLF line ends), so entity boundaries,
dropped characters and multi-character pieces all fall inside, at and
around the spans drawn.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.clean import normalise_text, reading_text

PIECES = st.sampled_from([
    "Ana", "Ruiz", " ", "said", ".", ",", "\n", "\n\n", "\r\n", "\r", "\u201c", "\u201d", "\u2018", "\u2019", '"', "'",
    "\u00a0", "\u202f", "\u200b", "\u00ad", "\ufeff", "&amp;", "&quot;", "&#39;", "&nbsp;", "&mdash;", "&#8217;",
    "&#x201C;", "&shy;", "&#8203;", "&foo;", "&amp", "&", "#", ";", "&#0;", "&#xD800;", "amp;", "Comments (3)",
    "Share this article", "\u00e9", "\U0001f600",
])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=300)
@given(TEXTS, st.data())
def test_a_mapped_span_normalises_to_the_normalised_span(text, data):
    normalised = normalise_text(text)
    start = data.draw(st.integers(0, len(normalised.text)))
    end = data.draw(st.integers(start, len(normalised.text)))
    begin, stop = normalised.to_original(start, end)
    assert 0 <= begin <= stop <= len(text)
    assert normalise_text(text[begin:stop]).text == normalised.text[start:end]


@settings(max_examples=200)
@given(TEXTS)
def test_normalising_twice_changes_nothing_more_than_once_for_text_without_ampersands(text):
    once = normalise_text(text.replace("&", "and")).text
    assert normalise_text(once).text == once


@settings(max_examples=200)
@given(TEXTS, st.data())
def test_each_reading_character_comes_from_the_original_in_order(text, data):
    reading = reading_text(text)
    if not reading.text:
        return
    index = data.draw(st.integers(0, len(reading.text) - 1))
    begin, stop = reading.to_original(index, index + 1)
    assert normalise_text(text[begin:stop]).text == reading.text[index]
    if index + 1 < len(reading.text):
        assert stop <= reading.to_original(index + 1, index + 2)[0]
