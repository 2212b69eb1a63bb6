"""The shared helpers of user-facing errors: suggestions, the order of JSON pointers, problems as strict JSON."""

import pytest

from harness.errors import closest, did_you_mean, document_order


def test_did_you_mean_finds_the_closest_ignoring_case():
    assert did_you_mean("PERSN", ["PERSON", "ORG"]) == " Did you mean 'PERSON'?"
    assert did_you_mean("person", ["PERSON", "ORG"]) == " Did you mean 'PERSON'?"


def test_did_you_mean_is_silent_when_nothing_is_close_or_the_word_is_right():
    assert did_you_mean("xyz", ["PERSON", "ORG"]) == ""
    assert did_you_mean("ORG", ["PERSON", "ORG"]) == ""
    assert closest("spacyy", ["rules", "spacy"]) == "spacy"


def test_document_order_compares_indices_as_numbers():
    document = {"b": [0] * 101, "a": 1}
    pointers = ["/b/100", "/a", "/b/10", "/b/0", "", "/b/1"]
    assert sorted(pointers, key=document_order(document)) == ["", "/b/0", "/b/1", "/b/10", "/b/100", "/a"]


def test_document_order_puts_missing_keys_after_present_ones():
    document = {"z": 1, "y": 2}
    assert sorted(["/missing", "/y", "/z"], key=document_order(document)) == ["/z", "/y", "/missing"]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_problem_with_a_value_json_cannot_hold_still_writes_as_strict_json(value):
    import json

    from harness.errors import Problem

    problem = Problem("p.jsonl", "/figures/0/value", "is not a number JSON can hold", value, "give a finite number")
    written = json.dumps(problem.to_dict(), allow_nan=False)
    assert json.loads(written)["value"] == repr(value)
