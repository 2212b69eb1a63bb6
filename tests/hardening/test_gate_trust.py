"""A gate that a broken adapter cannot pass: n/a is not 1.0, a failed adapter fails, other gold is refused.

Every test drives the real CLI in a project folder with the example gold,
and command adapters that are real programs.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from click.testing import CliRunner

from harness.cli import cli
from harness.gold import load_gold
from harness.predictions import Predictions
from harness.scoring import evaluate

# predicts nothing on documents whose id ends in "-copy" by failing, and no quotes anywhere
HALF_BROKEN = (
    "import json, sys\n"
    "document = json.load(sys.stdin)\n"
    "if document['doc_id'].endswith('-copy'):\n"
    "    sys.exit('cannot read ' + document['doc_id'])\n"
    "print(json.dumps({'quotes': []}))\n"
)


def _invoke(*args: str):
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})


def _configure(project: Path, example_gold_dir: Path, tables: str, *, copies: int = 0) -> Path:
    gold = project / "gold"
    shutil.copytree(example_gold_dir, gold)
    for number in range(copies):
        source = next((gold / "annotations").glob("*.json"))
        annotations = json.loads(source.read_text())
        new_id = f"{annotations['doc_id']}-{number}-copy"
        shutil.copy(gold / "documents" / f"{annotations['doc_id']}.txt", gold / "documents" / f"{new_id}.txt")
        annotations["doc_id"] = new_id
        (gold / "annotations" / f"{new_id}.json").write_text(json.dumps(annotations))
    (project / "half.py").write_text(HALF_BROKEN)
    with (project / "pyproject.toml").open("a") as handle:
        handle.write(tables)
    return gold


def test_an_agreement_rate_over_zero_items_is_not_applicable_not_one(example_gold_dir):
    corpus = load_gold(example_gold_dir)
    nothing = {a.document.id: Predictions(a.document.id, quotes=()) for a in corpus}
    attribution = evaluate(corpus, nothing).categories["quotes"].subscores["attribution"]
    assert (attribution.precision, attribution.recall, attribution.f1) == (None, None, None)
    assert attribution.to_dict()["rate"] is None


def test_the_false_adapter_fails_a_gate_on_its_attribution_instead_of_passing_at_one(project, example_gold_dir):
    _configure(project, example_gold_dir,
               '[tool.harness.adapters.broken]\nadapter = "command"\nargv = ["false"]\ncategories = ["quotes"]\n'
               '[tool.harness.gate]\n"broken.quotes.attribution.f1" = 0.5\n')
    result = _invoke("gate", "--run")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    [at] = [i for i, line in enumerate(lines) if "broken.quotes.attribution.f1" in line]
    reason = " ".join(line.strip() for line in lines[at + 1:] if line.startswith(" "))  # indented below it
    assert lines[at].startswith("FAIL") and "1 error(s)" in reason and "failed on 1 of 1 document(s)" in reason
    report = json.loads((project / "reports" / "latest" / "report.json").read_text())
    assert report["adapters"]["broken"]["status"] == "failed"


def test_a_gate_on_a_rate_over_zero_items_fails_saying_why(project, example_gold_dir):
    # a program that runs cleanly and predicts no quotes: nothing to attribute
    (project / "none.py").write_text("import json, sys\njson.load(sys.stdin)\nprint(json.dumps({'quotes': []}))\n")
    _configure(project, example_gold_dir,
               f'[tool.harness.adapters.silent]\nadapter = "command"\nargv = ["{Path(sys.executable).as_posix()}", '
               '"none.py"]\ncategories = ["quotes"]\n'
               '[tool.harness.gate]\n"silent.quotes.attribution.f1" = 0.0\n')
    result = _invoke("gate", "--run")
    assert result.exit_code == 1, result.output
    assert "FAIL" in result.output and "not applicable" in result.output and "0 of 0" in result.output
    report = json.loads((project / "reports" / "latest" / "report.json").read_text())
    assert report["adapters"]["silent"]["scores"]["quotes"]["subscores"]["attribution"]["f1"] is None
    shown = _invoke("run", "--adapters", "silent").output
    [row] = [line for line in shown.splitlines() if "attribution" in line]
    assert "n/a" in row and "1.00" not in row and "(0/0)" not in row


def test_an_adapter_that_failed_on_one_document_fails_every_check_naming_it(project, example_gold_dir):
    _configure(project, example_gold_dir,
               f'[tool.harness.adapters.half]\nadapter = "command"\nargv = ["{Path(sys.executable).as_posix()}", '
               '"half.py"]\ncategories = ["quotes"]\n'
               '[tool.harness.gate]\n"half.quotes.recall" = 0.0\n"half.quotes.attribution.f1" = 0.0\n',
               copies=1)
    result = _invoke("gate", "--run")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith(("PASS", "FAIL"))]
    assert len(starts) == 2 and all(lines[i].startswith("FAIL") for i in starts)
    for at, end in zip(starts, starts[1:] + [len(lines)]):
        reason = " ".join(line.strip() for line in lines[at + 1:end] if line.startswith(" "))  # indented below
        assert "failed on 1 of 2 document(s) (1 error(s))" in reason


def test_a_report_made_from_other_gold_is_refused_unless_allowed(project, example_gold_dir):
    gold = _configure(project, example_gold_dir, '[tool.harness.gate]\n"oracle.entities.f1" = 0.5\n')
    made = _invoke("run", "--adapters", "oracle")
    assert made.exit_code == 0, made.output
    assert _invoke("gate").exit_code == 0
    path = gold / "annotations" / "example-harbour-tech.json"
    annotations = json.loads(path.read_text())
    annotations["metadata"]["source"] = "Another Wire"  # the gold changed since the report was made
    path.write_text(json.dumps(annotations))
    refused = _invoke("gate")
    assert refused.exit_code == 2 and "other gold" in refused.output and "--allow-other-gold" in refused.output
    assert "Traceback" not in refused.output
    allowed = _invoke("gate", "--allow-other-gold")
    assert allowed.exit_code == 0, allowed.output

