"""Aggregation: macro averages over the types that have gold or predictions."""

import pytest

from harness.model import Annotations, Quote

from .builders import document, figure_gold, score_category


def test_macro_averages_only_types_with_gold_or_predictions():
    text = "Jane said \u201cwe are ready\u201d today."
    doc = document(text)
    start = text.index("we")
    gold = Annotations(doc, quotes=(Quote("Q0", doc.span(start, start + len("we are ready")), "direct"),))
    result = score_category(gold, "quotes", [])
    assert result.f1 == 0.0
    assert result.macro == {"precision": 0.0, "recall": 0.0, "f1": 0.0}  # only "direct" has gold


def test_a_category_without_types_has_no_macro():
    text = "12 drones came."
    gold = figure_gold(text, [("12 drones", 12.0, 0)])
    result = score_category(gold, "figures", [])
    assert result.macro is None
    assert result.to_dict()["macro"] is None


def test_to_dict_names_the_document_and_item_of_a_type_that_is_not_a_string():
    from harness.errors import HarnessError
    from harness.predictions import PredictedEntity, Predictions
    from harness.scoring import ScoringOptions, evaluate

    from .builders import entity_gold

    text = "Alice met Bob in Paris."
    gold = entity_gold(text, [(0, 5, "PER"), (10, 13, 7)], "d1")
    record = Predictions("d1", entities=(PredictedEntity("Alice", "PER", 0, 5), PredictedEntity("Paris", 3, 17, 22)))
    result = evaluate([gold], {"d1": record}, ScoringOptions(resamples=10))
    assert result.categories["entities"].per_type[7].fn == 1  # scored; only the report cannot key it
    with pytest.raises(HarnessError) as raised:
        result.to_dict()
    assert str(raised.value).startswith("document 'd1': the gold entities item 'Bob' at [10, 13) has type 7 (int), "
                                        "not a string")
    assert "give every entities type, gold and predicted, as a string (such as '7')" in str(raised.value)
    with pytest.raises(HarnessError, match=r"type 7 \(int\) is not a string"):
        result.categories["entities"].to_dict()
