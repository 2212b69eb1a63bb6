"""The run history: run ids, listing newest first, pruning, and naming a report by path or run id."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from harness.errors import InputError, UsageError
from harness.history import (is_run_id, list_runs, prune_runs, reserve_run_folder, resolve_report,
                             run_digest)

WHEN = datetime(2026, 3, 1, 10, 15, 0, tzinfo=timezone.utc)


def _run(reports: Path, second: int, f1: float = 0.5, digest: str = "0123abcd") -> Path:
    folder = reserve_run_folder(reports / "runs", digest, WHEN.replace(second=second))
    report = {"created": f"2026-03-01T10:15:{second:02d}+00:00", "status": "ok", "sample": None,
              "gold": {"documents": [{"doc_id": "a"}, {"doc_id": "b"}]},
              "adapters": {"rules": {"scores": {"entities": {"f1": f1}, "quotes": {"f1": None}}}}}
    (folder / "report.json").write_text(json.dumps(report))
    return folder


def test_a_run_id_is_the_utc_time_and_the_hash_and_a_second_run_in_that_second_gets_a_counter(tmp_path):
    first = reserve_run_folder(tmp_path, "0123abcd", WHEN)
    second = reserve_run_folder(tmp_path, "0123abcd", WHEN)
    assert first.name == "20260301T101500Z-0123abcd" and second.name == "20260301T101500Z-0123abcd-2"
    assert is_run_id(first.name) and is_run_id(second.name) and not is_run_id(".x.tmp")


def test_the_digest_changes_with_the_options_and_the_gold():
    base = run_digest({"adapters": ["rules"]}, "f" * 64)
    assert len(base) == 8 and int(base, 16) >= 0
    assert base != run_digest({"adapters": ["spacy"]}, "f" * 64) != run_digest({"adapters": ["rules"]}, "e" * 64)


def test_runs_are_listed_newest_first_with_their_headline_f1(tmp_path):
    _run(tmp_path, 1, 0.25)
    _run(tmp_path, 3, 0.75)
    (tmp_path / "runs" / ".20260301T101500Z-0123abcd.x.tmp").mkdir()  # a staging folder is not a run
    runs = list_runs(tmp_path)
    assert [run.id for run in runs] == ["20260301T101503Z-0123abcd", "20260301T101501Z-0123abcd"]
    assert runs[0].f1 == {"rules": {"entities": 0.75, "quotes": None}} and runs[0].documents == 2
    assert runs[0].adapters == ("rules",) and runs[0].report == runs[0].path / "report.json"


def test_an_unreadable_report_is_listed_not_skipped(tmp_path):
    folder = _run(tmp_path, 1)
    (folder / "report.json").write_text("{")
    [run] = list_runs(tmp_path)
    assert run.status == "unreadable" and run.adapters == ()


def test_pruning_keeps_the_newest(tmp_path):
    folders = [_run(tmp_path, second) for second in (1, 2, 3)]
    removed = prune_runs(tmp_path, 2)
    assert removed == [folders[0]] and not folders[0].exists() and folders[2].exists()


def test_a_report_is_found_by_file_folder_run_id_its_start_and_latest(tmp_path):
    folder = _run(tmp_path, 1)
    (tmp_path / "latest").mkdir()
    (tmp_path / "latest" / "report.json").write_text("{}")
    assert resolve_report(folder / "report.json", tmp_path) == folder / "report.json"
    assert resolve_report(folder, tmp_path) == folder / "report.json"
    assert resolve_report(folder.name, tmp_path) == folder / "report.json"
    assert resolve_report("20260301T1015", tmp_path) == folder / "report.json"
    assert resolve_report("latest", tmp_path) == tmp_path / "latest" / "report.json"


def test_a_misspelt_run_id_is_a_usage_error_with_the_closest(tmp_path):
    folder = _run(tmp_path, 1)
    with pytest.raises(UsageError, match=f"Did you mean '{folder.name}'"):
        resolve_report(folder.name.replace("Z-", "Z_"), tmp_path)


def test_an_ambiguous_start_and_a_folder_without_report_are_refused(tmp_path):
    _run(tmp_path, 1)
    _run(tmp_path, 2)
    with pytest.raises(UsageError, match="start of 2 runs"):
        resolve_report("20260301", tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="holds no report.json"):
        resolve_report(tmp_path / "empty", tmp_path)
    with pytest.raises(InputError, match="no report yet"):
        resolve_report("latest", tmp_path)


def test_a_reserved_run_without_reports_is_not_listed_and_killed_staging_folders_are_swept(tmp_path):
    _run(tmp_path, 1)
    reserve_run_folder(tmp_path / "runs", "0123abcd", WHEN.replace(second=2))  # a run still being written
    leftover = tmp_path / "runs" / ".20260301T101502Z-0123abcd.abc.tmp"  # its writer was killed: no lock
    leftover.mkdir()
    assert [run.id for run in list_runs(tmp_path)] == ["20260301T101501Z-0123abcd"]
    prune_runs(tmp_path, 5)
    assert not leftover.exists() and len(list_runs(tmp_path)) == 1


def test_an_unknown_run_among_many_names_the_newest_and_how_many_more(tmp_path):
    for second in range(7):
        _run(tmp_path, second)
    with pytest.raises(UsageError) as caught:
        resolve_report("nope", tmp_path)
    assert "and 2 more." in str(caught.value) and "..." not in str(caught.value)
