"""``max_cost``: the money one run of the ``llm`` adapter may spend, wherever its requests go out.

A ``Budget`` holds what is spent, what the requests in flight have set aside
at worst, and the limit. Before a request goes out, its worst cost is set
aside (``reserve``); when it is answered, what it really cost replaces that
(``settle``). A request whose projected cost (spent + set aside + its own
worst) would pass the limit is refused, so the run never spends more than
the limit.

With ``--executor thread`` every request goes through one extractor and one
``Budget``. With ``process`` or ``ray`` every worker builds its own
extractor, so the driver serves one ``Budget`` to all of them for the run
(``shared``): through a ``multiprocessing`` manager (a small server process)
for worker processes, through a Ray actor for Ray workers. Every reserve is
then judged against the whole run, however the documents are spread.
"""

from __future__ import annotations

import contextlib
import threading
from multiprocessing.managers import BaseManager
from typing import Any, Iterator


class Budget:
    """Spent and set-aside money against a limit; safe to share between threads."""

    def __init__(self, limit: float, spent: float = 0.0):
        self.limit = float(limit)
        self._spent = float(spent)
        self._reserved = 0.0
        self._lock = threading.Lock()

    def reserve(self, worst: float) -> tuple[bool, float, float]:
        """Set ``worst`` aside for a request if the projected cost stays within the limit.
        Returns (let through, projected cost, spent so far)."""
        with self._lock:
            projected = self._spent + self._reserved + worst
            if projected > self.limit:
                return False, projected, self._spent
            self._reserved += worst
            return True, projected, self._spent

    def settle(self, reserved: float, cost: float) -> None:
        """A request (or a submitted batch) is over: release what it set aside, count what it cost."""
        with self._lock:
            self._reserved -= reserved
            self._spent += cost

    def spent(self) -> float:
        with self._lock:
            return self._spent

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        del state["_lock"]  # a copy in another process gets a lock of its own
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()


class _RayBudget:
    """A ``Budget`` kept by a Ray actor, called like a local one (picklable: the actor's handle)."""

    def __init__(self, actor: Any):
        self.actor = actor

    def reserve(self, worst: float) -> tuple[bool, float, float]:
        import ray

        return ray.get(self.actor.reserve.remote(worst))

    def settle(self, reserved: float, cost: float) -> None:
        import ray

        # waited for, so that the driver reads every request's cost once the tasks are done
        ray.get(self.actor.settle.remote(reserved, cost))

    def spent(self) -> float:
        import ray

        return ray.get(self.actor.spent.remote())


class _BudgetManager(BaseManager):
    """Serves ``Budget`` objects to worker processes from a server process of its own."""


_BudgetManager.register("Budget", Budget)


@contextlib.contextmanager
def shared(budget: Budget, executor: str) -> Iterator[Any]:
    """A budget every worker of ``executor`` ("process" or "ray") can join, starting from ``budget``;
    what the workers spent is added to ``budget`` when the run's workers are done."""
    if executor == "ray":
        import ray

        actor = ray.remote(num_cpus=0)(Budget).remote(budget.limit, budget.spent())
        handle: Any = _RayBudget(actor)
        try:
            yield handle
        finally:
            _absorb(budget, handle)
            ray.kill(actor)
        return
    from .process_tree import die_with_parent

    manager = _BudgetManager()
    manager.start(die_with_parent)  # the budget's server ends with the harness, like the pool's workers
    try:
        handle = manager.Budget(budget.limit, budget.spent())  # type: ignore[attr-defined]
        try:
            yield handle
        finally:
            _absorb(budget, handle)
    finally:
        manager.shutdown()


def _absorb(budget: Budget, handle: Any) -> None:
    try:
        budget.settle(0.0, handle.spent() - budget.spent())
    except Exception:  # a server already gone loses only the running total the driver keeps
        pass
