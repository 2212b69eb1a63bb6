"""Ids and names never become paths outside the gold, cache and report folders.

Each case runs the real command (or writer) inside a sandbox and checks the
error is clear and that nothing appeared or changed outside the folders the
harness owns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cache import CACHE_VERSION, PredictionCache, cache_key
from harness.cli import cli
from harness.gold import check_gold, load_gold
from harness.predictions import Predictions, predictions_to_dict
from harness.report import write_reports
from harness.run import AdapterSpec, RunOptions, extract_corpus, run_evaluation

from .builders import simple_document, write_gold
from .conftest import files_under

TEXT = "Acme Corp hired Jane Doe in Berlin.\n"
NAMES = {"Acme Corp": "ORG", "Jane Doe": "PERSON", "Berlin": "GPE"}
HOSTILE_IDS = ("../../x", "/etc/passwd", "..", "a/b", "x\n", "a\\b", "")


def _invoke(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def gold(project):
    return write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)])


@pytest.fixture
def outside(project):
    """A snapshot of the sandbox outside the project, taken before the test acts."""
    sandbox = project.parent
    (sandbox / "secret.jsonl").write_text(json.dumps({"doc_id": "doc-1", "entities": []}) + "\n")
    before = {k: v for k, v in files_under(sandbox).items() if not k.startswith("project")}

    def unchanged() -> bool:
        after = {k: v for k, v in files_under(sandbox).items() if not k.startswith("project")}
        return after == before

    return unchanged


@pytest.mark.parametrize("doc_id", HOSTILE_IDS)
def test_a_predictions_record_with_a_path_for_doc_id_is_refused(project, gold, outside, doc_id):
    (project / "p.jsonl").write_text(json.dumps({"doc_id": doc_id, "entities": []}) + "\n")
    result = _invoke("score", str(gold), "p.jsonl")
    assert result.exit_code == 2
    assert "p.jsonl:1#/doc_id" in result.output and "Fix:" in result.output
    assert outside()


@pytest.mark.parametrize("doc_id", ["../../x", "/srv/x", "x\n"])
def test_gold_with_a_path_for_doc_id_is_refused(project, outside, doc_id):
    folder = write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)])
    raw = json.loads((folder / "annotations" / "doc-1.json").read_text())
    raw["doc_id"] = doc_id
    (folder / "annotations" / "doc-1.json").write_text(json.dumps(raw))
    problems = check_gold([folder]).problems
    assert [p.pointer for p in problems] == ["/doc_id"]
    assert repr(doc_id) in problems[0].message or "does not match" in problems[0].message
    result = _invoke("validate", str(folder))
    assert result.exit_code == 1 and "#/doc_id" in result.output
    assert outside()


def _run_report(project, gold) -> Path:
    result = _invoke("run", "--adapters", "oracle", "--gold", str(gold), "--out", "out")
    assert result.exit_code == 0, result.output
    return project / "out" / "report.json"


@pytest.mark.parametrize("relative", ["../../secret.jsonl", "../../../secret.jsonl", "{sandbox}/secret.jsonl",
                                      "predictions/../../secret.jsonl"])
def test_a_report_naming_a_predictions_file_outside_its_folder_is_not_read(project, gold, outside, relative):
    report_path = _run_report(project, gold)
    report = json.loads(report_path.read_text())
    report["adapters"]["oracle"]["predictions_file"] = relative.format(sandbox=project.parent)
    report_path.write_text(json.dumps(report))
    for args in (("baseline", "--report", str(report_path), "--out", "baseline.json"),
                 ("compare", str(report_path), str(report_path), "--gold", str(gold))):
        result = _invoke(*args)
        assert result.exit_code == 2, result.output
        assert "predictions_file" in result.output and "outside the report's folder" in result.output
    assert not (project / "baseline.json").exists()
    assert outside()


def test_a_report_whose_adapter_is_named_like_a_path_stays_inside(project, gold, outside):
    report_path = _run_report(project, gold)
    report = json.loads(report_path.read_text())
    report["adapters"]["../evil"] = report["adapters"].pop("oracle")
    report["adapters"]["../evil"]["name"] = "../evil"
    report_path.write_text(json.dumps(report))
    result = _invoke("baseline", "--report", str(report_path), "--out", "baseline.json")
    assert result.exit_code == 0, result.output
    baseline = json.loads((project / "baseline.json").read_text())
    assert [r["doc_id"] for r in baseline["adapters"]["../evil"]["predictions"]] == ["doc-1"]
    assert not (project / "evil.jsonl").exists() and outside()


@pytest.mark.parametrize("name", ["../x", "/srv/x", "a/b", "..", "~/x"])
def test_run_refuses_an_adapter_name_that_is_a_path(project, gold, outside, name):
    result = _invoke("run", "--adapters", name, "--gold", str(gold), "--out", "out")
    assert result.exit_code == 2
    assert repr(name) in result.output
    assert not (project / "out").exists() and outside()


@pytest.mark.parametrize("variant", ["a/b", "../../evil", "/srv/evil"])
def test_a_configured_variant_named_like_a_path_is_refused(project, gold, outside, variant):
    with open(project / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write(f'\n[tool.harness.adapters.{json.dumps(variant)}]\nadapter = "oracle"\n')
    for args in (("run", "--adapters", variant, "--gold", str(gold), "--out", "out"),
                 ("run", "--gold", str(gold), "--out", "out")):
        result = _invoke(*args)
        assert result.exit_code == 2, result.output
        assert "adapter name" in result.output and "Rename the adapter" in result.output
    assert not (project / "out").exists() and outside()


class _Echo:
    """Predicts nothing, under whatever name it is given."""

    version, categories, fingerprint = "1", ("entities",), "a" * 64

    def __init__(self, name: str):
        self.name = name

    def extract(self, document):
        return Predictions(document.id, entities=())


@pytest.mark.parametrize("name", ["../evil", "../../evil", "/srv/evil", "a/b", "..", "."])
def test_the_report_writer_keeps_any_adapter_name_inside_the_folder(tmp_path, name):
    corpus = load_gold(write_gold(tmp_path / "gold", [simple_document("doc-1", TEXT, NAMES)]))
    run = run_evaluation(corpus, [AdapterSpec(name, _Echo(name))], options=RunOptions((name,)))
    out = tmp_path / "nest" / "out"
    report, files = write_reports(run, out)
    (written,) = files.predictions
    assert written.resolve().parent == (out / "predictions").resolve()
    assert report["adapters"][name]["predictions_file"] == f"predictions/{written.name}"
    assert set(files_under(tmp_path / "nest")) == {"out/report.json", "out/report.md", "out/report.html",
                                                    "out/junit.xml", f"out/predictions/{written.name}"}


@pytest.mark.parametrize("name", ["..", ".", "../..", "/abs", "a/../../b"])
def test_cache_entries_stay_inside_the_cache_folder(tmp_path, name):
    corpus = load_gold(write_gold(tmp_path / "gold", [simple_document("doc-1", TEXT, NAMES)]))
    cache = PredictionCache(tmp_path / "cache" / "root")
    extract_corpus(_Echo(name), corpus, cache=cache)
    entries = [path for path in (tmp_path / "cache").rglob("*.json")]
    assert len(entries) == 1
    assert entries[0].resolve().is_relative_to((tmp_path / "cache" / "root" / f"v{CACHE_VERSION}").resolve())


@pytest.mark.parametrize("doc_id", ["../../x", "/etc/passwd", "x\n"])
def test_a_cache_entry_naming_another_path_is_discarded_and_recomputed(tmp_path, doc_id):
    corpus = load_gold(write_gold(tmp_path / "gold", [simple_document("doc-1", TEXT, NAMES)]))
    document = corpus["doc-1"].document
    cache = PredictionCache(tmp_path / "cache")
    extractor = _Echo("echo")
    cache.put("echo", cache_key(extractor), document, Predictions("doc-1", entities=()))
    (entry,) = (tmp_path / "cache").rglob("*.json")
    raw = json.loads(entry.read_text())
    raw["predictions"]["doc_id"] = doc_id
    entry.write_text(json.dumps(raw))
    run = extract_corpus(extractor, corpus, cache=cache)
    assert (run.cached, run.extracted) == (0, 1)
    assert cache.stats.discarded == 1
    assert run.predictions["doc-1"].doc_id == "doc-1"
    assert predictions_to_dict(run.predictions["doc-1"]) == {"doc_id": "doc-1", "entities": []}


WINDOWS_RESERVED = ("CON", "con", "Nul", "PRN", "AUX", "COM1", "com9", "LPT1", "lpt0", "CON.txt", "nul.tar.gz",
                    "COM3.json")
TRAILING = ("report.", "doc-1..", "a.")


@pytest.mark.parametrize("name", WINDOWS_RESERVED + TRAILING)
def test_windows_reserved_names_and_trailing_dots_are_not_safe_names(name):
    from harness.files import is_safe_name

    assert not is_safe_name(name)


@pytest.mark.parametrize("name", ("CONSOLE", "console.txt", "COM10", "LPT", "nullable", "a.b", "CON-1", "AUX_2"))
def test_names_that_only_look_reserved_stay_safe(name):
    from harness.files import is_safe_name

    assert is_safe_name(name)


@pytest.mark.parametrize("doc_id", ("CON", "nul.txt", "doc."))
def test_a_gold_document_with_a_reserved_id_is_refused(project, doc_id):
    gold = write_gold(project / "gold", [simple_document(doc_id, TEXT, NAMES)])
    result = _invoke("validate", str(gold))
    assert result.exit_code == 1 and "/doc_id" in result.output and "Windows" in result.output
