"""The viewer's JSON API, through a real HTTP client against the server on a free 127.0.0.1 port."""

from __future__ import annotations

import dataclasses
import http.client
import json
import urllib.error
import urllib.request
from collections import Counter
from urllib.parse import quote

import pytest

from harness.predictions import from_gold
from harness.viewer import ViewerApi, start_in_thread

from .conftest import HOSTILE, HOSTILE_TEXT, NEW, OLD, WRONG_SPEAKER, MadeUp, write_run


def fetch(server, path: str, headers: dict | None = None, method: str = "GET") -> tuple[int, dict, bytes]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=60)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def get_json(server, path: str):
    with urllib.request.urlopen(f"{server.url.rstrip('/')}{path}", timeout=60) as response:
        assert response.headers["Content-Type"].startswith("application/json")
        return json.loads(response.read())


def report_of(project, run_id: str) -> dict:
    folder = project / "reports" / ("latest" if run_id == "latest" else f"runs/{run_id}")
    return json.loads((folder / "report.json").read_text(encoding="utf-8"))


def test_runs_are_listed_newest_first_then_latest(server):
    runs = get_json(server, "/api/runs")["runs"]
    assert [r["id"] for r in runs] == [NEW, OLD, "latest"]
    assert all(r["gold"]["documents"] == 4 for r in runs)


def test_headline_scores_are_the_reports_own(server, project):
    for run in get_json(server, "/api/runs")["runs"]:
        scores = report_of(project, run["id"])["adapters"]["made-up"]["scores"]
        assert {c: s["f1"] for c, s in run["adapters"]["made-up"]["scores"].items()} == \
               {c: s["f1"] for c, s in scores.items()}


def test_a_run_is_its_report_json(server, project):
    assert get_json(server, f"/api/runs/{OLD}")["report"] == report_of(project, OLD)


@pytest.mark.parametrize("path", [
    "/api/runs/nope", "/api/runs/nope/documents", f"/api/runs/{OLD}/documents/nope", "/api/nothing",
    "/api/runs/..%2F..%2Fgold/documents", f"/api/runs/{OLD}/documents/..%2F..%2F..%2Fgold%2Fdocuments%2Fdoc-0",
    "/api/runs/%2Fetc/documents", "/static/../runs.py", "/static/runs.py", "/static/%2E%2E/api.py", "/etc/passwd",
])
def test_unknown_runs_documents_and_paths_are_404_json(server, path):
    status, headers, body = fetch(server, path)
    assert status == 404
    assert headers["content-type"].startswith("application/json") and json.loads(body)["error"]


def test_diff_without_two_runs_is_a_400(server):
    status, _, body = fetch(server, f"/api/diff?a={OLD}")
    assert status == 400 and "two runs" in json.loads(body)["error"]


def test_only_get_is_answered(server):
    status, _, _ = fetch(server, "/api/runs", method="POST")
    assert status == 405


def test_a_request_for_another_host_is_refused(server):
    status, _, body = fetch(server, "/api/runs", headers={"Host": "attacker.example:80"})
    assert status == 403 and b"127.0.0.1" in body


def test_every_response_forbids_loading_from_elsewhere(server):
    for path in ("/", "/static/viewer.js", "/api/runs", "/api/runs/nope"):
        _, headers, _ = fetch(server, path)
        assert headers["content-security-policy"].startswith("default-src 'self'")
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_each_documents_outcomes_agree_with_the_scores_in_the_report(server, project):
    """By each item's counts (a loose match listed once counts an fp and an fn), the items of every
    document add up to the report's tp, fp, fn."""
    for run_id in (OLD, NEW):
        scores = report_of(project, run_id)["adapters"]["made-up"]["scores"]
        totals: Counter = Counter()
        for document in get_json(server, f"/api/runs/{run_id}/documents")["documents"]:
            view = get_json(server, f"/api/runs/{run_id}/documents/{quote(document['doc_id'])}")
            for item in view["items"]:
                if item["layer"] == "made-up":
                    for kind, n in item["counts"].items():
                        totals[(item["category"], kind)] += n
        for category, score in scores.items():
            assert (totals[(category, "tp")], totals[(category, "fp")], totals[(category, "fn")]) == \
                   (score["tp"], score["fp"], score["fn"]), (run_id, category)


