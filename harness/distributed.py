"""``--executor ray``: extraction spread over a Ray cluster (or a local Ray on this machine).

The chunks of one adapter are grouped into Ray tasks. Each worker process
builds the adapter once from the run's factory (the same configuration as
the driver) and keeps it for the tasks of that run; the document runs come
back to the driver as each task finishes, and go through the same cache and
scoring path as with threads, so the scores are the same. Scoring stays in
the driver.

Without an address a local Ray is started here (``num_cpus`` = the run's
``--jobs``, at least 2; no dashboard) and shut down at the end of the run;
with ``--ray-address`` (or ``RAY_ADDRESS``) the run joins that cluster,
whose workers must have this package installed. What the workers must
share with the driver for the run (the ``llm`` budget) is served by a Ray
actor (``harness.run.worker_factory``). Ray is imported only here.
"""

from __future__ import annotations

import os
import uuid
from typing import Any, Callable, Iterator, Sequence

INSTALL = "pip install 'article-harness[distributed]'  (or: pip install ray)"

# the cluster to join, set by `harness run --ray-address`; None starts a local Ray
_address: str | None = None
_started_here = False


def use_address(address: str | None) -> None:
    """Join the Ray cluster at ``address`` on the next run (None: start a local one)."""
    global _address
    _address = address


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
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline: no usage report to Ray's servers
        address = _address or os.environ.get("RAY_ADDRESS") or None
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=max(2, jobs), include_dashboard=False, log_to_driver=False)
            _started_here = True
    return ray


def shutdown() -> None:
    """Stop the local Ray this module started (nothing when it joined a cluster or started none)."""
    global _started_here
    if _started_here:
        import ray

        ray.shutdown()
        _started_here = False


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
