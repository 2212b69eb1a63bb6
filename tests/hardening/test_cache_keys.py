"""Cached predictions follow everything that made them: the adapter's code, its libraries, its program, the document.

Each test changes one thing that changes an adapter's output, without
bumping ``version``, and checks that the next run extracts again instead of
serving the old predictions.
"""

from __future__ import annotations

import importlib
import sys
import textwrap

import pytest

from harness.adapters import get_adapter
from harness.adapters.command import CommandExtractor
from harness.cache import PredictionCache, cache_key
from harness.model import Corpus
from harness.run import extract_corpus

from .builders import simple_document

TEXT = "Acme Corp hired Jane Doe in Berlin.\n"

ADAPTER = textwrap.dedent('''
    from pathlib import Path

    from harness.adapters.base import BaseExtractor
    from harness.predictions import PredictedEntity, Predictions

    CALLS = []


    class WordExtractor(BaseExtractor):
        """Predicts the words listed in words.txt, typed {entity_type}."""

        version = "1"
        categories = ("entities",)

        def extract(self, document):
            CALLS.append(document.id)
            words = (Path(__file__).parent / "words.txt").read_text().split()
            found = []
            for word in words:
                start = document.text.find(word)
                if start >= 0:
                    found.append(PredictedEntity(word, "{entity_type}", start, start + len(word)))
            return Predictions(document.id, entities=tuple(found))
''')


def _corpus() -> Corpus:
    return Corpus((simple_document("doc-1", TEXT, {"Acme Corp": "ORG"}),))


@pytest.fixture
def temp_package(tmp_path, monkeypatch):
    """A real package on sys.path holding an adapter and a data file; yields a function that (re)imports it."""
    root = tmp_path / "packages"
    package = root / "harness_temp_adapter"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(ADAPTER.format(entity_type="ORG"))
    (package / "words.txt").write_text("Acme\n")
    monkeypatch.syspath_prepend(str(root))
    importlib.invalidate_caches()

    def load():
        module = sys.modules.get("harness_temp_adapter")
        module = importlib.reload(module) if module is not None else importlib.import_module("harness_temp_adapter")
        return module

    yield package, load
    sys.modules.pop("harness_temp_adapter", None)


def _run(module, cache):
    module.CALLS.clear()
    run = extract_corpus(module.WordExtractor("words"), _corpus(), cache=cache)
    return list(module.CALLS), run.predictions["doc-1"].entities


def test_an_unchanged_adapter_is_served_from_the_cache(temp_package, tmp_path):
    _, load = temp_package
    cache = PredictionCache(tmp_path / "cache")
    module = load()
    assert _run(module, cache)[0] == ["doc-1"]
    assert _run(module, cache)[0] == []


def test_editing_the_adapter_code_without_bumping_version_misses(temp_package, tmp_path):
    package, load = temp_package
    cache = PredictionCache(tmp_path / "cache")
    calls, entities = _run(load(), cache)
    assert calls == ["doc-1"] and [e.type for e in entities] == ["ORG"]
    (package / "__init__.py").write_text(ADAPTER.format(entity_type="PERSON"))  # same version "1"
    calls, entities = _run(load(), cache)
    assert calls == ["doc-1"] and [e.type for e in entities] == ["PERSON"]


def test_editing_a_data_file_of_the_package_misses(temp_package, tmp_path):
    package, load = temp_package
    cache = PredictionCache(tmp_path / "cache")
    module = load()
    assert [e.text for e in _run(module, cache)[1]] == ["Acme"]
    (package / "words.txt").write_text("Acme\nBerlin\n")
    calls, entities = _run(module, cache)
    assert calls == ["doc-1"] and [e.text for e in entities] == ["Acme", "Berlin"]


def test_another_version_of_a_library_the_adapter_uses_misses(temp_package, monkeypatch):
    _, load = temp_package
    module = load()
    monkeypatch.setattr(module.WordExtractor, "LIBRARIES", ("pytest",), raising=False)
    before = cache_key(module.WordExtractor("words"))
    import harness.sources

    monkeypatch.setattr(harness.sources, "distribution_versions", lambda names: {name: "0.0-other" for name in names})
    assert cache_key(module.WordExtractor("words")) != before


def test_the_spacy_adapter_keys_on_the_spacy_version():
    from harness.adapters.spacy_adapter import SpacyExtractor

    assert "spacy" in SpacyExtractor.LIBRARIES


# --- the command adapter: argv, the files it names, the module -m names; unknown programs are not cached

PROGRAM = 'import json, sys\nd = json.load(sys.stdin)\nprint(json.dumps({{"entities": []}}))  # {tag}\n'


def _extractions(tmp_path, extractor) -> int:
    calls = tmp_path / "calls.log"
    before = len(calls.read_text().split()) if calls.exists() else 0
    extract_corpus(extractor, _corpus(), cache=PredictionCache(tmp_path / "cache"))
    return (len(calls.read_text().split()) if calls.exists() else 0) - before


def test_editing_the_script_named_in_argv_misses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "prog.py").write_text(PROGRAM.format(tag="one"))
    assert cache_key(CommandExtractor("prog", {"argv": [sys.executable, "prog.py"]})) is not None
    first = cache_key(CommandExtractor("prog", {"argv": [sys.executable, "prog.py"]}))
    (tmp_path / "prog.py").write_text(PROGRAM.format(tag="two"))
    assert cache_key(CommandExtractor("prog", {"argv": [sys.executable, "prog.py"]})) != first


def test_editing_the_module_named_by_dash_m_misses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "progmod").mkdir()
    (tmp_path / "progmod" / "__init__.py").write_text("")
    (tmp_path / "progmod" / "__main__.py").write_text(PROGRAM.format(tag="one"))
    argv = [sys.executable, "-m", "progmod"]
    first = cache_key(CommandExtractor("prog", {"argv": argv}))
    assert first is not None
    (tmp_path / "progmod" / "__main__.py").write_text(PROGRAM.format(tag="two"))
    assert cache_key(CommandExtractor("prog", {"argv": argv})) != first


def test_a_program_whose_inputs_cannot_be_known_is_extracted_every_time(tmp_path):
    shell = ["sh", "-c", f'echo x >> "{tmp_path / "calls.log"}"; echo \'{{"entities": []}}\'']
    extractor = get_adapter("command", overrides={"argv": shell, "categories": ["entities"]})
    assert cache_key(extractor) is None
    assert _extractions(tmp_path, extractor) == 1
    assert _extractions(tmp_path, extractor) == 1


def test_an_explicit_cache_key_allows_caching_and_changing_it_misses(tmp_path):
    shell = ["sh", "-c", f'echo x >> "{tmp_path / "calls.log"}"; echo \'{{"entities": []}}\'']
    keyed = get_adapter("command", overrides={"argv": shell, "categories": ["entities"], "cache_key": "model-1"})
    assert _extractions(tmp_path, keyed) == 1
    assert _extractions(tmp_path, keyed) == 0
    rekeyed = get_adapter("command", overrides={"argv": shell, "categories": ["entities"], "cache_key": "model-2"})
    assert _extractions(tmp_path, rekeyed) == 1
