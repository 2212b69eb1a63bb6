"""Requests (or tokens) per minute, as a token bucket on an event loop.

The bucket fills at ``per_minute / 60`` a second and holds at most one
second's worth (at least one unit), so requests are paced evenly instead of
a minute's worth leaving at once. A request bigger than the bucket (many
tokens) waits for a full bucket and leaves it in debt, which later requests
wait out; so no request is refused for its size and the rate still holds
over time. ``refund`` gives back what an estimate over-counted.
"""

from __future__ import annotations

import asyncio
import time


class RateLimiter:
    """At most ``per_minute`` units a minute, paced; ``acquire`` waits its turn (first come, first served)."""

    def __init__(self, per_minute: float):
        self.rate = per_minute / 60.0
        self.capacity = max(1.0, self.rate)
        self.level = self.capacity
        self._stamp = time.monotonic()
        self._lock: asyncio.Lock | None = None  # made on the loop that first uses it

    def _fill(self) -> None:
        now = time.monotonic()
        self.level = min(self.capacity, self.level + (now - self._stamp) * self.rate)
        self._stamp = now

    async def acquire(self, units: float = 1.0) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # one waiter at a time keeps the order fair
            needed = min(units, self.capacity)
            self._fill()
            # a relative tolerance: the refill after an exact wait can fall short by a rounding error
            while needed - self.level > 1e-9 * needed:
                await asyncio.sleep((needed - self.level) / self.rate)
                self._fill()
            self.level -= units

    def refund(self, units: float) -> None:
        """Give back ``units`` taken by an estimate that proved too high."""
        if units > 0:
            self._fill()
            self.level = min(self.capacity, self.level + units)
