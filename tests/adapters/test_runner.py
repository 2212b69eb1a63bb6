"""run_extractor: output validated, faults captured, never raised."""

import json

import pytest

from harness.adapters import BaseExtractor, ExtractionError, run_extractor
from harness.model import Document
from harness.predictions import PredictedEntity, PredictedFigure, Predictions
from harness.values import Pair

DOC = Document("d1", "Anna met Bob in Paris.")


class Fixed(BaseExtractor):
    name = "fixed"

    def __init__(self, output):
        super().__init__()
        self.output = output

    def extract(self, document):
        if isinstance(self.output, Exception):
            raise self.output
        return self.output


def test_valid_predictions_pass_through():
    predictions = Predictions("d1", entities=(PredictedEntity("Paris", "GPE", 16, 21),))
    outcome = run_extractor(Fixed(predictions), DOC)
    assert outcome.ok and outcome.predictions == predictions and outcome.seconds >= 0


def test_a_dict_is_validated_and_converted():
    outcome = run_extractor(Fixed({"doc_id": "d1", "entities": [{"text": "Anna", "type": "PERSON"}]}), DOC)
    assert outcome.predictions.entities[0].text == "Anna"


def test_schema_failure_is_an_error_with_the_pointer():
    outcome = run_extractor(Fixed({"doc_id": "d1", "figures": [{"text": "3", "value": "three"}]}), DOC)
    assert outcome.error["kind"] == "invalid-output"
    assert outcome.error["pointer"] == "/figures/0/value"
    assert outcome.error["adapter"] == "fixed" and outcome.error["doc_id"] == "d1"


def test_offsets_past_the_text_are_an_error():
    outcome = run_extractor(Fixed({"doc_id": "d1", "entities": [{"text": "x", "type": "ORG", "start": 20, "end": 99}]}), DOC)
    assert outcome.error["pointer"] == "/entities/0" and "run past the end" in outcome.error["message"]


def test_doc_id_mismatch_is_recorded():
    outcome = run_extractor(Fixed({"doc_id": "other"}), DOC)
    assert outcome.error["kind"] == "doc-id-mismatch" and "'other'" in outcome.error["message"]


def test_an_exception_becomes_an_error_with_its_type():
    outcome = run_extractor(Fixed(KeyError("boom")), DOC)
    assert outcome.error["kind"] == "exception" and outcome.error["exception"] == "KeyError"
    assert "boom" in outcome.error["message"] and "traceback" in outcome.error


def test_an_extraction_error_keeps_kind_raw_and_stderr():
    fault = ExtractionError("timeout", "too slow", raw="x" * 10_000, stderr_tail="last words")
    outcome = run_extractor(Fixed(fault), DOC)
    assert outcome.error["kind"] == "timeout" and outcome.error["stderr_tail"] == "last words"
    assert len(outcome.error["raw"]) < 4100  # truncated, saying how much was cut
    assert "more characters" in outcome.error["raw"]


def test_a_wrong_return_type_is_an_error():
    outcome = run_extractor(Fixed(["not", "a", "dict"]), DOC)
    assert outcome.error["kind"] == "invalid-output" and "list" in outcome.error["message"]


@pytest.mark.parametrize("score", [float("nan"), float("inf"), float("-inf")])
def test_a_typed_score_that_is_not_finite_is_an_error_naming_the_item_and_the_value(score):
    predictions = Predictions("d1", entities=(PredictedEntity("Anna", "PERSON", 0, 4),
                                              PredictedEntity("Paris", "GPE", 16, 21, score=score)))
    outcome = run_extractor(Fixed(predictions), DOC)
    assert outcome.error["kind"] == "invalid-output" and outcome.error["doc_id"] == "d1"
    assert outcome.error["pointer"] == "/entities/1/score"
    assert repr(score) in outcome.error["message"]
    json.dumps(outcome.error, allow_nan=False)  # the error record itself can be written


@pytest.mark.parametrize("value", [float("nan"), float("inf"), (1.0, float("-inf")), Pair(2, float("nan"))])
def test_a_figure_value_that_is_not_finite_is_an_error(value):
    predictions = Predictions("d1", figures=(PredictedFigure("Paris", 16, 21, value=value, has_value=True),))
    outcome = run_extractor(Fixed(predictions), DOC)
    assert outcome.error["kind"] == "invalid-output"
    assert outcome.error["pointer"].startswith("/figures/0/value")
