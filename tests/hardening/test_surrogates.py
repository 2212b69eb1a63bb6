"""A lone surrogate ("\\ud800", which UTF-8 cannot encode) is refused with its pointer, and ends nothing.

It reaches the harness through a JSON escape: in an adapter's output, in a
gold annotation file's text or metadata, or in a plugin's error message.
Each case runs the real reader, run and report writers, and checks the
reports are written whole and the terminal output is clean.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from harness.config import HarnessConfig
from harness.gold import check_gold, load_gold
from harness.report import load_report, write_reports
from harness.run import RunOptions, build_adapters, run_evaluation

from .builders import simple_document, write_gold

TEXT = "Acme Corp hired Jane Doe in Berlin.\n"
NAMES = {"Acme Corp": "ORG", "Jane Doe": "PERSON"}

# prints a lone surrogate (as a JSON escape) for the document "bad" only
PROGRAM = textwrap.dedent('''
    import json, sys
    document = json.load(sys.stdin)
    text = "\\\\ud800" if document["doc_id"] == "bad" else "Acme Corp"
    print('{"entities": [{"text": "' + text + '", "type": "ORG"}]}')
''')


def _harness(cwd, *args: str) -> subprocess.CompletedProcess:
    # a real process with a UTF-8 terminal: printing a surrogate there is what used to crash
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "harness", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=environment, timeout=120)


def _gold_with(folder, pointer_value):
    gold = write_gold(folder / "gold", [simple_document("good", TEXT, NAMES), simple_document("bad", TEXT, NAMES)])
    path = gold / "annotations" / "bad.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    pointer_value(raw)
    path.write_text(json.dumps(raw), encoding="utf-8")  # ensure_ascii: the surrogate is written as \ud800
    return gold


@pytest.fixture(scope="module")
def surrogate_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("run")
    (folder / "extract.py").write_text(PROGRAM)
    corpus = load_gold(write_gold(folder / "gold", [simple_document(d, TEXT, NAMES) for d in ("good", "bad")]))
    config = HarnessConfig(None, {"adapters": {
        "cmd": {"adapter": "command", "argv": [sys.executable, str(folder / "extract.py")], "categories": ["entities"]}}})
    run = run_evaluation(corpus, build_adapters(["cmd"], config, corpus), options=RunOptions(("cmd",)))
    report, files = write_reports(run, folder / "out")
    return run, files


def test_adapter_output_with_a_lone_surrogate_is_an_error_for_that_document_with_its_pointer(surrogate_run):
    run, files = surrogate_run
    report = load_report(files.json)
    (error,) = report["errors"]
    assert (error["adapter"], error["doc_id"], error["kind"]) == ("cmd", "bad", "invalid-output")
    assert "/entities/0/text" in error["message"] and "surrogate" in error["message"]
    assert run.adapter("cmd").run.predictions["good"].entities[0].text == "Acme Corp"


def test_every_report_file_is_written_as_valid_utf8(surrogate_run):
    _, files = surrogate_run
    for path in (files.json, files.markdown, files.html, files.junit, *files.predictions):
        path.read_bytes().decode("utf-8")  # strict: a surrogate would have ended the write, or broken this


def test_a_plugin_error_message_with_a_lone_surrogate_does_not_stop_the_reports(tmp_path):
    from harness.adapters import BaseExtractor
    from harness.run import AdapterSpec

    class Raising(BaseExtractor):
        name = "raising"
        categories = ("entities",)

        def extract(self, document):
            raise ValueError("cannot read \ud800 here")

    corpus = load_gold(write_gold(tmp_path / "gold", [simple_document("good", TEXT, NAMES)]))
    run = run_evaluation(corpus, [AdapterSpec("raising", Raising())], options=RunOptions(("raising",)))
    report, files = write_reports(run, tmp_path / "out")
    (error,) = load_report(files.json)["errors"]
    assert "\\ud800" in error["message"]  # kept as its escape, readable and encodable
    files.markdown.read_bytes().decode("utf-8")


@pytest.mark.parametrize("where, corrupt", [
    ("/metadata/title", lambda raw: raw["metadata"].update(title="Bad \ud800 title")),
    ("/entities/0/mentions/0/text", lambda raw: raw["entities"][0]["mentions"][0].update(text="\udfff")),
    ("/entities/0/canonical_name", lambda raw: raw["entities"][0].update(canonical_name="Acme\ud83d")),
])
def test_gold_with_a_lone_surrogate_is_a_problem_at_its_pointer(tmp_path, where, corrupt):
    gold = _gold_with(tmp_path, corrupt)
    check = check_gold([gold])
    assert [p.pointer for p in check.problems] == [where]
    assert [a.document.id for a in check.documents] == ["good"]  # the other document still loads
    shown = _harness(tmp_path, "validate", str(gold))
    assert shown.returncode == 1 and "Traceback" not in shown.stderr
    assert f"bad.json#{where}" in shown.stdout and "surrogate" in shown.stdout
    as_json = json.loads(_harness(tmp_path, "validate", "--json", str(gold)).stdout)
    assert [p["pointer"] for p in as_json["problems"]] == [where]


def test_a_run_on_gold_with_a_lone_surrogate_ends_in_the_problem_not_a_traceback(tmp_path):
    gold = _gold_with(tmp_path, lambda raw: raw["metadata"].update(title="Bad \ud800 title"))
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "scratch"\nversion = "0"\n')
    result = _harness(tmp_path, "run", "--adapters", "oracle", "--gold", str(gold), "--out", "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr + result.stdout
    assert "bad.json#/metadata/title" in result.stderr + result.stdout
