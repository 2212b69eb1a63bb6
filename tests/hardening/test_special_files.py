"""Gold and cache files must be regular files inside their folder.

A gold text linked to a file outside the gold folder (here a stand-in for
the process environment) is refused before it is read, so its content never
reaches an error message or a CI log. A FIFO is refused without waiting for
a writer: the real commands run in a child process with a time bound.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from harness.cache import PredictionCache, document_key
from harness.errors import InputError
from harness.files import read_bytes
from harness.gold import check_gold
from harness.model import Document
from harness.predictions import Predictions

from .builders import simple_document, write_gold

TEXT = "Acme Corp hired Jane Doe in Berlin.\n"
NAMES = {"Acme Corp": "ORG", "Jane Doe": "PERSON"}
SECRET = "API_TOKEN=hunter2-do-not-print"
BOUND = 60  # seconds; a FIFO that is waited on would hang until the child is killed


def _harness(cwd, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "harness", *args], cwd=cwd, capture_output=True, text=True,
                            timeout=BOUND)
    return result, time.monotonic() - started


@pytest.fixture
def gold(project):
    return write_gold(project / "gold", [simple_document("doc-1", TEXT, NAMES), simple_document("doc-2", TEXT, NAMES)])


@pytest.fixture
def secret(project):
    """A file outside the gold folder whose content must never be shown."""
    path = project.parent / "environ"
    path.write_text(SECRET + "\n")
    return path


def _relink(path, target):
    path.unlink()
    path.symlink_to(target)


@pytest.mark.parametrize("which", ["documents/doc-1.txt", "annotations/doc-1.json"])
def test_a_gold_file_linked_outside_the_gold_folder_is_refused_unread(project, gold, secret, which):
    _relink(gold / which, secret)
    check = check_gold([gold])
    assert [a.document.id for a in check.documents] == ["doc-2"]
    (problem,) = check.problems
    assert problem.file.endswith(which) and "outside" in problem.message
    for args in (("validate", str(gold)), ("validate", "--json", str(gold)),
                 ("run", "--adapters", "oracle", "--gold", str(gold), "--out", "out")):
        result, _ = _harness(project, *args)
        shown = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in shown
        assert which in shown and "hunter2" not in shown


def test_a_link_that_stays_inside_the_gold_folder_is_followed(project, gold):
    shared = gold / "texts"
    shared.mkdir()
    (gold / "documents" / "doc-1.txt").rename(shared / "doc-1.txt")
    (gold / "documents" / "doc-1.txt").symlink_to(os.path.join("..", "texts", "doc-1.txt"))
    check = check_gold([gold])
    assert not check.problems and len(check.documents) == 2


@pytest.mark.parametrize("which", ["documents/doc-1.txt", "annotations/doc-1.json"])
def test_a_fifo_in_the_gold_folder_is_refused_without_waiting(project, gold, which):
    (gold / which).unlink()
    os.mkfifo(gold / which)
    for args in (("validate", str(gold)), ("run", "--adapters", "oracle", "--gold", str(gold), "--out", "out")):
        result, seconds = _harness(project, *args)
        shown = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in shown
        assert which in shown and "FIFO" in shown
        assert seconds < BOUND / 2


def test_a_fifo_given_as_the_gold_path_is_refused(project):
    os.mkfifo(project / "gold.json")
    result, _ = _harness(project, "validate", "gold.json")
    assert result.returncode == 1 and "FIFO" in result.stdout


def test_a_device_is_refused_without_reading_it():
    with pytest.raises(InputError, match="character device"):
        read_bytes("/dev/zero")  # would otherwise read up to the size limit of zeros


def _entry(cache: PredictionCache, document: Document):
    return cache.entry_path("echo", "c" * 64, document_key(document))


def test_a_fifo_in_the_cache_is_discarded_without_waiting(tmp_path):
    document = Document("doc-1", TEXT)
    script = f"""
import os, sys
from harness.cache import PredictionCache, document_key
from harness.model import Document
cache = PredictionCache({str(tmp_path / 'cache')!r})
document = Document("doc-1", {TEXT!r})
path = cache.entry_path("echo", "c" * 64, document_key(document))
path.parent.mkdir(parents=True)
os.mkfifo(path)
print(cache.get("echo", "c" * 64, document), cache.stats.discarded, path.exists())
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=BOUND)
    assert result.stdout.split() == ["None", "1", "False"], result.stderr
    assert not _entry(PredictionCache(tmp_path / "cache"), document).exists()


def test_a_cache_entry_linked_outside_the_cache_is_not_trusted(tmp_path):
    document = Document("doc-1", TEXT)
    elsewhere = PredictionCache(tmp_path / "elsewhere")
    elsewhere.put("echo", "c" * 64, document, Predictions("doc-1", entities=()))
    cache = PredictionCache(tmp_path / "cache")
    entry = _entry(cache, document)
    entry.parent.mkdir(parents=True)
    entry.symlink_to(_entry(elsewhere, document))
    assert cache.get("echo", "c" * 64, document) is None
    assert cache.stats.discarded == 1 and _entry(elsewhere, document).exists()
