"""Property: ``fold``'s shortcut for ASCII text gives what decomposing and dropping accents gives.

The shortcut skips Unicode decomposition for ASCII text, the common case; the
long way is written out here as the peer it must agree with, on ASCII text
and on text mixing ASCII with accents, ligatures and other scripts.
"""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from harness.scoring.normalize import fold, normalize_description, normalize_name


def _decomposed(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_decomposed(text):
    assert fold(text) == _decomposed(text)


@given(st.text(alphabet=st.one_of(st.characters(max_codepoint=127), st.sampled_from("éÉçßﬁÅøİı\u0301\u00a0²"))))
def test_mixed_text_folds_as_decomposed(text):
    assert fold(text) == _decomposed(text)


def test_names_fold_the_same_with_or_without_accents():
    assert normalize_name("President José Ramírez's") == normalize_name("jose ramirez") == "jose ramirez"
    assert normalize_description("A police spokesman") == "police spokesman"
