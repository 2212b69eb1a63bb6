"""Reports and cache entries are written atomically: a killed writer leaves the previous files whole.

The kill test runs a real writer process (report_writer_driver.py) that
rewrites a large report in a loop, and kills it with SIGKILL at random
moments, several times over the same folder.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from harness.cache import PredictionCache
from harness.files import write_atomic
from harness.model import Document
from harness.predictions import Predictions
from harness.report import load_report

DRIVER = Path(__file__).with_name("report_writer_driver.py")
REPO = Path(__file__).resolve().parents[2]
KILLS = 5


def _assert_one_whole_set(out: Path) -> int:
    """Every report file in ``out`` is whole and from the same pass; returns that pass number."""
    report = load_report(out / "report.json")  # parses and validates against schemas/report.schema.json
    assert report["options"]["gold"].startswith("pass-")
    number = int(report["options"]["gold"].removeprefix("pass-"))
    assert report["adapters"]["oracle"]["timings"]["extraction_seconds"] == number
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Evaluation report") and "## Errors" in markdown and markdown.endswith("\n")
    assert f"| {number:.2f} |" in markdown  # the markdown of the same pass, not of the one before
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    (case,) = [c for c in ET.fromstring((out / "junit.xml").read_bytes()).iter("testcase")
               if c.get("classname") == "harness.run" and c.get("name") == "oracle"]
    assert float(case.get("time")) == number
    lines = (out / "predictions" / "oracle.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 20 and all(json.loads(line)["doc_id"] for line in lines)
    return number


def _temporaries(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.name.endswith(".tmp"))


def _driver(out: Path, environment: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(DRIVER), str(out), "20"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=environment)


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_leaves_one_whole_set(tmp_path):
    out = tmp_path / "reports" / "latest"
    chooser = random.Random(8)
    environment = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    for kill in range(KILLS):
        process = _driver(out, environment)
        try:
            assert process.stdout.readline().startswith("written"), "the driver never wrote a report"
            time.sleep(chooser.uniform(0.0, 0.5))  # a few passes: the kill lands mid-write most times
        finally:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            process.stdout.close()
        assert process.returncode == -signal.SIGKILL
        _assert_one_whole_set(out)
        assert not _temporaries(out)  # a staging folder may be beside the set, never inside it
    visible = {p.name for p in out.iterdir()}
    assert visible == {"report.json", "report.md", "report.html", "junit.xml", "predictions"}
    # the next writer clears what the killed ones left
    process = _driver(out, environment)
    try:
        assert process.stdout.readline().startswith("written")
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        process.stdout.close()
    _assert_one_whole_set(out)
    leftovers = _temporaries(tmp_path)
    assert len(leftovers) <= 1, leftovers  # at most the staging folder of the pass the last kill cut


def test_a_run_written_twice_leaves_no_temporary_and_drops_stale_predictions(tmp_path):
    from harness.config import HarnessConfig
    from harness.report import write_reports
    from harness.run import RunOptions, build_adapters, run_evaluation

    from .report_writer_driver import corpus_of

    corpus = corpus_of(2)
    out = tmp_path / "reports" / "latest"
    run = run_evaluation(corpus, build_adapters(["oracle"], HarnessConfig(), corpus), options=RunOptions(("oracle",)))
    write_reports(run, out)
    (out / "predictions" / "retired.jsonl").write_text("{}\n")  # an adapter the next run no longer has
    write_reports(run, out)
    assert sorted(p.name for p in (out / "predictions").iterdir()) == ["oracle.jsonl"]
    assert not _temporaries(tmp_path)
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["latest"]


def test_a_folder_holding_other_files_is_not_replaced(tmp_path):
    from harness.config import HarnessConfig
    from harness.errors import UsageError
    from harness.report import write_reports
    from harness.run import RunOptions, build_adapters, run_evaluation

    from .report_writer_driver import corpus_of

    corpus = corpus_of(1)
    (tmp_path / "notes.txt").write_text("mine\n")
    run = run_evaluation(corpus, build_adapters(["oracle"], HarnessConfig(), corpus), options=RunOptions(("oracle",)))
    with pytest.raises(UsageError, match="notes.txt"):
        write_reports(run, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    write_atomic(target, '{"old": true}\n')

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, '{"new": true}\n' * 1000)
    assert target.read_text() == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_cache_entry_that_cannot_be_renamed_into_place_is_simply_absent(tmp_path, monkeypatch):
    cache = PredictionCache(tmp_path / "cache")
    document = Document("doc-1", "Acme Corp hired Jane Doe.")
    monkeypatch.setattr(os, "replace", lambda *args: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OSError):
        cache.put("echo", "c" * 64, document, Predictions("doc-1", entities=()))
    monkeypatch.undo()
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))  # no entry, no temporary
    assert cache.get("echo", "c" * 64, document) is None


@pytest.mark.parametrize("cut", [0, 1, 10, -1])
def test_a_torn_cache_entry_is_discarded_not_trusted(tmp_path, cut):
    cache = PredictionCache(tmp_path / "cache")
    document = Document("doc-1", "Acme Corp hired Jane Doe.")
    cache.put("echo", "c" * 64, document, Predictions("doc-1", entities=()))
    (entry,) = [p for p in (tmp_path / "cache").rglob("*.json")]
    whole = entry.read_bytes()
    entry.write_bytes(whole[:cut] if cut >= 0 else whole[:-2])
    assert cache.get("echo", "c" * 64, document) is None
    assert cache.stats.discarded == 1 and not entry.exists()
