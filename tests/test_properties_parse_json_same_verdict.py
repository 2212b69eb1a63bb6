"""Property: ``parse_json`` gives the value or the error a plain reference parser gives,
key by key and level by level, on JSON texts with repeated keys and deep nesting."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.errors import InputError
from harness.files import json_depth, parse_json

# few keys, so objects often repeat one
keys = st.sampled_from(["a", "b", "c", "a:b", "\u00e9"])
scalars = st.none() | st.booleans() | st.integers(-5, 5) | st.floats(-2, 2) | st.text(max_size=4)
# an object is a list of pairs, so a key may come twice
trees = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.tuples(st.lists(st.tuples(keys, children), max_size=4)),
    max_leaves=30,
)


def render(tree) -> str:
    if isinstance(tree, tuple):
        [pairs] = tree
        return "{" + ", ".join(f"{json.dumps(key)}: {render(value)}" for key, value in pairs) + "}"
    if isinstance(tree, list):
        return "[" + ", ".join(render(item) for item in tree) + "]"
    return json.dumps(tree)


def reference(text: str, max_depth: int):
    """What parse_json answered before it was made faster: a Python hook per object, a recursive depth."""
    def pairs_hook(pairs):
        found = {}
        for key, value in pairs:
            if key in found:
                raise ValueError(f"duplicate key {key!r}")
            found[key] = value
        return found

    def depth(node) -> int:
        if isinstance(node, dict):
            return 1 + max(map(depth, node.values()), default=0)
        if isinstance(node, list):
            return 1 + max(map(depth, node), default=0)
        return 0

    try:
        value = json.loads(text, object_pairs_hook=pairs_hook)
    except ValueError as exc:
        return "error", f"invalid JSON: {exc}"
    if depth(value) > max_depth:
        return "error", f"JSON nested {depth(value)} levels deep"
    return "value", value


def verdict(text: str, max_depth: int):
    try:
        return "value", parse_json(text, "f.json", max_depth=max_depth)
    except InputError as exc:
        return "error", str(exc)


@settings(max_examples=400)
@given(tree=trees, max_depth=st.integers(1, 6))
def test_parse_json_answers_as_the_reference_does(tree, max_depth):
    text = render(tree)
    expected, found = reference(text, max_depth), verdict(text, max_depth)
    assert found[0] == expected[0]
    if expected[0] == "value":
        assert found[1] == expected[1] and json_depth(found[1]) <= max_depth
    else:
        assert expected[1] in found[1]


@pytest.mark.parametrize("text, levels", [("1", 0), ("[]", 1), ("{}", 1), ('{"a": [[{"b": []}]]}', 5),
                                          ("[[1, [2, [{}]]], 3]", 5), ('[{"a": {"b": {}}}, [[]]]', 4)])
def test_depth_by_hand(text, levels):
    assert json_depth(json.loads(text)) == levels


def same_with_types(left, right) -> bool:
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return list(left) == list(right) and all(same_with_types(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(same_with_types, left, right))
    return left == right or left != left  # NaN cannot come from parse_json, but compare it as equal anyway


@settings(max_examples=200)
@given(first=trees, second=trees)
def test_sharing_values_between_files_changes_no_value_and_no_type(first, second):
    # 1, 1.0 and True are equal as dict keys: a shared 1 must not turn into True or 1.0
    shared: dict = {}
    for tree in (first, second, [1, 1.0, True, {"a": 1.0}, {"a": True}, {"a": 1}, {"b": "1"}]):
        text = render(tree)
        plain = verdict(text, 64)
        try:
            found = "value", parse_json(text, "f.json", shared=shared)
        except InputError as exc:
            found = "error", str(exc)
        assert found[0] == plain[0] and (found[0] == "error" or same_with_types(found[1], plain[1]))


def test_shared_strings_and_integers_are_one_object_across_files():
    shared: dict = {}
    first = parse_json('{"type": "PERSON", "start": 1234, "flag": true}', "a.json", shared=shared)
    second = parse_json('{"type": "PERSON", "start": 1234, "flag": 1}', "b.json", shared=shared)
    assert first["type"] is second["type"] and first["start"] is second["start"]
    assert first["flag"] is True and type(second["flag"]) is int
