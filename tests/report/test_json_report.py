"""report.json: valid under its schema, with the stable keys CI reads."""

from __future__ import annotations

import copy

import pytest

from harness.errors import ValidationFailed
from harness.files import write_json_atomic
from harness.model import CATEGORIES
from harness.report import load_report
from harness.schemas import schema_problems


def test_the_report_is_valid_under_its_schema(sample_report):
    assert schema_problems("report", sample_report, "report.json") == []


def test_each_scored_category_has_the_stable_keys(sample_report):
    for entry in sample_report["adapters"].values():
        for category, score in entry["scores"].items():
            assert category in CATEGORIES
            assert {"precision", "recall", "f1", "tp", "fp", "fn", "ci95"} <= set(score)


def test_a_category_the_adapter_does_not_predict_is_absent(sample_report):
    assert set(sample_report["adapters"]["spacy"]["scores"]) == {"entities"}


def test_metadata_names_gold_adapters_and_every_error(sample_report, example_corpus):
    assert sample_report["gold"]["fingerprint"] == example_corpus.fingerprint
    assert sample_report["adapters"]["rules"]["fingerprint"] == "a" * 64
    assert [(e["adapter"], e["stage"]) for e in sample_report["errors"]] == [("spacy", "extract")]
    assert sample_report["status"] == "errors"
    assert sample_report["adapters"]["spacy"]["status"] == "errors"
    assert sample_report["adapters"]["spacy"]["documents"]["failed"] == 1


def test_load_report_names_the_bad_field(tmp_path, sample_report):
    broken = copy.deepcopy(sample_report)
    broken["adapters"]["rules"]["scores"]["entities"]["f1"] = "high"
    path = tmp_path / "report.json"
    write_json_atomic(path, broken)
    with pytest.raises(ValidationFailed) as caught:
        load_report(path)
    assert "/adapters/rules/scores/entities/f1" in str(caught.value)


@pytest.mark.parametrize("count, unit", [(1, "items"), (4, "items"), (5, "documents")])
def test_every_interval_states_its_method_and_documents(scored_report, count, unit):
    report = scored_report(count)
    assert schema_problems("report", report, "report.json") == []
    interval = report["adapters"]["rules"]["scores"]["entities"]["interval"]
    assert (interval["unit"], interval["documents"], interval["optimistic"]) == (unit, count, unit == "items")
    assert (interval["warning"] is not None) == (unit == "items") and interval["min_documents"] == 5


def test_an_interval_without_its_method_fields_is_refused(scored_report):
    report = scored_report(1)
    del report["adapters"]["rules"]["scores"]["entities"]["interval"]["documents"]
    problems = schema_problems("report", report, "report.json")
    assert problems and "documents" in str(problems[0])
