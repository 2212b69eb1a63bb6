"""Everything a command adapter's program starts dies with it: on exit, on timeout, on interrupt.

The program forks a grandchild that calls ``setsid`` (leaving the program's
process group) and sleeps, still holding stdout and stderr. Every test uses
real processes, reads the pids the program wrote down, checks each one is
gone (a zombie left for a non-reaping init counts as gone), and bounds its
own time.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from harness.adapters import get_adapter, run_extractor
from harness.model import Document

from .builders import simple_document, write_gold

PROGRAM = textwrap.dedent('''
    import json, os, sys, time
    document = json.load(sys.stdin)
    child = os.fork()
    if child == 0:
        os.setsid()  # out of the program's process group; stdout and stderr still held
        time.sleep(300)
        os._exit(0)
    note = os.path.join(sys.argv[1], document["doc_id"] + ".pids")
    with open(note + ".part", "w") as handle:
        handle.write(f"{os.getpid()} {child}")
    os.rename(note + ".part", note)
    if document["doc_id"].startswith("hang"):
        time.sleep(300)
    print(json.dumps({"entities": []}), flush=True)
''')
TEXT = "Acme Corp hired Jane Doe in Berlin.\n"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            state = handle.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _all_gone(pids, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def _pids(folder: Path, doc_id: str, within: float = 30.0) -> list[int]:
    note = folder / f"{doc_id}.pids"
    deadline = time.monotonic() + within
    while not note.exists():
        assert time.monotonic() < deadline, f"the program never started for {doc_id}"
        time.sleep(0.05)
    return [int(pid) for pid in note.read_text().split()]


@pytest.fixture
def program(tmp_path):
    (tmp_path / "extract.py").write_text(PROGRAM)
    (tmp_path / "pids").mkdir()
    return [sys.executable, str(tmp_path / "extract.py"), str(tmp_path / "pids")]


@pytest.fixture
def reap():
    """Kill, at the end, whatever a failing test left running."""
    started: list[int] = []
    yield started
    for pid in started:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def test_a_setsid_grandchild_holding_stdout_dies_when_the_program_exits_and_adds_no_time(tmp_path, program, reap):
    extractor = get_adapter("command", overrides={"argv": program, "timeout": 60})
    outcome = run_extractor(extractor, Document("calm", TEXT))
    pids = _pids(tmp_path / "pids", "calm")
    reap.extend(pids)
    assert outcome.error is None, outcome.error
    assert outcome.seconds < 5  # not the grandchild's 300 s, nor the 60 s timeout
    assert _all_gone(pids)


def test_on_timeout_the_program_and_its_setsid_grandchild_are_killed(tmp_path, program, reap):
    extractor = get_adapter("command", overrides={"argv": program, "timeout": 1})
    outcome = run_extractor(extractor, Document("hang", TEXT))
    pids = _pids(tmp_path / "pids", "hang")
    reap.extend(pids)
    assert outcome.error["kind"] == "timeout"
    assert 1 <= outcome.seconds < 5
    assert _all_gone(pids)


def _project(tmp_path: Path, program: list[str], doc_ids) -> Path:
    write_gold(tmp_path / "gold", [simple_document(d, TEXT) for d in doc_ids])
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "scratch"\nversion = "0"\n\n[tool.harness.adapters.cmd]\nadapter = "command"\n'
        f"argv = {json.dumps(program)}\ntimeout = 120\ncategories = [\"entities\"]\n")
    return tmp_path


def _harness(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "harness", "run", "--adapters", "cmd", "--no-cache",
                             "--gold", "gold", "--out", "out", *args], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_harness_kills_the_program_and_its_setsid_grandchild(tmp_path, program, reap, number):
    project = _project(tmp_path, program, ["hang-1"])
    harness = _harness(project)
    reap.append(harness.pid)
    pids = _pids(tmp_path / "pids", "hang-1")
    reap.extend(pids)
    harness.send_signal(number)
    harness.wait(timeout=20)  # the program's timeout is 120 s: only the interrupt ends it this soon
    assert harness.returncode != 0
    assert _all_gone(pids)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def test_process_pool_workers_and_their_programs_die_with_a_killed_harness(tmp_path, program, reap):
    project = _project(tmp_path, program, ["hang-1", "hang-2"])
    harness = _harness(project, "--executor", "process", "--jobs", "2")
    reap.append(harness.pid)
    pids = _pids(tmp_path / "pids", "hang-1") + _pids(tmp_path / "pids", "hang-2")
    workers = _children(harness.pid)
    reap.extend(pids + workers)
    assert workers
    harness.kill()  # SIGKILL: the harness itself can do nothing; its workers must notice
    harness.wait(timeout=20)
    assert _all_gone(workers + pids)
