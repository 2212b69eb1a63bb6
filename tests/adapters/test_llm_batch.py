"""``batch = true``: the llm adapter through a local server implementing OpenAI's batch endpoint."""

from __future__ import annotations

import pytest

from harness.adapters import get_adapter, run_extractor_batch
from harness.model import Document
from llm_stub import StubServer

DOCS = [Document(f"doc-{i}", f"Person{i} went to town.") for i in range(3)]


def _name(doc_id: str, text: str) -> dict:
    return {"doc_id": doc_id, "entities": [{"text": text.split()[0], "type": "PERSON"}]}


@pytest.fixture
def stub():
    server = StubServer(answer=_name, usage=(50, 10), polls_until_done=2)
    yield server
    server.close()


def _llm(stub, tmp_path, **settings):
    base = {"base_url": stub.base_url, "model": "m", "batch": True, "batch_poll_seconds": 0.01, "timeout": 5,
            "cache_dir": str(tmp_path / "llm"), "categories": ["entities"], "price_per_million_input": 1.0,
            "price_per_million_output": 2.0}
    return get_adapter("llm", overrides={**base, **settings})


def test_one_batch_is_uploaded_created_polled_and_read(stub, tmp_path):
    outcomes = run_extractor_batch(_llm(stub, tmp_path), DOCS)
    assert [o.error for o in outcomes] == [None, None, None]
    assert [o.predictions.entities[0].text for o in outcomes] == ["Person0", "Person1", "Person2"]
    assert stub.batch_calls == ["upload", "create", "poll", "poll"]
    assert stub.requests == 0  # nothing went to /chat/completions directly
    assert outcomes[0].usage.input_tokens == 50 and outcomes[0].usage.cost == pytest.approx((50 + 20) / 1e6)


def test_answers_of_a_batch_are_cached_like_any_other(stub, tmp_path):
    run_extractor_batch(_llm(stub, tmp_path), DOCS)
    outcomes = run_extractor_batch(_llm(stub, tmp_path), DOCS)
    assert [o.error for o in outcomes] == [None, None, None]
    assert stub.batch_calls.count("upload") == 1  # the second time every answer came from the cache


def test_a_failed_batch_is_an_error_for_each_of_its_documents(stub, tmp_path):
    stub.batch_outcome = "failed"
    outcomes = run_extractor_batch(_llm(stub, tmp_path), DOCS)
    assert [o.error["kind"] for o in outcomes] == ["batch"] * 3
    assert "failed" in outcomes[0].error["message"]


def test_a_server_without_the_batch_endpoint_says_so(stub, tmp_path):
    extractor = _llm(stub, tmp_path, base_url=stub.base_url + "/nowhere")
    outcomes = run_extractor_batch(extractor, DOCS)
    assert outcomes[0].error["kind"] == "http" and "batch = false" in outcomes[0].error["message"]
