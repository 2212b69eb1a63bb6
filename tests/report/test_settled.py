"""An adapter's run settled as soon as it is scored: the same reports, and nothing else kept."""

from __future__ import annotations

import dataclasses
import gc
import json
import weakref

import pytest

from harness.report import write_reports
from harness.report.settled import CHUNK_LINES, SettledResult, SpooledPredictions, settle
from harness.run import AdapterRun, DocumentRun, RunError, RunOptions, RunResult, score_adapter

from slice_corpus import make_corpus, predictions_for

DOMAINS = ["politics", "sports", "politics", None, "sports", "tech", "politics"]
SLICES = ("domain", "length")


def _scored(corpus, *, failed: str | None = None):
    """Adapter ``rules``, really scored on ``corpus``: document ``failed`` failed, the others lose some items."""
    predictions = predictions_for(corpus, [0, 2, 5, 1, 0, 3, 4])
    documents = tuple(DocumentRun("rules", doc_id, None, RunError("rules", doc_id, "extract", "boom", "it broke"), 0.1)
                      if doc_id == failed else DocumentRun("rules", doc_id, record, None, 0.01)
                      for doc_id, record in predictions.items())
    adapter_run = AdapterRun("rules", "1", "f" * 64, ("entities", "quotes", "figures", "events"), documents, 0.2)
    return score_adapter(corpus, adapter_run)


def _run(corpus, scored) -> RunResult:
    return RunResult(corpus, (scored,), RunOptions(("rules",), slice_by=SLICES), "2024-01-01T00:00:00+00:00", 0.5)


def _files(folder) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("shown", [0, 3, 20])
def test_a_settled_run_writes_the_same_reports(example_annotations, tmp_path, shown):
    from harness.config import parse_config

    corpus = make_corpus(example_annotations, DOMAINS)
    config = parse_config(f"[tool.harness.report]\nhtml_documents = {shown}\n", None)
    scored = _scored(corpus, failed="doc-4")
    whole, _ = write_reports(_run(corpus, scored), tmp_path / "whole", config=config)
    settled = settle(scored, corpus, slice_by=SLICES, shown=shown)
    reduced, _ = write_reports(_run(corpus, settled), tmp_path / "settled", config=config)
    assert reduced == whole
    assert _files(tmp_path / "settled") == _files(tmp_path / "whole")
    assert whole["slices"]["fields"]["domain"] and whole["adapters"]["rules"]["errors"]


def test_settling_lets_go_of_the_scores_and_the_predictions(example_annotations):
    corpus = make_corpus(example_annotations, DOMAINS)
    scored = _scored(corpus)
    result = weakref.ref(scored.result)
    record = weakref.ref(scored.run.documents[0].predictions)  # the value types are slotted: no weak references
    settled = settle(scored, corpus, slice_by=SLICES, shown=2)
    del scored
    gc.collect()
    assert result() is None and record() is None
    assert isinstance(settled.result, SettledResult) and sorted(settled.result.shown) == ["doc-0", "doc-1"]
    assert all(document.predictions is None and document.error is None for document in settled.run.documents)


def test_the_spooled_predictions_read_back_as_they_were(example_annotations):
    corpus = make_corpus(example_annotations, DOMAINS)
    scored = _scored(corpus, failed="doc-2")
    before = scored.run.predictions
    after = settle(scored, corpus, shown=0).run
    assert after.predictions == before
    assert after.failed == 1 and after.extracted == len(DOMAINS)


def test_predictions_are_spooled_in_chunks_in_corpus_order():
    from harness.predictions import Predictions

    records = {f"d{i:04d}": Predictions(f"d{i:04d}", entities=()) for i in range(CHUNK_LINES * 2 + 5)}
    spooled = SpooledPredictions.of(records)
    assert len(spooled.chunks) == 3 and spooled.documents == len(records)
    assert [json.loads(line)["doc_id"] for line in spooled.lines()] == list(records)


def test_an_adapter_that_could_not_be_built_is_left_as_it_is(example_annotations):
    from harness.run import ScoredAdapter

    failed = ScoredAdapter(AdapterRun("broken", "", "", (), (), 0.0, RunError("broken", None, "setup", "x", "y")))
    assert settle(failed, make_corpus(example_annotations, DOMAINS), shown=3) is failed


def test_a_run_settles_each_adapter_as_it_is_scored(example_annotations):
    from harness.run import AdapterSpec, run_evaluation

    class Echo:
        """Predicts the gold of each document (every category)."""

        name, version, fingerprint = "echo", "1", "e" * 64
        categories = ("entities", "quotes", "figures", "events")

        def __init__(self, corpus):
            self.gold = {a.document.id: a for a in corpus}

        def extract(self, document):
            from harness.predictions import from_gold

            return from_gold(self.gold[document.id], adapter="echo")

    corpus = make_corpus(example_annotations, DOMAINS)
    seen = []

    def keep(scored):
        seen.append(scored.name)
        return settle(scored, corpus, shown=1)

    run = run_evaluation(corpus, [AdapterSpec("echo", Echo(corpus))], settle=keep)
    assert seen == ["echo"] and isinstance(run.adapter("echo").result, SettledResult)
    assert dataclasses.asdict(run.adapter("echo").run.documents[0])["predictions"] is None
    assert run.adapter("echo").result.to_dict()["categories"]["entities"]["f1"] == 1.0


def test_a_settled_result_keeps_the_figure_counts_per_unit_of_the_whole(example_annotations):
    from harness.report.figure_units import figure_unit_counts

    corpus = make_corpus(example_annotations, DOMAINS)
    scored = _scored(corpus)
    whole = figure_unit_counts(scored.result)
    assert whole  # the example gold has figures: the test compares something
    assert figure_unit_counts(settle(scored, corpus, slice_by=SLICES, shown=0).result) == whole


@pytest.mark.parametrize("read_bytes", [5, 1 << 20])
def test_spooled_lines_are_the_records_lines_whatever_they_hold_and_however_they_are_inflated(monkeypatch,
                                                                                             read_bytes):
    import harness.report.settled
    from harness.predictions import PredictedEntity, Predictions, predictions_to_dict

    monkeypatch.setattr(harness.report.settled, "READ_BYTES", read_bytes)
    # U+2028 and U+0085 end a line for str.splitlines but are plain characters in JSON text
    texts = ["Line\u2028separator", "next\u0085line", "caf\u00e9 \U0001f600", "plain"]
    records = {f"d{i:04d}": Predictions(f"d{i:04d}", entities=(PredictedEntity(texts[i % 4], "ORG"),))
               for i in range(CHUNK_LINES + 3)}
    spooled = SpooledPredictions.of(records)
    expected = [json.dumps(predictions_to_dict(r), ensure_ascii=False) + "\n" for r in records.values()]
    assert list(spooled.lines()) == expected
    assert spooled.records() == records
