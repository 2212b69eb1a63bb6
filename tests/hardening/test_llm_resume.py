"""A `harness run` killed in the middle resumes where it stopped: a real subprocess, a real SIGKILL,
a local server that answers slowly enough to be caught half way."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from llm_stub import StubServer

from .builders import simple_document, write_gold

DOCUMENTS = 20


def _command(project):
    return [sys.executable, "-m", "harness", "run", "--adapters", "llm", "--gold", "gold", "--out", "out"]


def test_a_killed_run_resumes_without_asking_again_for_what_finished(tmp_path):
    server = StubServer(latency=0.2)
    try:
        write_gold(tmp_path / "gold", [simple_document(f"news-{i:02d}", f"Story number {i} about Berlin.\n")
                                       for i in range(DOCUMENTS)])
        (tmp_path / "pyproject.toml").write_text(
            '[project]\nname = "scratch"\nversion = "0"\n\n[tool.harness.adapters.llm]\n'
            f'base_url = "{server.base_url}"\nmodel = "m"\nmax_retries = 0\ncategories = ["entities"]\n'
            "max_connections = 2\nbatch_size = 2\n")
        env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
        proc = subprocess.Popen(_command(tmp_path), cwd=tmp_path, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while server.requests < 8 and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.02)
        finally:
            proc.kill()  # SIGKILL: no clean-up of any kind
            proc.wait(timeout=30)
        assert proc.returncode != 0, "the run finished before it could be killed"
        answered = len(list((tmp_path / ".harness-cache" / "llm").glob("*.json")))
        assert 1 <= answered < DOCUMENTS
        before = server.requests

        resumed = subprocess.run(_command(tmp_path), cwd=tmp_path, env=env, capture_output=True, text=True,
                                 timeout=120)
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        assert server.requests - before == DOCUMENTS - answered  # only what had not finished is asked for
        assert "taken from" in resumed.stdout  # and the terminal says what came from the caches
    finally:
        server.close()
