"""Figure scoring: a hit needs overlapping spans and an equal value.

Headline: **span + value**. A prediction matches a gold figure when their
spans overlap (a text-only prediction is grounded first) and the values
agree: within ``figure_tolerance`` (default 1e-9), or ``approximate_tolerance``
(default 0.1) when the gold figure has an approximation qualifier ("nearly",
"some"), both relative to the gold value: ``|gold − predicted| ≤ tolerance ·
|gold|``, so 179 and 221 are alike around a gold 200. A gold range ``[low,
high]`` matches any value inside it, and an equal range; a gold ``Pair``
("2-0") an equal pair in the same order. A gold figure without a value
matches a prediction without one. When a prediction gives no ``value`` it is
read from its text ("nine million", "a dozen"). A percentage is the number
written (gold "40%" is 40); ``percent_as_fraction`` also accepts 0.4.

Sub-scores: ``span`` (overlap alone, its own maximum matching),
``value_agreement`` (rate of equal values among span matches) and
``unit_agreement`` (rate of equal units among headline hits; units are
compared lowercased and singular, a missing unit equals a missing unit).
"""

from __future__ import annotations

from typing import Sequence

from ..model import Annotations, Figure
from ..predictions import PredictedFigure
from ..values import parse_number, value_in
from .grounding import false_alarm_status, final_places, match_placements, placements
from .options import ScoringOptions
from .outcomes import DocumentCategory, ItemOutcome, Leakage, ranked_predictions
from .score import Counts

_IRREGULAR = {"people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
              "servicemen": "serviceman", "servicewomen": "servicewoman"}
# one spelling per unit that news writes several ways ("22C", "22 degrees Celsius", "22°C")
_SAME_UNIT = {"°c": "°c", "c": "°c", "celsius": "°c", "centigrade": "°c", "degree celsius": "°c",
              "degrees celsius": "°c", "degrees c": "°c", "°f": "°f", "f": "°f", "fahrenheit": "°f",
              "degree fahrenheit": "°f", "degrees fahrenheit": "°f", "degrees f": "°f",
              "%": "percent", "per cent": "percent", "percentage": "percent", "pct": "percent"}


def normalize_unit(unit: str | None) -> str | None:
    """A unit lowercased and in the singular ("Drones" -> "drone", "people" -> "person", "Celsius" -> "°c")."""
    if unit is None or not unit.strip():
        return None
    word = " ".join(unit.lower().split())
    if word in _SAME_UNIT:
        return _SAME_UNIT[word]
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def predicted_value(prediction: PredictedFigure):
    """The prediction's value, read from its text when it gave none."""
    if prediction.has_value or prediction.value is not None:
        return prediction.value
    return parse_number(prediction.text)


def values_agree(gold: Figure, value, options: ScoringOptions) -> bool:
    """True when a predicted ``value`` agrees with the gold figure's, the tolerance relative to the gold value."""
    if gold.value is None:
        return value is None
    tolerance = max(options.approximate_tolerance if gold.approximation else 0.0, options.figure_tolerance)
    if value_in(value, gold.value, tolerance):
        return True
    # the same share written as a fraction: gold "40%" = 40, predicted 0.4
    return options.percent_as_fraction and normalize_unit(gold.unit) == "percent" \
        and isinstance(value, (int, float)) and not isinstance(value, bool) and value_in(value * 100, gold.value, tolerance)


def score_figures(annotations: Annotations, predictions: Sequence[PredictedFigure],
                  options: ScoringOptions) -> DocumentCategory:
    """Score one document's figure predictions (see the module docstring)."""
    document = annotations.document
    gold = sorted(annotations.figures, key=lambda f: (f.span.start, f.span.end, f.id))
    gold_spans = [(f.span.start, f.span.end) for f in gold]
    placed = placements(document, predictions, lambda p: (p.text, p.start, p.end))
    values = [predicted_value(p.prediction) for p in placed]

    distance = lambda g, p, span: (abs(gold_spans[g][0] - span[0]) + abs(gold_spans[g][1] - span[1]),)
    agreement: dict[tuple[int, int], bool] = {}  # both matchings and the sub-score ask about the same pairs

    def agree(g: int, p: int) -> bool:
        if (g, p) not in agreement:
            agreement[(g, p)] = values_agree(gold[g], values[p], options)
        return agreement[(g, p)]

    matched = match_placements(document, gold_spans, placed, lambda g, p, span: 0 if agree(g, p) else None, 1,
                               distance)
    # the span sub-score: overlap alone, preferring pairs whose values agree
    span_matched = match_placements(document, gold_spans, placed, lambda g, p, span: 0, 1,
                                    lambda g, p, span: (not agree(g, p), *distance(g, p, span)))
    hits = {g: (p, stage) for g, (p, stage, _) in matched.items()}
    span_pairs = {g: (p, stage) for g, (p, stage, _) in span_matched.items()}
    predicted_spans = final_places(document, gold_spans, placed, matched)
    predicted = [placement.prediction for placement in placed]
    grounded = [p for p, place in enumerate(predicted_spans) if place is not None]
    ungrounded = [predicted[p] for p, place in enumerate(predicted_spans) if place is None]

    items: list[ItemOutcome] = []
    units_equal = 0
    matched_predictions = set()
    for g, (p, _) in sorted(hits.items()):
        matched_predictions.add(p)
        same_unit = normalize_unit(gold[g].unit) == normalize_unit(predicted[p].unit)
        units_equal += same_unit
        items.append(ItemOutcome("tp", "figures", gold[g].unit, gold[g].span, document.span(*predicted_spans[p]),
                                 f"value {values[p]!r} right; unit {'right' if same_unit else 'wrong'}",
                                 predicted[p].score))
    for g, figure in enumerate(gold):
        if g not in hits:
            near = span_pairs.get(g)
            why = f"value {values[near[0]]!r} given, gold {figure.value!r}" if near else "missed"
            items.append(ItemOutcome("fn", "figures", figure.unit, figure.span, None, f"figure {why}"))
    for p in grounded:
        if p not in matched_predictions:
            prediction = predicted[p]
            located = document.span(*predicted_spans[p])
            items.append(ItemOutcome(false_alarm_status(document, located), "figures", prediction.unit, None,
                                     located, f"no gold figure with value {values[p]!r} here", prediction.score))
    for prediction in ungrounded:
        items.append(ItemOutcome("fp", "figures", prediction.unit, None, None,
                                 f"not found in the text: {prediction.text!r}", prediction.score))

    total_predicted = len(placed)
    value_equal = sum(1 for g, (p, _) in span_pairs.items() if agree(g, p))
    subscores = {
        "span": Counts(len(span_pairs), total_predicted - len(span_pairs), len(gold) - len(span_pairs)),
        "value_agreement": Counts.agreement(value_equal, len(span_pairs)),
        "unit_agreement": Counts.agreement(units_equal, len(hits)),
    }
    in_boilerplate = sum(1 for p in grounded if document.in_boilerplate(*predicted_spans[p]))
    leakage = Leakage(len(grounded), in_boilerplate, sum(1 for i in items if i.status == "boilerplate"))
    return DocumentCategory("figures", tuple(items), subscores, ("value_agreement", "unit_agreement"), {},
                            leakage, len(ungrounded), ranked_predictions(items, predicted))
