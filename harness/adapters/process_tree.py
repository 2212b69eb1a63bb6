"""Programs the harness starts, with everything they start in turn: they end together.

A program runs in its own session (so its process group can be killed at
once) with a variable ``HARNESS_PROCESS_TREE`` set to a token of its own,
which every process it starts inherits, even one that calls ``setsid`` to
leave the group. Killing a tree kills the group, then every process still
carrying the token (found through ``/proc`` where there is one). A tree is
killed when its program exits, when it times out, and when the harness is
interrupted (SIGINT, SIGTERM) or exits; a process-pool worker asks to be
sent SIGTERM when the harness dies, so its trees go too.

Out of reach: a descendant that both leaves the group and clears its
environment, and, where there is no ``/proc``, one that leaves the group.
"""

from __future__ import annotations

import atexit
import os
import signal
import threading
import uuid
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

TOKEN_VARIABLE = "HARNESS_PROCESS_TREE"
_ROUNDS = 10  # a tree forking as fast as it is killed gets this many sweeps

_live: dict[str, "ProcessTree"] = {}
_handled: set[int] = set()


@dataclass(frozen=True)
class ProcessTree:
    """One started program (``process``, a ``subprocess.Popen``) and the token its descendants carry."""

    process: Any
    token: str

    def kill(self) -> None:
        """Kill the program's process group and every process carrying the token; never raises."""
        for _ in range(_ROUNDS):
            _killpg(self.process.pid)
            stragglers = _carrying(self.token)  # a zombie's environment reads empty, so it is not counted
            if not stragglers:
                return
            for pid in stragglers:
                _kill(pid)


def start(argv: Sequence[str], env: Mapping[str, str], **popen: Any) -> ProcessTree:
    """Start ``argv`` in a session of its own, marked so that all it starts can be found again."""
    import subprocess

    token = uuid.uuid4().hex
    process = subprocess.Popen(list(argv), env={**env, TOKEN_VARIABLE: token}, start_new_session=True, **popen)
    tree = ProcessTree(process, token)
    _live[token] = tree
    return tree


def finish(tree: ProcessTree) -> None:
    """Kill what is left of ``tree`` and reap its program."""
    tree.kill()
    try:
        tree.process.wait()
    finally:
        _live.pop(tree.token, None)


def kill_all() -> None:
    """Kill every live tree of this process (on an interrupt, or at exit)."""
    for tree in list(_live.values()):
        tree.kill()


def install_handlers() -> None:
    """Kill the live trees on SIGINT and SIGTERM, then do what the signal did before.

    Signal handlers can only be set from the main thread; elsewhere this does
    nothing (the trees still die at exit and with their programs).
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for number in (signal.SIGINT, signal.SIGTERM):
        if number in _handled:
            continue
        previous = signal.getsignal(number)
        if previous is signal.SIG_IGN or previous is None:
            continue  # ignored (or set outside Python): keep it so
        signal.signal(number, _chained(number, previous))
        _handled.add(number)


def _chained(number: int, previous: Any) -> Any:
    def handler(signum: int, frame: Any) -> None:
        kill_all()
        if callable(previous):
            previous(signum, frame)  # SIGINT: KeyboardInterrupt, as before
            return
        signal.signal(number, signal.SIG_DFL)  # end the way the signal always ended the harness
        os.kill(os.getpid(), number)

    return handler


def die_with_parent() -> None:
    """Ask for SIGTERM when the parent process dies (Linux); for process-pool workers."""
    import ctypes
    import multiprocessing

    parent = multiprocessing.parent_process()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent.pid:
        os.kill(os.getpid(), signal.SIGTERM)  # the parent died before the request was made


def _killpg(group: int) -> None:
    try:
        os.killpg(group, signal.SIGKILL)
    except OSError:
        pass  # nobody left in the group


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass  # already gone


def _carrying(token: str) -> list[int]:
    """Processes whose environment holds ``TOKEN_VARIABLE=token`` (none where there is no /proc)."""
    marker = f"{TOKEN_VARIABLE}={token}".encode()
    try:
        names = os.listdir("/proc")
    except OSError:
        return []
    me = os.getpid()
    found = []
    for name in names:
        if not name.isdigit() or int(name) == me:
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as handle:
                environ = handle.read()
        except OSError:
            continue  # gone, or another user's
        if marker in environ.split(b"\0"):
            found.append(int(name))
    return found


atexit.register(kill_all)
if hasattr(os, "register_at_fork"):
    # a forked worker starts with no trees of its own; the parent's are the parent's to kill
    os.register_at_fork(after_in_child=_live.clear)
