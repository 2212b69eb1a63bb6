"""Figure scoring: span and value, tolerance for approximate gold, parsing text, unit agreement."""

from harness.predictions import PredictedFigure, Predictions
from harness.scoring import ScoringOptions, evaluate


def figures(corpus, annotations, *predicted, **options):
    record = Predictions(annotations.doc_id, figures=tuple(predicted))
    return evaluate(corpus, {annotations.doc_id: record}, ScoringOptions(resamples=20, **options)).categories["figures"]


def test_value_is_read_from_the_text_when_not_given(example_corpus, example_annotations):
    result = figures(example_corpus, example_annotations, PredictedFigure("two men", unit="men"))
    assert result.tp == 1 and result.subscores["unit_agreement"].rate == 1.0


def test_wrong_value_on_the_right_span_is_a_miss(example_corpus, example_annotations):
    result = figures(example_corpus, example_annotations, PredictedFigure("two men", value=3.0, has_value=True))
    assert (result.tp, result.fp) == (0, 1)
    assert result.subscores["span"].tp == 1 and result.subscores["value_agreement"].rate == 0.0


def test_approximate_gold_allows_the_wider_tolerance(example_corpus, example_annotations):
    near = PredictedFigure("nearly 200 engineers", value=190.0, has_value=True)
    assert figures(example_corpus, example_annotations, near).tp == 1
    assert figures(example_corpus, example_annotations, near, approximate_tolerance=0.01).tp == 0
    exact_gold = PredictedFigure("two men", value=2.1, has_value=True)
    assert figures(example_corpus, example_annotations, exact_gold).tp == 0


def test_boilerplate_figure_is_leakage(example_corpus, example_annotations):
    result = figures(example_corpus, example_annotations, PredictedFigure("12 startups"))
    assert result.fp == 1 and result.leakage.false_positives == 1 and result.leakage.share == 1.0
