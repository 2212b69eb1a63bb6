"""The llm adapter against a real HTTP server on 127.0.0.1, including every error path."""

import json

import pytest

from harness.adapters import get_adapter, run_extractor
from harness.model import Document

DOC = Document("news-1", 'The mayor said 40 people were evacuated. "We acted fast," she said.')
GOOD = {"doc_id": "whatever", "entities": [{"text": "40 people", "type": "CARDINAL"}],
        "quotes": [{"text": "We acted fast,", "speaker": "the mayor", "cue": "said"}],
        "figures": [{"text": "40 people", "value": 40}], "events": []}


def llm(server, tmp_path, **settings):
    base = {"base_url": server.base_url, "model": "test-model", "backoff": 0.01, "max_retries": 2,
            "timeout": 2, "cache_dir": str(tmp_path / "cache")}
    return get_adapter("llm", overrides={**base, **settings})


def test_good_json_becomes_predictions_for_this_document(chat_server, tmp_path, reply):
    chat_server.script = [{"body": reply(json.dumps(GOOD))}]
    outcome = run_extractor(llm(chat_server, tmp_path), DOC)
    assert outcome.error is None
    assert outcome.predictions.doc_id == "news-1"  # the model does not pick the document
    assert outcome.predictions.figures[0].value == 40
    request = chat_server.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["response_format"]["type"] == "json_schema"
    assert DOC.text in request["body"]["messages"][1]["content"]


def test_json_in_a_code_fence_is_accepted(chat_server, tmp_path, reply):
    chat_server.script = [{"body": reply("```json\n" + json.dumps(GOOD) + "\n```")}]
    assert run_extractor(llm(chat_server, tmp_path), DOC).error is None


def test_rejected_json_schema_falls_back_to_simpler_formats(chat_server, tmp_path, reply):
    chat_server.script = [{"status": 400, "body": {"error": "response_format json_schema unsupported"}},
                          {"status": 400, "body": {"error": "response_format unsupported"}},
                          {"body": reply(json.dumps(GOOD))}]
    extractor = llm(chat_server, tmp_path)
    assert run_extractor(extractor, DOC).error is None
    formats = [r["body"].get("response_format", {}).get("type") for r in chat_server.requests]
    assert formats == ["json_schema", "json_object", None]
    chat_server.script = [{"body": reply(json.dumps(GOOD))}]
    run_extractor(extractor, Document("news-2", "Another article about 3 boats."))
    assert "response_format" not in chat_server.requests[-1]["body"]  # it remembers what the server takes


def test_429_is_retried_then_succeeds(chat_server, tmp_path, reply):
    chat_server.script = [{"status": 429, "body": "slow down", "headers": {"Retry-After": "0"}},
                          {"body": reply(json.dumps(GOOD))}]
    outcome = run_extractor(llm(chat_server, tmp_path), DOC)
    assert outcome.error is None
    assert len(chat_server.requests) == 2


def test_500s_exhaust_the_retries(chat_server, tmp_path):
    chat_server.script = [{"status": 503, "body": "overloaded"}]
    outcome = run_extractor(llm(chat_server, tmp_path, max_retries=2), DOC)
    assert outcome.error["kind"] == "http"
    assert "503" in outcome.error["message"] and "3 attempt" in outcome.error["message"]
    assert len(chat_server.requests) == 3


def test_an_html_body_is_an_error_with_the_raw_text_kept(chat_server, tmp_path):
    chat_server.script = [{"body": "<html><body>Welcome to nginx</body></html>", "headers": {"Content-Type": "text/html"}}]
    outcome = run_extractor(llm(chat_server, tmp_path), DOC)
    assert outcome.error["kind"] == "invalid-response"
    assert "Welcome to nginx" in outcome.error["raw"]


def test_truncated_json_is_an_error_with_the_raw_text_kept(chat_server, tmp_path, reply):
    cut = json.dumps(GOOD)[:40]
    chat_server.script = [{"body": reply(cut, finish_reason="length")}]
    outcome = run_extractor(llm(chat_server, tmp_path), DOC)
    assert outcome.error["kind"] == "truncated"
    assert outcome.error["raw"] == cut
    assert "max_tokens" in outcome.error["message"]


