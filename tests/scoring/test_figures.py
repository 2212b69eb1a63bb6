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


def test_value_tolerance_is_relative_to_the_gold_value(example_corpus, example_annotations):
    # gold "nearly 200 engineers" at approximate_tolerance 0.1: 180..220 either side alike
    def hit(value):
        predicted = PredictedFigure("nearly 200 engineers", value=value, has_value=True)
        return figures(example_corpus, example_annotations, predicted).tp

    assert hit(221.0) == hit(179.0) == 0
    assert hit(219.0) == hit(181.0) == 1


def one_figure_gold(text, span_text, value, unit=None):
    from harness.model import Annotations, Document, Figure, Region, Span

    start = text.index(span_text)
    document = Document("t", text, regions=(Region(0, len(text), "body"),))
    figure = Figure("F1", Span(start, start + len(span_text), span_text), value, unit, measures="test")
    return [Annotations(document, figures=(figure,))]


def score_one(corpus, *predicted, **options):
    record = Predictions("t", figures=tuple(predicted))
    return evaluate(corpus, {"t": record}, ScoringOptions(resamples=20, **options)).categories["figures"]


def test_a_scoreline_is_read_as_a_pair_in_the_order_written():
    from harness.values import Pair

    corpus = one_figure_gold("The home side won 2-0 on Sunday.", "2-0", Pair(2, 0), "goal")
    assert score_one(corpus, PredictedFigure("2-0")).tp == 1
    assert score_one(corpus, PredictedFigure("2-0", value=Pair(0, 2), has_value=True)).tp == 0
    assert score_one(corpus, PredictedFigure("2-0", value=2.0, has_value=True)).tp == 0


def test_a_percentage_is_the_number_written_unless_fractions_are_allowed():
    corpus = one_figure_gold("Turnout rose to 40% this year.", "40%", 40, "percent")
    as_fraction = PredictedFigure("40%", value=0.4, has_value=True)
    assert score_one(corpus, PredictedFigure("40%")).tp == 1
    assert score_one(corpus, as_fraction).tp == 0
    assert score_one(corpus, as_fraction, percent_as_fraction=True).tp == 1


def test_a_fraction_for_a_count_is_never_a_percentage():
    corpus = one_figure_gold("Police said 40 people were hurt.", "40 people", 40, "person")
    assert score_one(corpus, PredictedFigure("40 people", value=0.4, has_value=True), percent_as_fraction=True).tp == 0


def test_temperature_units_agree_however_written():
    corpus = one_figure_gold("It reached 22C in the afternoon.", "22C", 22, "°C")
    result = score_one(corpus, PredictedFigure("22C", unit="degrees Celsius"))
    assert result.tp == 1 and result.subscores["unit_agreement"].rate == 1.0


def test_a_pair_goes_through_gold_and_prediction_files_and_the_cli(example_gold_copy, tmp_path):
    import json
    import subprocess

    from harness import load_gold
    from harness.serialize import annotations_to_dict
    from harness.values import Pair

    annotation = example_gold_copy / "annotations" / "example-harbour-tech.json"
    raw = json.loads(annotation.read_text())
    raw["figures"][1]["value"] = {"pair": [2, 0]}
    annotation.write_text(json.dumps(raw))
    [gold] = load_gold(example_gold_copy)
    assert gold.figures[1].value == Pair(2, 0)
    assert annotations_to_dict(gold)["figures"][1]["value"] == {"pair": [2, 0]}

    def f1(value):
        predictions = tmp_path / "predictions.json"
        predictions.write_text(json.dumps({"doc_id": "example-harbour-tech",
                                           "figures": [{"text": "two men", "value": value}]}))
        run = subprocess.run(["harness", "score", str(example_gold_copy), str(predictions), "--json", "--resamples", "20"],
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return json.loads(run.stdout)["categories"]["figures"]["tp"]

    assert f1({"pair": [2, 0]}) == 1
    assert f1({"pair": [0, 2]}) == 0
