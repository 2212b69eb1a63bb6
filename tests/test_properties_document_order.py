"""Property: sorting JSON pointers with ``document_order`` gives the order in which a reader meets them in the file."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from harness.errors import document_order, pointer

documents = st.recursive(
    st.integers() | st.text(max_size=3) | st.none(),
    lambda inner: st.lists(inner, max_size=12)
    | st.dictionaries(st.text(alphabet="ab/~0", min_size=1, max_size=3), inner, max_size=5),
    max_leaves=40,
)


def _pointers_in_reading_order(node, path=()) -> list[str]:
    found = [pointer(*path)]
    if isinstance(node, list):
        for index, child in enumerate(node):
            found += _pointers_in_reading_order(child, (*path, index))
    elif isinstance(node, dict):
        for key, child in node.items():
            found += _pointers_in_reading_order(child, (*path, key))
    return found


@given(documents, st.randoms(use_true_random=False))
def test_sorted_pointers_follow_the_document(document, shuffler: random.Random):
    expected = _pointers_in_reading_order(document)
    shuffled = list(expected)
    shuffler.shuffle(shuffled)
    assert sorted(shuffled, key=document_order(document)) == expected
