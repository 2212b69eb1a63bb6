"""Property: whatever JSON is thrown at the loader, it answers with problems, never a crash."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.gold import check_annotation_file
from harness.predictions import prediction_problems

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)

GOLD_KEYS = ["format_version", "doc_id", "text_sha256", "metadata", "regions", "entities", "quotes", "figures", "events"]


def _gold_like():
    # objects with the right keys and arbitrary values reach deeper than random dicts do
    return st.fixed_dictionaries({key: json_values for key in GOLD_KEYS}) | json_values


@settings(max_examples=150)
@given(value=_gold_like())
def test_arbitrary_json_gives_problems_not_exceptions(tmp_path_factory, value):
    folder = tmp_path_factory.mktemp("gold") / "annotations"
    folder.mkdir()
    path = folder / "doc.json"
    path.write_text(json.dumps(value))
    annotations, problems = check_annotation_file(path)
    assert annotations is None
    assert problems and all(p.file == str(path) and p.message for p in problems)


@settings(max_examples=150)
@given(value=json_values | st.fixed_dictionaries({"doc_id": json_values, "entities": json_values, "quotes": json_values}))
def test_arbitrary_predictions_give_problems_or_a_valid_record(value):
    problems = prediction_problems(value, "p.json")
    assert all(p.message for p in problems)
