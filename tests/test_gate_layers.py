"""The gate on partial gold: a check on a layer no gold document is annotated for fails as not applicable.

Like a sub-score over zero items, a layer with no gold has nothing to check,
so the check can never pass; it fails saying why, not as a configuration error.
"""

from __future__ import annotations

import pytest

from harness.config import parse_config
from harness.errors import ConfigError
from harness.gate import check_names, evaluate_gate, not_applicable, parse_gate_config

GATE = '[tool.harness.gate]\n"rules.entities.f1" = 0.5\n"rules.quotes.f1" = 0.5\n'


def _report(layers_per_document: list[list[str]] | None) -> dict:
    entities = {"precision": 0.8, "recall": 0.8, "f1": 0.8, "tp": 4, "fp": 1, "fn": 1, "ci95": None, "subscores": {}}
    documents = [{"doc_id": f"d{i}", "text_sha256": "0" * 64, **({} if layers is None else {"layers": layers})}
                 for i, layers in enumerate(layers_per_document or [None])]
    return {"gold": {"documents": documents}, "adapters": {"rules": {"status": "ok", "scores": {"entities": entities}}}}


def test_a_layer_no_document_annotates_fails_as_not_applicable():
    report = _report([["entities"], ["entities"]])
    gate = parse_gate_config(parse_config(GATE, None))
    check_names(gate, report, "report.json")
    checks = {c.name: c for c in evaluate_gate(gate, report).checks}
    assert not checks["rules.quotes.f1"].passed and "not applicable" in checks["rules.quotes.f1"].detail
    assert checks["rules.entities.f1"].passed and checks["rules.entities.f1"].detail == ""


def test_a_layer_some_document_annotates_is_still_required():
    report = _report([["entities"], ["entities", "quotes"]])
    assert not not_applicable(report, "quotes")
    with pytest.raises(ConfigError, match="does not predict 'quotes'"):
        check_names(parse_gate_config(parse_config(GATE, None)), report, "report.json")


def test_a_report_without_layers_keeps_the_old_rule():
    assert not not_applicable(_report(None), "quotes")