def test_a_document_is_its_gold_text_with_a_gold_layer_and_an_adapter_layer(server, project):
    view = get_json(server, f"/api/runs/{OLD}/documents/doc-0")
    assert view["text"] == (project / "gold" / "documents" / "doc-0.txt").read_text(encoding="utf-8")
    assert view["layers"] == ["gold", "made-up"]
    gold = [i for i in view["items"] if i["layer"] == "gold"]
    assert gold and all(view["text"][i["start"]:i["end"]] == i["gold"]["text"] for i in gold)


def test_a_wrong_type_and_a_missed_mention_are_named(server):
    items = get_json(server, f"/api/runs/{OLD}/documents/doc-0")["items"]
    outcomes = Counter(i["outcome"] for i in items if i["layer"] == "made-up" and i["category"] == "entities")
    # doc-0 of the old run drops one mention and mistypes one: a false alarm and a miss, listed once as a pair
    assert outcomes["wrong type"] == 1 and outcomes["missed"] == 1
    (wrong,) = [i for i in items if i["outcome"] == "wrong type"]
    assert wrong["gold"]["start"] == wrong["predicted"]["start"] and "wrong type" in wrong["note"]
    assert wrong["counts"] == {"tp": 0, "fp": 1, "fn": 1} and (wrong["start"], wrong["end"]) == \
           (wrong["gold"]["start"], wrong["gold"]["end"])


def test_a_wrong_speaker_comes_with_the_gold_speaker(server, project, example_annotations):
    items = get_json(server, f"/api/runs/{OLD}/documents/doc-1")["items"]
    quote_item = next(i for i in items if i["layer"] == "made-up" and i["category"] == "quotes"
                      and WRONG_SPEAKER in i["note"])
    speaker = example_annotations.entity(example_annotations.quotes[0].speaker_entity).canonical_name
    assert quote_item["outcome"] == "wrong speaker" and quote_item["speaker"] == WRONG_SPEAKER
    assert quote_item["gold_speaker"] == speaker and f"gold speaker {speaker!r}" in quote_item["note"]
    # its own outcome in the documents list too, so the filter and the error count see it
    listing = get_json(server, f"/api/runs/{OLD}/documents")["documents"]
    assert next(d for d in listing if d["doc_id"] == "doc-1")["outcomes"]["made-up"]["wrong speaker"] == 1


def test_hostile_text_comes_back_as_the_same_string(server):
    view = get_json(server, f"/api/runs/{NEW}/documents/hostile")
    assert view["text"] == HOSTILE_TEXT and view["title"] == HOSTILE


def test_the_diff_is_the_paired_comparison_of_the_two_runs(server, project):
    diff = get_json(server, f"/api/diff?a={OLD}&b={NEW}")
    entities = diff["adapters"]["made-up"]["categories"]["entities"]
    old = report_of(project, OLD)["adapters"]["made-up"]["scores"]["entities"]["f1"]
    new = report_of(project, NEW)["adapters"]["made-up"]["scores"]["entities"]["f1"]
    assert (entities["f1_a"], entities["f1_b"]) == pytest.approx((old, new))
    assert entities["delta_f1"] == pytest.approx(new - old)
    low, high = entities["ci95"]
    assert low <= entities["delta_f1"] <= high
    # doc-0: the old run dropped its first mention, the new one keeps it; doc-2: the new run drops one
    gained = {(i["gold"]["start"], i["gold"]["end"]) for i in entities["right_in_b_only"]}
    lost = entities["right_in_a_only"]
    assert gained and lost
    first = get_json(server, f"/api/runs/{NEW}/documents/doc-0")["items"]
    first_gold = min((i["start"], i["end"]) for i in first if i["layer"] == "gold" and i["category"] == "entities")
    assert first_gold in gained


class Moved(MadeUp):
    """Perfect predictions, except that the last mention is one character short (a wrong span where
    MadeUp gives a wrong type); the quotes keep their speakers (MadeUp gives the first a wrong one)."""

    def extract(self, document):
        perfect = from_gold(self.corpus[document.id], adapter="made-up")
        entities = list(perfect.entities)
        last = entities[-1]
        entities[-1] = dataclasses.replace(last, end=last.end - 1, text=document.text[last.start:last.end - 1])
        return dataclasses.replace(perfect, entities=tuple(entities))


