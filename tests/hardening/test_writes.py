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


def _assert_complete(out: Path) -> int:
    """Every report file in ``out`` is whole; returns the pass number report.json records."""
    report = load_report(out / "report.json")  # parses and validates against schemas/report.schema.json
    assert report["options"]["gold"].startswith("pass-")
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Evaluation report") and "## Errors" in markdown and markdown.endswith("\n")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    ET.fromstring((out / "junit.xml").read_bytes())
    lines = (out / "predictions" / "oracle.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 20 and all(json.loads(line)["doc_id"] for line in lines)
    return int(report["options"]["gold"].removeprefix("pass-"))


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_leaves_whole_reports(tmp_path):
    out = tmp_path / "out"
    chooser = random.Random(8)
    environment = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    for kill in range(KILLS):
        process = subprocess.Popen([sys.executable, str(DRIVER), str(out), "20"], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True, env=environment)
        try:
            assert process.stdout.readline().startswith("written"), "the driver never wrote a report"
            time.sleep(chooser.uniform(0.0, 0.5))  # a few passes: the kill lands mid-write most times
        finally:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            process.stdout.close()
        assert process.returncode == -signal.SIGKILL
        _assert_complete(out)
    visible = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    assert visible == {"report.json", "report.md", "report.html", "junit.xml", "predictions"}


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
