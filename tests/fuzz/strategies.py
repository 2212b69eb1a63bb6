"""Inputs for the fuzz suite: arbitrary JSON, valid files with one field corrupted, raw bytes."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

json_scalars = (
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    paths = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, child in node.items():
            paths += _paths(child, prefix + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            paths += _paths(child, prefix + (index,))
    return paths


@st.composite
def corrupted(draw, valid: dict) -> dict:
    """``valid`` with one value replaced by arbitrary JSON, or one key or item removed."""
    document = copy.deepcopy(valid)
    path = draw(st.sampled_from(_paths(document)))
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    if draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(json_values)
    return document


@st.composite
def mangled_bytes(draw, valid: bytes) -> bytes:
    """``valid`` with invalid UTF-8, a byte-order mark, NUL bytes or a cut inserted."""
    kind = draw(st.sampled_from(["invalid-utf8", "bom", "nul", "truncate", "random"]))
    position = draw(st.integers(min_value=0, max_value=len(valid)))
    if kind == "invalid-utf8":
        junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe2\x82", b"\x80\x80"]))
        return valid[:position] + junk + valid[position:]
    if kind == "bom":
        return b"\xef\xbb\xbf" + valid
    if kind == "nul":
        return valid[:position] + b"\x00" + valid[position:]
    if kind == "truncate":
        return valid[:position]
    return draw(st.binary(max_size=200))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
