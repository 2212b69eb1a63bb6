"""Input limits: too-big files refused before they are read, too many items refused, deep nesting refused.

Limits come from [tool.harness.limits]; the commands apply them, so each
case runs the real command in a project whose pyproject.toml sets them.
"""

from __future__ import annotations

import json
import tracemalloc

import pytest
from click.testing import CliRunner

from harness.cache import PredictionCache
from harness.cli import cli
from harness.config import load_config
from harness.errors import ConfigError, InputError, ValidationFailed
from harness.files import DEFAULT_MAX_BYTES, Limits, read_json
from harness.gold import check_gold, load_gold
from harness.predictions import Predictions, load_predictions
from harness.report import load_report
from harness.run import extract_corpus

from .builders import simple_document, write_gold

TEXT = "Acme Corp hired Jane Doe in Berlin.\n"
NAMES = {"Acme Corp": "ORG", "Jane Doe": "PERSON", "Berlin": "GPE"}


def _invoke(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _limits(project, **values: int) -> None:
    with open(project / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write("\n[tool.harness.limits]\n" + "".join(f"{k} = {v}\n" for k, v in values.items()))


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def test_a_file_over_the_default_limit_is_refused_without_being_read(tmp_path):
    big = tmp_path / "huge.json"
    with open(big, "wb") as handle:  # sparse: takes no disk, but stat says 50 MB + 1
        handle.truncate(DEFAULT_MAX_BYTES + 1)
    tracemalloc.start()
    with pytest.raises(InputError, match="over the limit of 52,428,800 bytes") as caught:
        read_json(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1_000_000  # nothing near the file's size was ever allocated
    assert str(big) in str(caught.value) and "[tool.harness.limits] max_bytes" in str(caught.value)


@pytest.mark.parametrize("command", ["validate", "score", "run"])
def test_commands_honour_a_configured_max_bytes(project, command):
    gold = write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)])
    size = (gold / "annotations" / "doc-1.json").stat().st_size
    _limits(project, max_bytes=size - 1)
    (project / "p.jsonl").write_text(json.dumps({"doc_id": "doc-1", "entities": []}) + "\n")
    args = {"validate": ("validate", str(gold)), "score": ("score", str(gold), "p.jsonl"),
            "run": ("run", "--adapters", "oracle", "--gold", str(gold), "--out", "out")}[command]
    result = _invoke(*args)
    assert result.exit_code == (1 if command == "validate" else 2)  # validate's check fails; the others get bad input
    assert f"over the limit of {size - 1:,} bytes" in result.output
    assert "doc-1.json" in result.output


def test_the_limit_is_only_as_low_as_configured(project):
    gold = write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)])
    _limits(project, max_bytes=10_000)
    assert _invoke("validate", str(gold)).exit_code == 0


def test_a_limit_set_by_one_project_does_not_linger_in_the_next(project, tmp_path, monkeypatch):
    gold = write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)])
    _limits(project, max_bytes=10)
    assert _invoke("validate", str(gold)).exit_code == 1
    other = tmp_path / "other"
    other.mkdir()
    (other / "pyproject.toml").write_text('[project]\nname = "other"\n')
    monkeypatch.chdir(other)
    assert _invoke("validate", str(gold)).exit_code == 0
    assert Limits.max_bytes == DEFAULT_MAX_BYTES


def test_gold_with_more_items_than_max_items_is_refused(project):
    gold = write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)])
    _limits(project, max_items=3)  # one region, three entities and their three mentions
    result = _invoke("validate", str(gold))
    assert result.exit_code == 1
    assert "7 items is over the limit of 3 per document" in result.output


def test_predictions_with_more_items_than_max_items_are_refused(project):
    gold = write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)])
    _limits(project, max_items=7)  # the gold holds exactly 7
    record = {"doc_id": "doc-1", "entities": [{"text": "Acme Corp", "type": "ORG"}] * 5,
              "events": [{"type": "Contact.Meet", "trigger": "hired", "arguments": [{"role": "Entity", "text": "x"}] * 2}]}
    (project / "p.jsonl").write_text(json.dumps(record) + "\n")
    result = _invoke("score", str(gold), "p.jsonl")
    assert result.exit_code == 2
    assert "p.jsonl:1: 8 items is over the limit of 7 per document" in result.output
    assert "raise [tool.harness.limits] max_items" in result.output


def test_predictions_at_max_items_load(tmp_path):
    Limits.max_items = 4
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"doc_id": "d", "entities": [{"text": "a", "type": "ORG"}] * 4}))
    assert len(load_predictions(path)["d"].entities) == 4


@pytest.mark.parametrize("levels", [65, 2_000, 200_000])
def test_deep_json_is_refused_by_every_reader(tmp_path, project, levels):
    deep = _deep(levels)
    gold = write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES)])
    (gold / "annotations" / "doc-1.json").write_text(deep)
    assert "nested" in check_gold([gold]).problems[0].message
    (tmp_path / "p.jsonl").write_text(deep + "\n")
    (tmp_path / "report.json").write_text(deep)
    for read in (lambda: load_predictions(tmp_path / "p.jsonl"), lambda: load_report(tmp_path / "report.json")):
        with pytest.raises((InputError, ValidationFailed), match="nested"):
            read()
    result = _invoke("score", str(gold), str(tmp_path / "p.jsonl"))
    assert result.exit_code == 2 and "nested" in result.output


class _Nothing:
    name, version, categories, fingerprint = "nothing", "1", ("entities",), "b" * 64

    def __init__(self):
        self.calls = 0

    def extract(self, document):
        self.calls += 1
        return Predictions(document.id, entities=())


@pytest.mark.parametrize("levels", [65, 200_000])
def test_a_deep_cache_entry_is_discarded_and_recomputed(tmp_path, levels):
    corpus = load_gold(write_gold(tmp_path / "gold", [simple_document("doc-1", TEXT, NAMES)]))
    cache, extractor = PredictionCache(tmp_path / "cache"), _Nothing()
    extract_corpus(extractor, corpus, cache=cache)
    (entry,) = (tmp_path / "cache").rglob("*.json")
    entry.write_text(_deep(levels))
    run = extract_corpus(extractor, corpus, cache=cache)
    assert extractor.calls == 2 and run.errors == () and cache.stats.discarded == 1


@pytest.mark.parametrize("value", ["[" * 5000 + "]" * 5000, "{a=" * 3000 + "1" + "}" * 3000, "[" * 70 + "]" * 70])
def test_deep_toml_in_pyproject_is_a_config_error(project, value):
    with open(project / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write(f"\n[tool.harness.gate]\nx = {value}\n")
    result = _invoke("validate", "gold")
    assert result.exit_code == 2
    assert "nested" in result.output and "pyproject.toml" in result.output
    with pytest.raises(ConfigError):
        load_config(project / "pyproject.toml")
