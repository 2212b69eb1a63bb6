"""Property: whatever the requests ask for, the rate limiter never lets more through by time t than
a full bucket plus ``rate * t`` (a request bigger than the bucket counts once the bucket is full)."""

from __future__ import annotations

import asyncio

from hypothesis import given
from hypothesis import strategies as st

import harness.adapters.ratelimit as ratelimit


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


@given(per_minute=st.floats(min_value=1, max_value=10_000),
       sizes=st.lists(st.floats(min_value=0.5, max_value=500), min_size=1, max_size=30),
       gaps=st.lists(st.floats(min_value=0, max_value=2), min_size=30, max_size=30))
def test_units_granted_by_any_time_stay_within_bucket_plus_rate(per_minute, sizes, gaps):
    clock = _Clock()
    original = (ratelimit.time.monotonic, ratelimit.asyncio.sleep)
    ratelimit.time.monotonic, ratelimit.asyncio.sleep = clock.monotonic, clock.sleep
    try:
        limiter = ratelimit.RateLimiter(per_minute)
        granted: list[tuple[float, float]] = []

        async def run() -> None:
            for size, gap in zip(sizes, gaps):
                clock.now += gap
                await limiter.acquire(size)
                granted.append((clock.now, size))

        asyncio.run(run())
    finally:
        ratelimit.time.monotonic, ratelimit.asyncio.sleep = original
    rate = per_minute / 60
    total = 0.0
    for when, size in granted:
        # everything granted before this one, plus what this one could take from a full bucket
        allowed = limiter.capacity + rate * when
        assert total + min(size, limiter.capacity) <= allowed + 1e-6 * max(1.0, allowed)
        total += size
