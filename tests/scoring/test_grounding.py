"""Grounding: text-only predictions placed with the matching, at number boundaries, body before boilerplate."""

from harness.model import Annotations, Entity, Figure, Mention, Quote
from harness.predictions import PredictedEntity, PredictedFigure, PredictedQuote

from .builders import counts, document, figure_gold, score_category


def test_offset_predictions_do_not_steer_text_only_ones_by_list_order():
    text = "5 tanks. Then 12 drones and 5 tanks came."
    gold = figure_gold(text, [("12 drones", 12.0, 0), ("5 tanks", 5.0, 1)])
    twelve = text.index("12")
    drones, second_five = text.index("drones"), text.index("5", twelve)
    at_twelve = PredictedFigure("12", twelve, twelve + 2, 12.0, has_value=True)
    across = PredictedFigure(text[drones:second_five + 1], drones, second_five + 1, 3.0, has_value=True)
    tanks = PredictedFigure("5 tanks", value=5.0, has_value=True)
    assert counts(score_category(gold, "figures", [at_twelve, across, tanks])) == (2, 1, 0)
    assert counts(score_category(gold, "figures", [across, at_twelve, tanks])) == (2, 1, 0)


def test_a_number_does_not_ground_inside_a_larger_number():
    text = "The fund lost 5.5 million dollars and 5 people left."
    gold = figure_gold(text, [("5.5 million", 5.5e6, 0), ("5", 5.0, 2)])
    predicted = [PredictedFigure("5", value=5.0, has_value=True),
                 PredictedFigure("5.5 million", value=5.5e6, has_value=True)]
    assert counts(score_category(gold, "figures", predicted)) == (2, 0, 0)


def test_a_thousands_separator_is_inside_the_number():
    text = "About 1,000 came, then 1 left."
    gold = figure_gold(text, [("1,000", 1000.0, 0), ("1", 1.0, 1)])
    predicted = [PredictedFigure("1", value=1.0, has_value=True), PredictedFigure("1,000", value=1000.0, has_value=True)]
    assert counts(score_category(gold, "figures", predicted)) == (2, 0, 0)


def test_text_only_prediction_grounds_in_the_body_before_boilerplate_whatever_the_case():
    text = "APPLE cut prices. Related: Apple unveils phone"
    doc = document(text, boilerplate_from=text.index("Related"))
    gold = Annotations(doc, entities=(Entity("E0", "ORG", "Apple", (Mention(0, 5, "APPLE"),)),))
    result = score_category(gold, "entities", [PredictedEntity("Apple", "ORG")])
    assert counts(result) == (1, 0, 0)


def test_text_only_quote_grounds_in_the_body_before_boilerplate_whatever_the_quote_style():
    text = "He said \u201cwe will rebuild\u201d. Related: 'We will rebuild' says mayor"
    doc = document(text, boilerplate_from=text.index("Related"))
    start = text.index("we will")
    gold = Annotations(doc, quotes=(Quote("Q0", doc.span(start, start + len("we will rebuild")), "direct"),))
    result = score_category(gold, "quotes", [PredictedQuote("We will rebuild")])
    assert counts(result) == (1, 0, 0)


def test_a_prediction_mostly_in_boilerplate_is_a_false_positive_even_on_body_gold():
    text = "Acme Corp rose. Related: Corp news of the week"
    boundary = text.index("Related")
    doc = document(text, boilerplate_from=boundary)
    gold = Annotations(doc, entities=(Entity("E0", "ORG", "Acme Corp", (Mention(0, 9, "Acme Corp"),)),))
    start = text.index("Corp")  # "Corp rose. " in the body, "Related: Corp news of the week" in boilerplate
    mostly = PredictedEntity(text[start:], "ORG", start, len(text))
    result = score_category(gold, "entities", [mostly])
    assert counts(result) == (0, 1, 1)
    assert result.leakage.false_positives == 1
    assert result.subscores["type"].tp == 0  # not even a type match: boilerplate is never matched


def test_a_figure_mostly_in_boilerplate_does_not_match_body_gold():
    text = "12 drones. Related: twelve more drones were seen"
    doc = document(text, boilerplate_from=text.index("Related"))
    gold = Annotations(doc, figures=(Figure("F0", doc.span(0, 9), 12.0),))
    start = text.index("drones")
    mostly = PredictedFigure(text[start:], start, len(text), 12.0, has_value=True)
    result = score_category(gold, "figures", [mostly])
    assert counts(result) == (0, 1, 1)
    assert result.leakage.false_positives == 1
