"""`harness compare`: two adapters, or two reports, with paired significance and the items that differ."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest


def test_two_adapters_are_compared_per_category_with_the_items_that_differ(project, harness):
    proc = harness(project, "compare", "counting", "oracle", "--resamples", "200")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    at = next(i for i, l in enumerate(lines) if l.startswith("entities"))
    assert "ΔF1 +" in lines[at] and "p(bootstrap)" in lines[at + 1]
    assert "right in oracle only" in proc.stdout
    assert "false alarms of counting only" in proc.stdout


def test_two_reports_are_compared_on_their_saved_predictions(project, harness, calls, reconfigure):
    harness(project, "run", "--adapters", "counting", "--out", "before")
    reconfigure(project, mode="none")
    harness(project, "run", "--adapters", "counting", "--out", "after")
    extracted = len(calls(project))
    proc = harness(project, "compare", "before/report.json", "after/report.json", "--json", "--resamples", "200")
    assert proc.returncode == 0, proc.stderr
    assert len(calls(project)) == extracted  # nothing extracted again
    entities = json.loads(proc.stdout)["adapters"]["counting"]["categories"]["entities"]
    assert entities["f1_b"] == 0 and entities["f1_a"] > 0
    assert entities["delta_f1"] == pytest.approx(entities["f1_b"] - entities["f1_a"])
    assert entities["right_in_b_only"] == [] and entities["right_in_a_only"]


def test_reports_on_different_gold_are_refused(project, harness, add_document):
    harness(project, "run", "--adapters", "counting", "--out", "before")
    add_document(project, "example-third")
    harness(project, "run", "--adapters", "counting", "--out", "after")
    proc = harness(project, "compare", "before/report.json", "after/report.json")
    assert proc.returncode == 2 and "different gold" in proc.stderr


def test_an_adapter_and_a_report_do_not_mix(project, harness):
    proc = harness(project, "compare", "counting", "before/report.json")
    assert proc.returncode == 2 and "two adapters or two reports" in proc.stderr


def test_a_run_folder_that_is_not_there_is_named_as_missing(project, harness):
    assert harness(project, "run", "--adapters", "counting").returncode == 0
    proc = harness(project, "compare", "reports/runs/nope", "reports/latest")
    assert proc.returncode == 2 and "reports/runs/nope: no report.json there" in proc.stderr, proc.stderr


def test_with_too_few_documents_the_method_and_its_warning_are_printed(project, harness):
    proc = harness(project, "compare", "counting", "oracle", "--resamples", "200")
    assert proc.returncode == 0, proc.stderr
    assert "paired bootstrap over items within 2 documents, 200 resamples" in proc.stdout
    warning = next(l for l in proc.stdout.splitlines() if l.startswith("warning:"))
    assert "too few documents and is optimistic" in warning and "never below p(exact)" in warning
    lines = proc.stdout.splitlines()
    assert "p(exact)" in lines[next(i for i, l in enumerate(lines) if l.startswith("entities")) + 1]


def test_from_the_configured_minimum_on_documents_are_the_paired_units(project, harness, reconfigure):
    reconfigure(project, gate="\n[tool.harness.scoring]\nmin_documents_for_interval = 2\n")
    proc = harness(project, "compare", "counting", "oracle", "--resamples", "200", "--json")
    assert proc.returncode == 0, proc.stderr
    comparison = json.loads(proc.stdout)
    assert (comparison["a"], comparison["b"]) == ("counting", "oracle")
    assert comparison["interval"]["unit"] == "documents" and comparison["interval"]["documents"] == 2
    assert comparison["categories"]["entities"]["units"] == 2
    shown = harness(project, "compare", "counting", "oracle", "--resamples", "200")
    assert "paired bootstrap over documents, 200 resamples (2 documents)" in shown.stdout
    assert "warning:" not in shown.stdout


def test_run_folders_are_compared_and_adapters_in_one_report_are_named(project, harness):
    harness(project, "run", "--adapters", "counting", "--out", "before")
    harness(project, "run", "--adapters", "counting,oracle", "--out", "after")
    proc = harness(project, "compare", "before", "after", "--resamples", "200")
    assert proc.returncode == 0, proc.stderr
    assert "only in after/report.json (not compared): oracle" in proc.stdout
    shown = harness(project, "compare", "before", "after", "--resamples", "200", "--json")
    document = json.loads(shown.stdout)
    assert list(document["adapters"]) == ["counting"]
    assert document["only_in_a"] == [] and document["only_in_b"] == ["oracle"]


def test_false_alarms_one_side_makes_are_listed(project, harness):
    # the counting adapter tags every capitalised word as ORG: the oracle makes none of its false alarms
    proc = harness(project, "compare", "oracle", "counting", "--resamples", "200", "--json")
    assert proc.returncode == 0, proc.stderr
    entities = json.loads(proc.stdout)["categories"]["entities"]
    assert entities["false_alarms_in_a_only"] == []
    alarms = entities["false_alarms_in_b_only"]
    assert alarms and all(item["status"] in ("fp", "boilerplate") for item in alarms)


def test_two_runs_of_the_history_are_compared_by_their_ids(project, harness):
    assert harness(project, "run", "--adapters", "counting").returncode == 0
    assert harness(project, "run", "--adapters", "counting,oracle").returncode == 0
    # two runs of one second sort by their hashes, so tell them apart by what they ran
    runs = {tuple(json.loads((p / "report.json").read_text())["adapters"]): p.name
            for p in (project / "reports" / "runs").iterdir()}
    older, newer = runs[("counting",)], runs[("counting", "oracle")]
    proc = harness(project, "compare", older, newer, "--resamples", "200", "--json")
    assert proc.returncode == 0, proc.stderr
    document = json.loads(proc.stdout)
    assert list(document["adapters"]) == ["counting"] and document["only_in_b"] == ["oracle"]


# An extractor that predicts the gold's entity mentions (read from gold/annotations/), all right but one:
# the first mention of the first PERSON gets the type ORG (MODE=type) or loses its last character (MODE=span).
FROM_GOLD = r'''
import json, os, sys
document = json.load(sys.stdin)
with open(os.path.join("gold", "annotations", document["doc_id"] + ".json")) as handle:
    gold = json.load(handle)
person = next(e for e in gold["entities"] if e["type"] == "PERSON")
entities = []
for entity in gold["entities"]:
    for mention in entity["mentions"]:
        found = {"text": mention["text"], "type": entity["type"], "start": mention["start"], "end": mention["end"]}
        if mention is person["mentions"][0]:
            if os.environ["MODE"] == "type":
                found["type"] = "ORG"
            else:
                found["end"] -= 1
                found["text"] = found["text"][:-1]
        entities.append(found)
json.dump({"doc_id": document["doc_id"], "entities": entities}, sys.stdout)
'''


def _add_from_gold(project, name: str, mode: str) -> None:
    """Configure the adapter ``name``: FROM_GOLD with ``mode``."""
    (project / "from_gold.py").write_text(FROM_GOLD)
    with (project / "pyproject.toml").open("a") as toml:
        toml.write(f'\n[tool.harness.adapters.{name}]\nadapter = "command"\n'
                   f'argv = ["{Path(sys.executable).as_posix()}", "from_gold.py"]\n'
                   f'categories = ["entities"]\nenv = {{ MODE = "{mode}" }}\n')


def _first_person(project, doc_id: str) -> dict:
    gold = json.loads((project / "gold" / "annotations" / f"{doc_id}.json").read_text())
    mention = next(e for e in gold["entities"] if e["type"] == "PERSON")["mentions"][0]
    return {key: mention[key] for key in ("start", "end", "text")}


def test_items_that_moved_between_kinds_of_error_are_listed_in_the_json(project, harness):
    _add_from_gold(project, "wrong-type", "type")
    _add_from_gold(project, "wrong-span", "span")
    proc = harness(project, "compare", "wrong-type", "wrong-span", "--resamples", "200", "--json")
    assert proc.returncode == 0, proc.stderr
    entities = json.loads(proc.stdout)["categories"]["entities"]
    doc_ids = sorted(p.stem for p in (project / "gold" / "annotations").glob("*.json"))
    assert [(c["doc_id"], c["category"], c["label"], c["gold"], c["outcome_a"], c["outcome_b"])
            for c in entities["outcome_changed"]] == \
           [(doc_id, "entities", "PERSON", _first_person(project, doc_id), "wrong type", "wrong span")
            for doc_id in doc_ids]
    assert all("wrong type" in c["note_a"] and "wrong span" in c["note_b"] for c in entities["outcome_changed"])
    # wrong on both sides: no item is right in one only
    assert entities["right_in_a_only"] == [] and entities["right_in_b_only"] == []


def test_two_reports_list_the_moved_items_and_the_terminal_shows_them_from_a_to_b(project, harness, reconfigure):
    _add_from_gold(project, "from-gold", "span")
    assert harness(project, "run", "--adapters", "from-gold", "--out", "before").returncode == 0
    reconfigure(project)
    _add_from_gold(project, "from-gold", "type")  # the same adapter, now with the wrong type
    assert harness(project, "run", "--adapters", "from-gold", "--out", "after").returncode == 0
    shown = harness(project, "compare", "before", "after", "--resamples", "200", "--json")
    assert shown.returncode == 0, shown.stderr
    moved = json.loads(shown.stdout)["adapters"]["from-gold"]["categories"]["entities"]["outcome_changed"]
    assert {(c["outcome_a"], c["outcome_b"]) for c in moved} == {("wrong span", "wrong type")} and len(moved) == 2
    proc = harness(project, "compare", "before", "after", "--resamples", "200", "--items", "1")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    at = lines.index("  moved between kinds of outcome, before → after (2):")
    person = _first_person(project, "example-harbour-tech")
    assert lines[at + 1].startswith(f'    - PERSON "{person["text"]}" [{person["start"]}–{person["end"]}] in ')
    assert lines[at + 1].endswith(": wrong span → wrong type")
    assert lines[at + 2] == "    … and 1 more (--items to see more)"
    hidden = harness(project, "compare", "before", "after", "--resamples", "200", "--items", "0")
    assert "moved between kinds" not in hidden.stdout
