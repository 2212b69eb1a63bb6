"""``--executor ray``: extraction spread over a Ray cluster (or a local Ray on this machine).

The chunks of one adapter are grouped into Ray tasks. Each worker process
builds the adapter once from the run's factory (the same configuration as
the driver) and keeps it for the tasks of that run; the document runs come
back to the driver as each task finishes, and go through the same cache and
scoring path as with threads, so the scores are the same. Scoring stays in
the driver.

Without an address a local Ray is started here (``num_cpus`` = the run's
``--jobs``, at least 2; no dashboard) and shut down at the end of the run;
with ``--ray-address`` (or ``RAY_ADDRESS``) the run joins that cluster
before anything runs (an address where nothing answers as a Ray head does
is a usage error, exit 2, within ``CONNECT_TIMEOUT`` or
``HARNESS_RAY_CONNECT_TIMEOUT`` seconds) and leaves it, running, at the end. The
cluster's workers must have this package installed. What the workers must
share with the driver for the run (the ``llm`` budget) is served by a Ray
actor (``harness.run.worker_factory``). Ray is imported only here.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

INSTALL = "pip install 'article-harness[distributed]'  (or: pip install ray)"

# seconds to wait for the cluster's address to connect and answer before the run stops (exit 2)
CONNECT_TIMEOUT = 10.0
TIMEOUT_VARIABLE = "HARNESS_RAY_CONNECT_TIMEOUT"  # sets that wait for a run

_started_here = False  # a local Ray this module started, shut down at the end of the run
_joined_here = False  # a cluster this module joined, left (not stopped) at the end of the run


def use_address(address: str | None) -> None:
    """Join the Ray cluster at ``address`` (else at ``RAY_ADDRESS``) now, so that a wrong address is a
    usage error (exit 2) before anything runs; with neither, a local Ray is started when the run needs it."""
    global _joined_here
    source = "--ray-address" if address else "RAY_ADDRESS"
    address = address or os.environ.get("RAY_ADDRESS") or None
    if address is None:
        return
    require_ray()
    import ray

    if ray.is_initialized():
        return
    from .errors import UsageError

    _probe(address, source)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline: no usage report to Ray's servers
    try:
        ray.init(address=address, log_to_driver=False)
    except Exception as exc:  # Ray's reasons vary: a version mismatch, authentication, not a Ray head
        reason = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise UsageError(f"{source} {address!r}: could not join the Ray cluster there: {reason}. "
                         "Check the address (host:port of the head, or ray://host:10001 for Ray Client) "
                         "and that this machine runs the cluster's Ray version.") from None
    _joined_here = True


def _probe(address: str, source: str = "--ray-address") -> None:
    """Fail fast when nothing at ``address`` answers as a Ray head would: Ray itself retries for minutes
    when nothing listens, and for ever when something that is not Ray accepts the connection.

    A Ray head's address (its GCS, or the Ray Client server of ``ray://``) is a gRPC server, so it
    answers an HTTP/2 connection preface with a SETTINGS frame straight away; a web server, a database
    or a closed port does not. With ``RAY_USE_TLS`` the cluster speaks TLS first, so only the
    connection is checked.
    """
    from .errors import UsageError

    if address in ("auto", "local"):
        return  # Ray's own words for a cluster on this machine: it finds that itself
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"{source} {address!r} is not an address: give host:port of the Ray head "
                         "(e.g. 10.0.0.5:6379), or ray://host:10001 for Ray Client.")
    timeout = connect_timeout()
    answer = _http2_answer(host.strip("[]"), int(port), timeout, tls=_truthy(os.environ.get("RAY_USE_TLS")))
    if answer.refused is not None:
        raise UsageError(f"{source} {address!r}: nothing accepts connections there ({answer.refused}, "
                         f"waited at most {timeout:g} s). Start the cluster (ray start --head) "
                         f"or correct the address; {TIMEOUT_VARIABLE} sets the wait.")
    if answer.not_ray is not None:
        raise UsageError(f"{source} {address!r}: something accepts connections there, but it is not a "
                         f"Ray head ({answer.not_ray}). Give the port `ray start --head` printed for the "
                         "head (6379 unless it was changed), or ray://host:10001 for Ray Client; "
                         f"{TIMEOUT_VARIABLE} sets how long to wait for an answer.")


# what a client sends first on an HTTP/2 connection: the preface and an empty SETTINGS frame
_HTTP2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])


@dataclass(frozen=True)
class _Answer:
    """What the probe found: ``refused`` (no connection, why) or ``not_ray`` (connected, the answer
    in words), or neither for a server that answered as gRPC does."""

    refused: str | None = None
    not_ray: str | None = None


def _http2_answer(host: str, port: int, timeout: float, tls: bool = False) -> _Answer:
    """Connect to ``host:port`` and, unless ``tls``, check that it answers as an HTTP/2 server: its first
    frame is a SETTINGS frame (type 4, no ACK flag, stream 0). Connecting and the answer share ``timeout``."""
    import socket
    import time

    deadline = time.monotonic() + timeout
    try:
        connection = socket.create_connection((host, port), timeout=timeout)
    except OSError as exc:
        return _Answer(refused="timed out" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc)))
    with connection:
        if tls:
            return _Answer()
        received = b""
        try:
            connection.sendall(_HTTP2_PREFACE)
            while len(received) < 9:  # a frame header; more of a wrong answer shows what answered
                connection.settimeout(max(0.001, deadline - time.monotonic()))
                chunk = connection.recv(80)
                if not chunk:
                    break
                received += chunk
        except TimeoutError:
            if not received:
                return _Answer(not_ray=f"it said nothing within {timeout:g} s")
        except OSError as exc:
            if not received:
                return _Answer(not_ray=f"it dropped the connection: {exc.strerror or exc}")
    if len(received) >= 9 and received[3] == 4 and received[4] & 1 == 0 and received[5:9] == bytes(4):
        return _Answer()
    if not received:
        return _Answer(not_ray="it closed the connection without answering")
    first_line = received.split(b"\n", 1)[0].decode("ascii", "replace").strip()
    shown = first_line[:60] if first_line.isprintable() and first_line else received[:9].hex(" ")
    return _Answer(not_ray=f"it answered {shown!r}, not as gRPC over HTTP/2")


def connect_timeout() -> float:
    """Seconds to wait for the address to connect and answer: ``HARNESS_RAY_CONNECT_TIMEOUT``, else
    ``CONNECT_TIMEOUT``."""
    from .errors import UsageError

    value = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not value:
        return CONNECT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not seconds > 0 or seconds == float("inf"):
        raise UsageError(f"{TIMEOUT_VARIABLE}={value!r} is not a number of seconds above 0; "
                         f"set it to e.g. 30, or unset it for {CONNECT_TIMEOUT:g} s.")
    return seconds


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def require_ray() -> None:
    """Raise ``UsageError`` (exit 2) with the install command when Ray is not installed."""
    import importlib.util

    if importlib.util.find_spec("ray") is None:
        from .errors import UsageError

        raise UsageError(f"--executor ray needs Ray, which is not installed. Install it: {INSTALL}")


def _connect(jobs: int) -> Any:
    global _started_here
    require_ray()
    import ray

    if not ray.is_initialized():
        use_address(None)  # a cluster named by RAY_ADDRESS
    if not ray.is_initialized():
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline: no usage report to Ray's servers
        ray.init(num_cpus=max(2, jobs), include_dashboard=False, log_to_driver=False)
        _started_here = True
    return ray


def shutdown() -> None:
    """Stop the local Ray this module started, or leave the cluster it joined (which goes on running);
    nothing when Ray was already running in this process before the run."""
    global _started_here, _joined_here
    if _started_here or _joined_here:
        import ray

        ray.shutdown()
        _started_here = _joined_here = False


# per worker process: the extractor of each run it has worked for, built once
_WORKER_EXTRACTORS: dict[str, Any] = {}


def _extract_chunks(token: str, factory: Callable[[], Any], chunks: Sequence[Sequence[Any]]) -> list:
    from .run import extract_chunk

    extractor = _WORKER_EXTRACTORS.get(token)
    if extractor is None:
        _WORKER_EXTRACTORS.clear()  # one run's extractor at a time per worker
        extractor = _WORKER_EXTRACTORS[token] = factory()
    return [extract_chunk(extractor, chunk) for chunk in chunks]


def run_ray(job: Any) -> Iterator[tuple[tuple, Any]]:
    """The executor (see ``harness.run.EXECUTORS``): each chunk with its document runs, as tasks finish."""
    from .run import worker_factory

    ray = _connect(job.jobs)
    with worker_factory(job, "ray") as factory:
        yield from _run_tasks(ray, job, factory)


def _run_tasks(ray: Any, job: Any, factory: Callable[[], Any]) -> Iterator[tuple[tuple, Any]]:
    remote = ray.remote(num_cpus=1, max_retries=0)(_extract_chunks)
    token = uuid.uuid4().hex
    shared_factory = ray.put(factory)
    # a few tasks per CPU: large enough to amortise a task, small enough to balance the load
    size = max(1, -(-len(job.chunks) // (max(2, job.jobs) * 4)))
    groups = [job.chunks[i:i + size] for i in range(0, len(job.chunks), size)]
    pending = {remote.remote(token, shared_factory, group): group for group in groups}
    while pending:
        done, _ = ray.wait(list(pending), num_returns=1)
        for ref in done:
            group = pending.pop(ref)
            try:
                outcomes = ray.get(ref)
            except Exception as exc:  # a worker that died, or a factory that failed there
                for chunk in group:
                    yield chunk, exc
                continue
            yield from zip(group, outcomes)
