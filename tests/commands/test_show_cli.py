"""`harness show DOC`: one document's items with their outcomes, from the latest report or another run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

DOC = "example-harbour-tech"


def _items(harness, project, *options):
    proc = harness(project, "show", DOC, "--json", *options)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_oracle_hits_every_gold_item(project, harness, report):
    harness(project, "run", "--adapters", "counting,oracle")
    shown = _items(harness, project, "--adapter", "oracle")
    assert shown["items"] and {item["outcome"] for item in shown["items"]} == {"hit"}
    scores = report(project)["adapters"]["oracle"]["scores"]
    gold = json.loads((project / "gold" / "annotations" / f"{DOC}.json").read_text())
    assert len([i for i in shown["items"] if i["category"] == "quotes"]) == len(gold["quotes"])
    assert scores["quotes"]["fn"] == 0


def test_outcomes_agree_with_the_report_counts(project, harness):
    """Over both documents, the items' counts (a loose match listed once counts an fp and an fn) add up
    to the report's tp, fp and fn for the adapter."""
    harness(project, "run", "--adapters", "counting")
    report = json.loads((project / "reports/latest/report.json").read_text())
    entities = report["adapters"]["counting"]["scores"]["entities"]
    totals = {"tp": 0, "fp": 0, "fn": 0}
    for doc in ("example-harbour-tech", "example-harbour-tech-copy"):
        proc = harness(project, "show", doc, "--json", "--category", "entities")
        for item in json.loads(proc.stdout)["items"]:
            for kind, n in item["counts"].items():
                totals[kind] += n
    assert totals == {kind: entities[kind] for kind in ("tp", "fp", "fn")}


def test_a_loose_match_is_listed_once_as_the_pair(project, harness):
    harness(project, "run", "--adapters", "counting")
    entities = _items(harness, project, "--category", "entities")["items"]
    # "Berlin", a GPE the counting adapter calls an ORG: one item, with both sides and the scorer's note
    berlin = [item for item in entities if item["gold"] == "Berlin" or item["predicted"] == "Berlin"]
    assert [(i["outcome"], i["gold"], i["predicted"], i["type"]) for i in berlin] == \
           [("wrong type", "Berlin", "Berlin", "GPE")] * len({i["start"] for i in berlin})
    assert all("predicted ORG" in i["note"] and i["counts"] == {"tp": 0, "fp": 1, "fn": 1} for i in berlin)
    loose = [i for i in entities if i["outcome"] in ("wrong type", "wrong span")]
    assert loose and all(i["gold"] and i["predicted"] for i in loose)
    places = [(i["start"], i["end"]) for i in loose]
    assert len(places) == len(set(places))


def test_the_counting_adapter_shows_wrong_types_false_alarms_and_boilerplate(project, harness):
    harness(project, "run", "--adapters", "counting")
    outcomes = {item["outcome"] for item in _items(harness, project)["items"]}
    # it calls every capitalised word an ORG: "Berlin" (a GPE) is a wrong type, "Harbour" of
    # "Harbour Tech" a wrong span, "Read" in the related-article box boilerplate
    assert {"hit", "wrong type", "wrong span", "false alarm", "leaked from boilerplate"} <= outcomes


def test_only_errors_leaves_out_the_hits(project, harness):
    harness(project, "run", "--adapters", "counting")
    every = _items(harness, project)["items"]
    errors = _items(harness, project, "--only", "errors")["items"]
    assert errors == [item for item in every if item["outcome"] != "hit"] and len(errors) < len(every)


def test_the_terminal_view_names_each_outcome_and_note(project, harness):
    harness(project, "run", "--adapters", "counting")
    proc = harness(project, "show", DOC, "--category", "entities")
    assert proc.returncode == 0, proc.stderr
    assert "counting · entities" in proc.stdout and "leaked from boilerplate" in proc.stdout
    assert "\x1b[" not in proc.stdout  # piped: no colour codes