def test_the_diff_lists_the_items_that_moved_between_kinds_of_error(project, tmp_path):
    from harness.gold import load_gold

    corpus = load_gold(project / "gold")
    write_run(corpus, project / "gold", tmp_path / "reports" / "runs" / OLD, {})
    write_run(corpus, project / "gold", tmp_path / "reports" / "runs" / NEW, {}, Moved)
    server, thread = start_in_thread(ViewerApi((), tmp_path / "reports"))
    try:
        diff = get_json(server, f"/api/diff?a={OLD}&b={NEW}")["adapters"]["made-up"]["categories"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    moved = {(c["doc_id"], category, c["outcome_a"], c["outcome_b"])
             for category, found in diff.items() for c in found["outcome_changed"]}
    last_mentions = {a.document.id: (from_gold(a).entities[-1].start, from_gold(a).entities[-1].end) for a in corpus}
    expected = {(doc_id, "entities", "wrong type", "wrong span") for doc_id in last_mentions}
    expected |= {(a.document.id, "quotes", "wrong speaker", "hit") for a in corpus if a.quotes}
    assert moved == expected
    for change in diff["entities"]["outcome_changed"]:
        assert (change["gold"]["start"], change["gold"]["end"]) == last_mentions[change["doc_id"]]
        assert "wrong type" in change["note_a"] and "wrong span" in change["note_b"]
    # right in both runs and wrong in both: none of them is a lost or gained item
    assert not diff["entities"]["right_in_a_only"] and not diff["entities"]["right_in_b_only"]


def test_the_minimal_breaking_variant_is_rebuilt_with_its_noise_marked(server, project):
    found = get_json(server, f"/api/runs/{NEW}/robustness")
    (variant,) = found["minimal"]
    saved = json.loads(next((project / "reports" / "robustness").glob("minimal-*.json")).read_text(encoding="utf-8"))
    (block,) = saved["noise"]["insertions"]
    (noise,) = variant["noise"]
    assert variant["text"][noise["start"]:noise["end"]] == block["text"]
    assert noise["kind"] == block["kind"] and variant["broken"] == ["entities"]
    assert variant["replay"].startswith("harness robustness --adapter made-up --replay ")
    assert variant["replay"].endswith(".json")


def test_named_runs_only_are_shown(project):
    api = ViewerApi([str(project / "reports" / "runs" / OLD / "report.json"), str(project / "reports" / "latest")],
                    project / "reports")
    assert [r["id"] for r in api.answer(["runs"], {})["runs"]] == [OLD, "latest"]


def test_a_run_whose_gold_changed_is_refused_with_the_reason(project, tmp_path):
    import shutil

    gold = tmp_path / "gold"
    shutil.copytree(project / "gold", gold)
    (gold / "documents" / "doc-2.txt").unlink()  # the gold is still valid, but not the run's
    (gold / "annotations" / "doc-2.json").unlink()
    server, thread = start_in_thread(ViewerApi((), project / "reports", gold))
    try:
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(f"{server.url}api/runs/{OLD}/documents", timeout=60)
        assert caught.value.code == 422
        message = json.loads(caught.value.read())["error"]
        assert "has changed since this run" in message and "--gold" in message
    finally:
        server.shutdown()
        server.server_close()


def test_a_broken_report_or_robustness_file_is_named_not_a_crash(project, tmp_path):
    import shutil

    reports = tmp_path / "reports"
    shutil.copytree(project / "reports" / "runs" / OLD, reports / "runs" / OLD)
    (reports / "runs" / "20260103T000000Z-0c0c0c0c").mkdir(parents=True)
    (reports / "runs" / "20260103T000000Z-0c0c0c0c" / "report.json").write_text("{not json", encoding="utf-8")
    (reports / "robustness").mkdir()
    (reports / "robustness" / "robustness-made-up.json").write_text("[1, 2]", encoding="utf-8")
    server, thread = start_in_thread(ViewerApi((), reports, project / "gold"))
    try:
        runs = get_json(server, "/api/runs")["runs"]
        assert [r["id"] for r in runs] == ["20260103T000000Z-0c0c0c0c", OLD]
        assert "report.json" in runs[0]["error"]
        status, _, body = fetch(server, "/api/runs/20260103T000000Z-0c0c0c0c")
        assert status == 422 and "report.json" in json.loads(body)["error"]
        (found,) = get_json(server, f"/api/runs/{OLD}/robustness")["reports"]
        assert "not a robustness report" in found["error"]
    finally:
        server.shutdown()
        server.server_close()
