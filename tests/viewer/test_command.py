"""``harness view`` as a user runs it: a real process that prints its URL, answers, and stops on Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from harness.viewer.runs import discover_runs

from .conftest import NEW, OLD

REPO = Path(__file__).parent.parent.parent


def harness(*args: str, cwd: Path, **options) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "harness", *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **options)


def test_view_prints_its_url_answers_and_stops_cleanly_on_ctrl_c(project):
    process = harness("view", "--no-browser", cwd=project)
    try:
        line = process.stdout.readline()
        assert line.startswith("Viewer at http://127.0.0.1:"), line + process.stderr.read()
        url = line.split()[2]
        with urllib.request.urlopen(f"{url}api/runs", timeout=30) as response:
            assert [r["id"] for r in json.loads(response.read())["runs"]] == [NEW, OLD, "latest"]
        with urllib.request.urlopen(url, timeout=30) as response:
            assert b'<script src="/static/viewer.js">' in response.read()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Stopped." in out and "Traceback" not in err


@pytest.mark.parametrize("args, expected", [
    (["--host", "0.0.0.0"], "not a loopback address"),
    (["no-such-run"], "'no-such-run' is not a report file, a run folder, a run id or 'latest'"),
    (["missing/report.json"], "missing/report.json: no such report file or folder"),
    (["gold"], "gold: this folder holds no report.json"),
])
def test_mistakes_are_one_message_and_exit_2(project, args, expected):
    process = harness("view", "--no-browser", *args, cwd=project)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2, out + err
    assert expected in err and "Traceback" not in err


def test_a_port_in_use_is_one_message_and_exit_2(project):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = harness("view", "--no-browser", "--port", str(port), cwd=project)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 2, out + err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err and "Traceback" not in err


def test_a_run_folder_and_a_report_json_name_the_same_run_once(project):
    folder = project / "reports" / "runs" / OLD
    runs = discover_runs([str(folder), str(folder / "report.json")], project / "reports")
    assert [(r.id, r.folder) for r in runs] == [(OLD, folder)]


def test_latest_is_listed_once_when_it_links_to_a_run(tmp_path, project):
    import shutil

    reports = tmp_path / "reports"
    shutil.copytree(project / "reports" / "runs", reports / "runs")
    (reports / "latest").symlink_to(reports / "runs" / NEW, target_is_directory=True)
    assert [r.id for r in discover_runs([], reports)] == [NEW, OLD]


def test_folders_without_a_report_are_not_runs(tmp_path):
    (tmp_path / "reports" / "runs" / "20260101T000000Z-deadbeef").mkdir(parents=True)
    assert discover_runs([], tmp_path / "reports") == []


def test_latest_is_listed_once_when_it_is_a_copy_of_the_newest_run(tmp_path, project):
    import shutil

    reports = tmp_path / "reports"
    shutil.copytree(project / "reports" / "runs", reports / "runs")
    shutil.copytree(reports / "runs" / NEW, reports / "latest")  # what `harness run` leaves
    assert [r.id for r in discover_runs([], reports)] == [NEW, OLD]


def test_latest_with_a_report_of_its_own_is_listed_after_the_runs(tmp_path, project):
    import shutil

    reports = tmp_path / "reports"
    shutil.copytree(project / "reports" / "runs", reports / "runs")
    shutil.copytree(reports / "runs" / OLD, reports / "latest")  # e.g. written with --out reports/latest
    assert [r.id for r in discover_runs([], reports)] == [NEW, OLD, "latest"]


def test_a_run_id_names_its_run(project):
    runs = discover_runs([OLD], project / "reports")
    assert [(r.id, r.folder) for r in runs] == [(OLD, project / "reports" / "runs" / OLD)]
