"""Figures per unit for ``--per-type``: derived from the figure scorer's own items, adding up to its counts."""

from __future__ import annotations

import dataclasses

from harness.predictions import PredictedFigure, from_gold
from harness.report.figure_units import NO_UNIT, figure_unit_counts, with_figure_units
from harness.scoring import Counts, ScoringOptions, evaluate

DOC = "example-harbour-tech"


def _result(example_corpus, figures):
    predicted = dataclasses.replace(from_gold(example_corpus[DOC]), figures=tuple(figures))
    return evaluate(example_corpus, {DOC: predicted}, ScoringOptions(resamples=20))


def test_hits_and_misses_count_under_the_gold_unit_and_false_alarms_under_the_predicted_one(example_corpus):
    # gold: "nearly 200 engineers" (engineer), "two men" (man); "12 startups" sits in the boilerplate
    result = _result(example_corpus, [PredictedFigure("two men", value=2, unit="Men", has_value=True),
                                      PredictedFigure("12 startups", value=12, unit="startups", has_value=True),
                                      PredictedFigure("March", value=None)])
    assert figure_unit_counts(result) == {"engineer": Counts(0, 0, 1), "man": Counts(1, 0, 0),
                                          "startup": Counts(0, 1, 0), NO_UNIT: Counts(0, 1, 0)}
    headline = result.categories["figures"]
    total = sum(figure_unit_counts(result).values(), Counts())
    assert (total.tp, total.fp, total.fn) == (headline.tp, headline.fp, headline.fn)


def test_the_report_gets_figure_units_only_where_it_has_no_per_type(example_corpus):
    result = _result(example_corpus, [PredictedFigure("two men", value=2, unit="men", has_value=True)])
    report = {"adapters": {"a": {"scores": {"figures": {"f1": 0.5, "per_type": {}}}},
                           "b": {"scores": {"figures": {"per_type": {"kept": {"f1": 1.0}}}}},
                           "c": {"status": "failed", "scores": {}}}}
    shown = with_figure_units(report, {"a": result, "b": result, "c": None})
    per_unit = shown["adapters"]["a"]["scores"]["figures"]["per_type"]
    assert (per_unit["man"]["tp"], per_unit["man"]["f1"]) == (1, 1.0)
    assert (per_unit["engineer"]["fn"], per_unit["engineer"]["recall"]) == (1, 0.0)
    assert shown["adapters"]["b"]["scores"]["figures"]["per_type"] == {"kept": {"f1": 1.0}}
    assert report["adapters"]["a"]["scores"]["figures"]["per_type"] == {}  # the report itself is unchanged
