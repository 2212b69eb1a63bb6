"""Aggregation: macro averages over the types that have gold or predictions."""

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
