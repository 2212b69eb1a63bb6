"""The llm adapter's request loop when a run stops early: requests in flight are cancelled and unwound
before the loop closes, so Ctrl-C prints "Interrupted." and nothing from asyncio."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import signal
import subprocess
import sys
import threading
import time

from hardening.builders import simple_document, write_gold
from harness.adapters.llm_client import ApiClient, ClientSettings
from llm_stub import StubServer

REQUEST = {"model": "m", "messages": [{"role": "user", "content": "Article (id a):\n\nJane Doe spoke."}]}


def _wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_closing_the_client_cancels_a_request_in_flight_and_leaves_no_task_pending():
    server = StubServer(latency=30.0)
    client = ApiClient(ClientSettings(max_retries=0), {})
    raised: list[BaseException] = []

    def ask() -> None:
        try:
            client.run(client.post(f"{server.base_url}/chat/completions", REQUEST))
        except BaseException as exc:
            raised.append(exc)

    waiting = threading.Thread(target=ask, daemon=True)
    try:
        waiting.start()
        _wait_for(lambda: server.in_flight == 1)
        assert server.in_flight == 1, "the request never reached the server"
        loop = client._start().loop
        client.close()
        waiting.join(timeout=10)
        assert loop.is_closed() and not [task for task in asyncio.all_tasks(loop) if not task.done()]
        assert [type(exc) for exc in raised] == [concurrent.futures.CancelledError]
    finally:
        server.close()


def test_ctrl_c_with_requests_in_flight_exits_130_with_nothing_from_the_event_loop(tmp_path):
    server = StubServer(latency=30.0)  # every request is still waiting when the signal comes
    try:
        write_gold(tmp_path / "gold", [simple_document(f"news-{i}", f"Story number {i} about Berlin.\n")
                                       for i in range(4)])
        (tmp_path / "pyproject.toml").write_text(
            '[tool.harness.adapters.llm]\n'
            f'base_url = "{server.base_url}"\nmodel = "m"\nmax_retries = 0\ncategories = ["entities"]\n'
            "max_connections = 2\n")
        env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
        env["PYTHONPATH"] = os.pathsep.join(sys.path)
        process = subprocess.Popen([sys.executable, "-m", "harness", "run", "--adapters", "llm", "--no-cache"],
                                   cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _wait_for(lambda: server.in_flight == 2 or process.poll() is not None)
            assert server.in_flight == 2, "the requests never reached the server"
            os.kill(process.pid, signal.SIGINT)
            _, err = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
        assert process.returncode == 130, err
        assert "Interrupted." in err
        assert "Task was destroyed" not in err and "Traceback" not in err, err
    finally:
        server.close()
