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
before anything runs (an address where nothing answers is a usage error,
exit 2, within ``CONNECT_TIMEOUT``) and leaves it, running, at the end. The
cluster's workers must have this package installed. What the workers must
share with the driver for the run (the ``llm`` budget) is served by a Ray
actor (``harness.run.worker_factory``). Ray is imported only here.
"""

from __future__ import annotations

import os
import uuid
from typing import Any, Callable, Iterator, Sequence

INSTALL = "pip install 'article-harness[distributed]'  (or: pip install ray)"

# seconds to wait for the cluster's address to accept a connection before the run stops (exit 2)
CONNECT_TIMEOUT = 10.0

_started_here = False  # a local Ray this module started, shut down at the end of the run
_joined_here = False  # a cluster this module joined, left (not stopped) at the end of the run


def use_address(address: str | None) -> None:
    """Join the Ray cluster at ``address`` (else at ``RAY_ADDRESS``) now, so that a wrong address is a
    usage error (exit 2) before anything runs; with neither, a local Ray is started when the run needs it."""
    global _joined_here
    address = address or os.environ.get("RAY_ADDRESS") or None
    if address is None:
        return
    require_ray()
    import ray

    if ray.is_initialized():
        return
    from .errors import UsageError

    _probe(address)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline: no usage report to Ray's servers
    try:
        ray.init(address=address, log_to_driver=False)
    except Exception as exc:  # Ray's reasons vary: a version mismatch, authentication, not a Ray head
        reason = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise UsageError(f"--ray-address {address!r}: could not join the Ray cluster there: {reason}. "
                         "Check the address (host:port of the head, or ray://host:10001 for Ray Client) "
                         "and that this machine runs the cluster's Ray version.") from None
    _joined_here = True


def _probe(address: str) -> None:
    """Fail fast when nothing accepts connections at ``address``: Ray itself retries for minutes."""
    import socket

    from .errors import UsageError

    if address in ("auto", "local"):
        return  # Ray's own words for a cluster on this machine: it finds that itself
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--ray-address {address!r} is not an address: give host:port of the Ray head "
                         "(e.g. 10.0.0.5:6379), or ray://host:10001 for Ray Client.")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        reason = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        raise UsageError(f"--ray-address {address!r}: nothing accepts connections there ({reason}, "
                         f"waited at most {CONNECT_TIMEOUT:g} s). Start the cluster (ray start --head) "
                         "or correct the address.") from None


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
