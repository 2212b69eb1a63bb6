"""Offsets are whole numbers: 12.0 is a schema error at its pointer, in gold and in predictions, never a TypeError."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest
from click.testing import CliRunner

from harness.cli import cli
from harness.config import HarnessConfig
from harness.gold import check_gold, load_gold
from harness.predictions import prediction_problems
from harness.run import RunOptions, build_adapters, run_evaluation

from .builders import simple_document, write_gold

TEXT = "Acme Corp hired Jane Doe in Berlin.\n"
NAMES = {"Acme Corp": "ORG", "Jane Doe": "PERSON"}
NOT_WHOLE = (9.0, 9.5, 1e1)


def _invoke(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def _gold(folder, change):
    gold = write_gold(folder / "gold", [simple_document("doc-1", TEXT, NAMES)])
    path = gold / "annotations" / "doc-1.json"
    raw = json.loads(path.read_text())
    change(raw)
    path.write_text(json.dumps(raw))
    return gold


@pytest.mark.parametrize("value", NOT_WHOLE)
@pytest.mark.parametrize("where, change", [
    ("/entities/0/mentions/0/end", lambda raw, v: raw["entities"][0]["mentions"][0].update(end=v)),
    ("/entities/0/mentions/0/start", lambda raw, v: raw["entities"][0]["mentions"][0].update(start=v)),
    ("/regions/0/end", lambda raw, v: raw["regions"][0].update(end=v)),
])
def test_a_gold_offset_that_is_not_an_integer_is_a_schema_problem(project, where, change, value):
    gold = _gold(project, lambda raw: change(raw, value))
    problems = check_gold([gold]).problems
    assert [p.pointer for p in problems] == [where]
    assert "integer" in problems[0].message
    result = _invoke("validate", str(gold))
    assert result.exit_code == 1 and f"doc-1.json#{where}" in result.output


@pytest.mark.parametrize("value", NOT_WHOLE)
def test_a_predicted_offset_that_is_not_an_integer_is_a_schema_problem(value):
    record = {"doc_id": "doc-1", "entities": [{"text": "Acme Corp", "type": "ORG", "start": 0, "end": value}]}
    assert [p.pointer for p in prediction_problems(record, "p.json")] == ["/entities/0/end"]


def test_score_on_predictions_with_a_float_offset_is_a_clear_error(project):
    gold = write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)])
    (project / "p.jsonl").write_text(json.dumps(
        {"doc_id": "doc-1", "entities": [{"text": "Acme Corp", "type": "ORG", "start": 0, "end": 9.0}]}) + "\n")
    result = _invoke("score", str(gold), "p.jsonl")
    assert result.exit_code != 0 and "p.jsonl" in result.output and "/entities/0/end" in result.output


def test_an_adapter_printing_a_float_offset_fails_that_document_at_extraction(project):
    (project / "extract.py").write_text(textwrap.dedent('''
        import json, sys
        json.load(sys.stdin)
        print('{"entities": [{"text": "Acme Corp", "type": "ORG", "start": 0, "end": 9.0}]}')
    '''))
    corpus = load_gold(write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)]))
    config = HarnessConfig(None, {"adapters": {"cmd": {"adapter": "command", "categories": ["entities"],
                                                       "argv": [sys.executable, str(project / "extract.py")]}}})
    run = run_evaluation(corpus, build_adapters(["cmd"], config, corpus), options=RunOptions(("cmd",)))
    (error,) = run.errors
    assert (error.doc_id, error.stage, error.kind) == ("doc-1", "extract", "invalid-output")
    assert "/entities/0/end" in error.message