def test_an_older_run_is_shown_by_its_id(project, harness, reconfigure):
    harness(project, "run", "--adapters", "counting")
    [older] = (project / "reports" / "runs").iterdir()
    reconfigure(project, mode="none")  # the next run predicts nothing
    harness(project, "run", "--adapters", "counting")
    now = _items(harness, project, "--category", "entities")["items"]
    before = _items(harness, project, "--category", "entities", "--report", older.name)["items"]
    assert {i["outcome"] for i in now} == {"missed"} and "hit" in {i["outcome"] for i in before}


def test_unknown_document_adapter_and_category_are_usage_errors_with_suggestions(project, harness):
    harness(project, "run", "--adapters", "counting")
    for arguments, hint in (((DOC[:-1],), f"Did you mean '{DOC}'"),
                            ((DOC, "--adapter", "countin"), "Did you mean 'counting'"),
                            ((DOC, "--category", "entity"), "Did you mean 'entities'")):
        proc = harness(project, "show", *arguments)
        assert proc.returncode == 2 and hint in proc.stderr and "Traceback" not in proc.stderr


def test_without_a_report_it_says_to_run_first(project, harness):
    proc = harness(project, "show", DOC)
    assert proc.returncode == 2 and "harness run" in proc.stderr


def test_a_document_the_adapter_failed_on_shows_the_error(project, harness, add_document):
    add_document(project, "example-broken")
    harness(project, "run", "--adapters", "counting")
    proc = harness(project, "show", "example-broken", "--json")
    shown = json.loads(proc.stdout)
    assert {item["outcome"] for item in shown["items"]} == {"missed"}
    [error] = shown["errors"]
    assert error["adapter"] == "counting" and error["stage"] == "extract"
    assert "counting failed on example-broken" in harness(project, "show", "example-broken").stderr


# A quote extractor: the first quote with its speaker, the second with someone else as the speaker.
QUOTER = r'''
import json, sys
document = json.load(sys.stdin)
quotes = [{"text": "the company would hire nearly 200 engineers in Berlin", "speaker": "Jane Doe"},
          {"text": "We are growing faster than ever,", "speaker": "Omar Field"}]
json.dump({"doc_id": document["doc_id"], "quotes": quotes}, sys.stdout)
'''


def _quoting(project, harness, source: str) -> None:
    (project / "quote.py").write_text(source)
    with (project / "pyproject.toml").open("a") as config:
        config.write(f'[tool.harness.adapters.quoting]\nadapter = "command"\n'
                     f'argv = ["{Path(sys.executable).as_posix()}", "quote.py"]\ncategories = ["quotes"]\n')
    assert harness(project, "run", "--adapters", "quoting").returncode == 0


def test_a_quote_found_with_the_wrong_speaker_is_an_error_naming_both_speakers(project, harness):
    _quoting(project, harness, QUOTER)
    quotes = _items(harness, project, "--category", "quotes")["items"]
    found = {item["predicted"]: item for item in quotes if item["status"] == "tp"}
    right, wrong = found["the company would hire nearly 200 engineers in Berlin"], found["We are growing faster than ever,"]
    assert right["outcome"] == "hit" and (right["speaker"], right["gold_speaker"]) == ("Jane Doe", "Jane Doe")
    assert wrong["outcome"] == "wrong speaker" and (wrong["speaker"], wrong["gold_speaker"]) == ("Omar Field", "Jane Doe")
    assert "gold speaker 'Jane Doe'" in wrong["note"]
    assert all("gold_speaker" in item for item in quotes)
    errors = _items(harness, project, "--category", "quotes", "--only", "errors")["items"]
    assert wrong in errors and right not in errors
    assert "wrong speaker" in harness(project, "show", DOC, "--category", "quotes", "--only", "errors").stdout


def test_a_quote_found_without_a_speaker_says_none_was_given_and_who_the_gold_names(project, harness):
    _quoting(project, harness, QUOTER.replace(', "speaker": "Omar Field"', ""))
    quotes = _items(harness, project, "--category", "quotes")["items"]
    (unsaid,) = [item for item in quotes if item["predicted"] == "We are growing faster than ever,"]
    assert unsaid["outcome"] == "wrong speaker" and unsaid["speaker"] is None
    assert unsaid["note"] == "direct quote found; no speaker given; gold speaker 'Jane Doe'"
    assert "'no speaker'" not in harness(project, "show", DOC, "--category", "quotes").stdout
