"""Property: JSON text without an escape of a surrogate parses to no lone surrogate (the gold loader's fast path)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.gold import may_hold_lone_surrogate
from harness.surrogates import lone_surrogates

# any code point, lone surrogates included: json.dumps writes them as escapes, as a hand-made file could
texts = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=12)
values = st.recursive(st.none() | texts | st.integers(),
                      lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
                      max_leaves=12)


@settings(max_examples=300)
@given(value=values, ascii_only=st.booleans())
def test_a_text_without_a_surrogate_escape_parses_to_no_lone_surrogate(value, ascii_only):
    try:
        source = json.dumps(value, ensure_ascii=ascii_only)
        source.encode("utf-8")  # what a gold file on disk can hold
    except UnicodeEncodeError:
        source = json.dumps(value, ensure_ascii=True)
    if not may_hold_lone_surrogate(source):
        assert not list(lone_surrogates(json.loads(source)))


def test_an_escaped_lone_surrogate_is_sent_to_the_walk():
    source = '{"name": "Jo\\ud800"}'
    assert may_hold_lone_surrogate(source)
    assert [where for where, _ in lone_surrogates(json.loads(source))] == ["/name"]