def test_prose_instead_of_json_is_invalid_json(chat_server, tmp_path, reply):
    chat_server.script = [{"body": reply("Sure! Here are the entities: the mayor.")}]
    outcome = run_extractor(llm(chat_server, tmp_path), DOC)
    assert outcome.error["kind"] == "invalid-json"
    assert outcome.error["raw"].startswith("Sure!")


def test_json_that_fails_the_schema_is_an_error_with_its_pointer(chat_server, tmp_path, reply):
    bad = {"entities": [{"text": "the mayor"}]}  # no type
    chat_server.script = [{"body": reply(json.dumps(bad))}]
    outcome = run_extractor(llm(chat_server, tmp_path), DOC)
    assert outcome.error["kind"] == "invalid-output"
    assert outcome.error["pointer"].startswith("/entities/0")


def test_timeout_is_an_error(chat_server, tmp_path, reply):
    chat_server.script = [{"delay": 1.0, "body": reply(json.dumps(GOOD))}]
    outcome = run_extractor(llm(chat_server, tmp_path, timeout=0.2, max_retries=0), DOC)
    assert outcome.error["kind"] == "timeout"


def test_dropped_connection_is_retried_then_an_error(chat_server, tmp_path):
    chat_server.script = [{"drop": True}]
    outcome = run_extractor(llm(chat_server, tmp_path, max_retries=1), DOC)
    assert outcome.error["kind"] == "connection"
    assert len(chat_server.requests) == 2


def test_a_cached_answer_makes_no_request(chat_server, tmp_path, reply):
    chat_server.script = [{"body": reply(json.dumps(GOOD))}]
    first = run_extractor(llm(chat_server, tmp_path), DOC)
    second = run_extractor(llm(chat_server, tmp_path), DOC)
    assert len(chat_server.requests) == 1
    assert first.predictions == second.predictions


def test_a_failed_answer_is_not_cached(chat_server, tmp_path, reply):
    chat_server.script = [{"body": reply("not json")}, {"body": reply(json.dumps(GOOD))}]
    assert run_extractor(llm(chat_server, tmp_path), DOC).error is not None
    assert run_extractor(llm(chat_server, tmp_path), DOC).error is None
    assert len(chat_server.requests) == 2


def test_the_api_key_comes_from_the_named_variable(chat_server, tmp_path, reply, monkeypatch):
    monkeypatch.setenv("TEST_LLM_KEY", "sk-test")
    chat_server.script = [{"body": reply(json.dumps(GOOD))}]
    run_extractor(llm(chat_server, tmp_path, api_key_env="TEST_LLM_KEY"), DOC)
    assert chat_server.requests[0]["auth"] == "Bearer sk-test"


def test_fingerprint_follows_model_not_key(chat_server, tmp_path, monkeypatch):
    a = llm(chat_server, tmp_path)
    monkeypatch.setenv("OPENAI_API_KEY", "another")
    assert llm(chat_server, tmp_path).fingerprint == a.fingerprint
    assert llm(chat_server, tmp_path, model="other").fingerprint != a.fingerprint


def test_unconfigured_llm_is_a_config_error_naming_the_settings():
    from harness.errors import ConfigError

    with pytest.raises(ConfigError, match="base_url and model"):
        get_adapter("llm")


def test_deeply_nested_json_is_invalid_json_not_a_crash(chat_server, tmp_path, reply):
    chat_server.script = [{"body": reply("[" * 100_000 + "]" * 100_000)}]
    outcome = run_extractor(llm(chat_server, tmp_path), DOC)
    assert outcome.error["kind"] == "invalid-json"
    assert "nested" in outcome.error["message"]


def test_categories_must_be_known(chat_server, tmp_path):
    from harness.errors import ConfigError

    with pytest.raises(ConfigError, match="categories"):
        llm(chat_server, tmp_path, categories=["entities", "bogus"])
