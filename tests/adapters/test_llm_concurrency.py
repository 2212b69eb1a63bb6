"""The llm adapter at scale, against a local server: concurrent requests, usage and cost, the budget."""

from __future__ import annotations

import asyncio

import pytest

from harness.adapters import get_adapter, run_extractor, run_extractor_batch
from harness.adapters.base import batch_size_of
from harness.adapters.ratelimit import RateLimiter
from harness.model import Document
from llm_stub import StubServer


def _echo_first_word(doc_id: str, text: str) -> dict:
    # each answer names something of its own document, so a mix-up between documents shows
    return {"doc_id": "ignored", "entities": [{"text": text.split()[0], "type": "PERSON"}]}


@pytest.fixture
def stub():
    server = StubServer(latency=0.1, answer=_echo_first_word)
    yield server
    server.close()


def _llm(stub, tmp_path, **settings):
    base = {"base_url": stub.base_url, "model": "m", "backoff": 0.01, "max_retries": 0, "timeout": 5,
            "cache_dir": str(tmp_path / "llm"), "categories": ["entities"]}
    return get_adapter("llm", overrides={**base, **settings})


DOCS = [Document(f"doc-{i:02d}", f"Name{i:02d} spoke in town number {i}.") for i in range(12)]


def test_a_batch_keeps_max_connections_requests_in_flight_and_no_more(stub, tmp_path):
    extractor = _llm(stub, tmp_path, max_connections=4)
    outcomes = run_extractor_batch(extractor, DOCS)
    assert [o.error for o in outcomes] == [None] * len(DOCS)
    assert stub.most_in_flight == 4
    # answers come back in any order; each document gets its own, in the batch's order
    assert [o.predictions.entities[0].text for o in outcomes] == [d.text.split()[0] for d in DOCS]


def test_the_run_hands_it_batches_of_four_times_max_connections_unless_set(stub, tmp_path):
    assert batch_size_of(_llm(stub, tmp_path, max_connections=3)) == 12
    assert batch_size_of(_llm(stub, tmp_path, max_connections=3, batch_size=5)) == 5


def test_threads_sharing_one_extractor_share_its_connection_limit(stub, tmp_path):
    import concurrent.futures

    extractor = _llm(stub, tmp_path, max_connections=2)
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda part: run_extractor_batch(extractor, part), [DOCS[0:4], DOCS[4:8], DOCS[8:12]]))
    assert stub.most_in_flight == 2 and stub.requests == 12


def test_usage_and_cost_are_carried_by_each_document(stub, tmp_path):
    stub.usage = (1000, 200)
    extractor = _llm(stub, tmp_path, price_per_million_input=3.0, price_per_million_output=15.0)
    outcome = run_extractor(extractor, DOCS[0])
    assert (outcome.usage.requests, outcome.usage.input_tokens, outcome.usage.output_tokens) == (1, 1000, 200)
    assert outcome.usage.cost == pytest.approx((1000 * 3.0 + 200 * 15.0) / 1e6)  # 0.006


def test_an_answer_from_the_response_cache_costs_nothing(stub, tmp_path):
    run_extractor(_llm(stub, tmp_path, price_per_million_input=1.0), DOCS[0])
    again = run_extractor(_llm(stub, tmp_path, price_per_million_input=1.0), DOCS[0])
    assert stub.requests == 1
    assert (again.usage.requests, again.usage.cost) == (0, 0.0)


def test_max_cost_stops_sending_once_the_projected_cost_would_pass_it(stub, tmp_path):
    # one token costs 1; a request may cost max_tokens (100) at worst and costs 10 in fact:
    # 0+100, 10+100, 20+100 fit under 125, then 30+100 does not
    stub.usage = (0, 10)
    extractor = _llm(stub, tmp_path, max_connections=1, max_tokens=100, price_per_million_input=0,
                     price_per_million_output=1_000_000, max_cost=125)
    outcomes = run_extractor_batch(extractor, DOCS[:5])
    assert [o.error["kind"] if o.error else "ok" for o in outcomes] == ["ok", "ok", "ok", "budget", "budget"]
    assert stub.requests == 3
    assert "max_cost" in outcomes[3].error["message"]
    assert sum(o.usage.cost for o in outcomes) == pytest.approx(30)


def test_max_cost_without_prices_is_a_config_error(stub, tmp_path):
    from harness.errors import ConfigError

    with pytest.raises(ConfigError, match="price_per_million_input"):
        _llm(stub, tmp_path, max_cost=1.0)


def test_pacing_settings_do_not_change_the_fingerprint(stub, tmp_path):
    plain = _llm(stub, tmp_path)
    assert _llm(stub, tmp_path, max_connections=32, requests_per_minute=60, max_cost=5,
                price_per_million_input=1).fingerprint == plain.fingerprint
    assert _llm(stub, tmp_path, max_tokens=10).fingerprint != plain.fingerprint


class _Clock:
    """Time that passes only when the limiter sleeps, so pacing is checked without waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_the_rate_limiter_paces_requests_evenly(monkeypatch):
    import harness.adapters.ratelimit as ratelimit

    clock = _Clock()
    monkeypatch.setattr(ratelimit.time, "monotonic", clock.monotonic)
    monkeypatch.setattr(ratelimit.asyncio, "sleep", clock.sleep)
    limiter = RateLimiter(120)  # 2 a second, one second's worth at once

    async def take(n: int) -> list[float]:
        stamps = []
        for _ in range(n):
            await limiter.acquire(1)
            stamps.append(clock.now)
        return stamps

    stamps = asyncio.run(take(6))
    assert stamps[:2] == [0.0, 0.0]  # the bucket starts full: a second's worth
    assert stamps[2:] == pytest.approx([0.5, 1.0, 1.5, 2.0])  # then one every half second


def test_a_request_bigger_than_the_bucket_waits_for_a_full_bucket_then_leaves_a_debt(monkeypatch):
    import harness.adapters.ratelimit as ratelimit

    clock = _Clock()
    monkeypatch.setattr(ratelimit.time, "monotonic", clock.monotonic)
    monkeypatch.setattr(ratelimit.asyncio, "sleep", clock.sleep)
    limiter = RateLimiter(600)  # 10 tokens a second, bucket of 10

    async def run() -> None:
        await limiter.acquire(30)  # taken at once from a full bucket: 20 in debt
        await limiter.acquire(10)  # waits 3 s: the debt plus a bucket's worth

    asyncio.run(run())
    assert clock.now == pytest.approx(3.0)


def test_the_deadline_bounds_a_document_with_all_its_retries(tmp_path):
    slow = StubServer(latency=0.3)  # every attempt times out after 0.1 s and is retried
    try:
        extractor = _llm(slow, tmp_path, timeout=0.1, max_retries=1000, backoff=0.01, max_retry_wait=0.01,
                         deadline=0.5)
        outcome = run_extractor(extractor, DOCS[0])
    finally:
        slow.close()
    assert outcome.error["kind"] == "timeout"
    assert "deadline of 0.5 s" in outcome.error["message"]
    assert 2 <= slow.requests < 1000  # retried, then stopped by the deadline, not by max_retries
