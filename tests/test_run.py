"""The run: cache use counted by calls, failures contained, parallel runs equal to serial ones."""

from __future__ import annotations

import functools
import hashlib
import os
import threading

import pytest

from harness.cache import PredictionCache, cache_key, document_key
from harness.model import Annotations, Corpus, Document
from harness.predictions import PredictedEntity, Predictions
from harness.run import AdapterSpec, build_adapters, extract_corpus


class CountingExtractor:
    """Finds capitalised words as entities; counts how often it is called, and fails where told."""

    categories = ("entities",)
    version = "1"

    def __init__(self, name: str = "counting", setting: str = "", fail_on: tuple[str, ...] = (),
                 die_on: tuple[str, ...] = ()):
        self.name, self.setting, self.fail_on, self.die_on = name, setting, fail_on, die_on
        self.calls: list[str] = []
        self._lock = threading.Lock()

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(f"{self.name}/{self.version}/{self.setting}".encode()).hexdigest()

    def extract(self, document: Document) -> Predictions:
        with self._lock:
            self.calls.append(document.id)
        if document.id in self.die_on:
            os._exit(3)  # a worker process that dies outright
        if document.id in self.fail_on:
            raise RuntimeError(f"cannot read {document.id}")
        entities, offset = [], 0
        for word in document.text.split(" "):
            if word[:1].isupper():
                entities.append(PredictedEntity(word, "ORG", offset, offset + len(word)))
            offset += len(word) + 1
        return Predictions(document.id, entities=tuple(entities))

    def __getstate__(self):
        state = dict(self.__dict__)
        del state["_lock"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.Lock()


def _corpus(count: int = 4, changed: str | None = None) -> Corpus:
    documents = []
    for number in range(count):
        text = f"Story {number} about Acme and Globex in Berlin"
        if changed == f"doc-{number}":
            text += " and Paris"
        documents.append(Annotations(Document(f"doc-{number}", text)))
    return Corpus(tuple(documents))


def test_a_second_run_with_nothing_changed_extracts_nothing(tmp_path):
    cache, extractor = PredictionCache(tmp_path), CountingExtractor()
    first = extract_corpus(extractor, _corpus(), cache=cache)
    second = extract_corpus(extractor, _corpus(), cache=cache)
    assert len(extractor.calls) == 4
    assert (second.extracted, second.cached) == (0, 4)
    assert second.predictions == first.predictions


def test_a_changed_text_reextracts_exactly_that_document(tmp_path):
    cache, extractor = PredictionCache(tmp_path), CountingExtractor()
    extract_corpus(extractor, _corpus(), cache=cache)
    extractor.calls.clear()
    again = extract_corpus(extractor, _corpus(changed="doc-2"), cache=cache)
    assert extractor.calls == ["doc-2"]
    assert [e.text for e in again.predictions["doc-2"].entities][-1] == "Paris"


def test_a_changed_adapter_setting_reextracts_everything(tmp_path):
    cache = PredictionCache(tmp_path)
    extract_corpus(CountingExtractor(setting="a"), _corpus(), cache=cache)
    changed = CountingExtractor(setting="b")
    extract_corpus(changed, _corpus(), cache=cache)
    assert sorted(changed.calls) == ["doc-0", "doc-1", "doc-2", "doc-3"]


def test_a_corrupt_entry_is_recomputed(tmp_path):
    cache, extractor = PredictionCache(tmp_path), CountingExtractor()
    corpus = _corpus()
    extract_corpus(extractor, corpus, cache=cache)
    entry = cache.entry_path(extractor.name, cache_key(extractor), document_key(corpus["doc-1"].document))
    entry.write_text('{"cache_version": 1, "predictions": ')
    extractor.calls.clear()
    again = extract_corpus(extractor, corpus, cache=cache)
    assert extractor.calls == ["doc-1"] and again.failed == 0 and entry.exists()


def test_one_failing_document_is_recorded_and_the_rest_run(tmp_path):
    extractor = CountingExtractor(fail_on=("doc-1",))
    run = extract_corpus(extractor, _corpus(), cache=PredictionCache(tmp_path))
    assert [e.doc_id for e in run.errors] == ["doc-1"]
    assert "cannot read doc-1" in run.errors[0].message
    assert run.predictions["doc-1"].entities == ()  # scored as predicting nothing
    assert len(run.predictions["doc-0"].entities) == 4


def test_a_failed_document_is_not_cached(tmp_path):
    cache = PredictionCache(tmp_path)
    extract_corpus(CountingExtractor(fail_on=("doc-1",)), _corpus(), cache=cache)
    healed = CountingExtractor()
    extract_corpus(healed, _corpus(), cache=cache)
    assert healed.calls == ["doc-1"]


@pytest.mark.parametrize("executor", ["thread", "process"])
def test_parallel_runs_give_what_a_serial_run_gives(executor):
    serial = extract_corpus(CountingExtractor(), _corpus(6))
    parallel = extract_corpus(CountingExtractor(), _corpus(6), jobs=2, executor=executor)
    assert parallel.predictions == serial.predictions
    assert [d.doc_id for d in parallel.documents] == [d.doc_id for d in serial.documents]


def test_a_worker_process_that_dies_becomes_errors_not_a_crash():
    factory = functools.partial(CountingExtractor, die_on=("doc-2",))
    run = extract_corpus(factory(), _corpus(), jobs=2, executor="process", factory=factory)
    assert "doc-2" in {e.doc_id for e in run.errors}
    assert len(run.documents) == 4


def test_an_adapter_that_crashes_while_built_is_recorded(monkeypatch, example_corpus):
    import harness.adapters

    def get_adapter(name, config=None, **kwargs):
        raise OSError("model file truncated")

    monkeypatch.setattr(harness.adapters, "get_adapter", get_adapter)
    [spec] = build_adapters(["spacy"], None, example_corpus)
    assert isinstance(spec, AdapterSpec) and spec.extractor is None
    assert spec.setup_error.stage == "setup" and "truncated" in spec.setup_error.message


def test_a_user_mistake_while_building_is_raised(monkeypatch, example_corpus):
    import harness.adapters
    from harness.errors import UsageError

    def get_adapter(name, config=None, **kwargs):
        raise UsageError(f"unknown adapter {name!r}")

    monkeypatch.setattr(harness.adapters, "get_adapter", get_adapter)
    with pytest.raises(UsageError):
        build_adapters(["rulez"], None, example_corpus)


class BatchingExtractor(CountingExtractor):
    """Extracts through ``extract_batch`` in batches of ``batch_size``; a document it is told to
    fail on comes back as an exception in its place in the batch."""

    def __init__(self, batch_size: int, **kwargs):
        super().__init__(**kwargs)
        self.batch_size = batch_size
        self.batches: list[tuple[str, ...]] = []

    def extract_batch(self, documents):
        from harness.adapters.base import ExtractionError

        self.batches.append(tuple(d.id for d in documents))
        out = []
        for document in documents:
            try:
                out.append(self.extract(document))
            except RuntimeError as exc:
                out.append(ExtractionError("http", str(exc)))
        return out


def test_a_batching_extractor_gets_its_batch_size_and_a_failed_document_costs_only_itself(tmp_path):
    extractor = BatchingExtractor(3, fail_on=("doc-4",))
    run = extract_corpus(extractor, _corpus(7), cache=PredictionCache(tmp_path))
    # the lone last document goes through extract(), like any single document
    assert extractor.batches == [("doc-0", "doc-1", "doc-2"), ("doc-3", "doc-4", "doc-5")]
    assert extractor.calls[-1] == "doc-6"
    assert [d.doc_id for d in run.documents] == [f"doc-{n}" for n in range(7)]
    failed = [d for d in run.documents if d.error is not None]
    assert [(d.doc_id, d.error.kind) for d in failed] == [("doc-4", "http")]
    assert run.documents[3].predictions is not None and run.documents[5].predictions is not None
    again = BatchingExtractor(3)
    second = extract_corpus(again, _corpus(7), cache=PredictionCache(tmp_path))
    assert again.calls == ["doc-4"]  # every other document was cached as its batch finished
    assert second.failed == 0


@pytest.mark.parametrize("executor", ["thread", "process"])
def test_batches_in_parallel_equal_batches_in_series(executor):
    serial = extract_corpus(BatchingExtractor(2), _corpus(9))
    parallel = extract_corpus(BatchingExtractor(2), _corpus(9), jobs=2, executor=executor)
    assert [d.predictions for d in parallel.documents] == [d.predictions for d in serial.documents]


def test_an_extractor_without_its_own_batch_method_is_called_one_document_at_a_time():
    from harness.adapters.base import BaseExtractor, batch_size_of

    class Plain(BaseExtractor):
        batch_size = 16

    class Own(BaseExtractor):
        batch_size = 16

        def extract_batch(self, documents):
            return [self.extract(d) for d in documents]

    assert batch_size_of(Plain()) == 1  # the base class's loop gains nothing from batches
    assert batch_size_of(Own()) == 16
    assert batch_size_of(CountingExtractor()) == 1


# --- how many workers: --jobs auto and --executor auto ---


class Waiting(CountingExtractor):
    io_bound = True


@pytest.mark.parametrize("documents, cores, expected", [
    (1, 2, ("serial", 1)),          # a handful of documents never starts a pool
    (40, 2, ("serial", 1)),         # one worker's worth of documents: serial
    (64, 2, ("process", 2)),        # enough for both cores
    (10_000, 2, ("process", 2)),    # never more processes than cores
    (10_000, 8, ("process", 8)),
])
def test_auto_takes_a_process_per_core_for_enough_documents_of_a_computing_adapter(documents, cores, expected):
    from harness.run import plan_parallelism

    plan = plan_parallelism(CountingExtractor(), documents, "auto", "auto", cores=cores)
    assert (plan.executor, plan.jobs) == expected


def test_auto_runs_an_io_bound_adapter_in_threads_even_for_few_documents():
    from harness.run import IO_THREADS_PER_CORE, plan_parallelism

    assert plan_parallelism(Waiting(), 3, "auto", "auto", cores=2) == plan_parallelism(Waiting(), 3, 3, "thread")
    plan = plan_parallelism(Waiting(), 1000, "auto", "auto", cores=2)
    assert (plan.executor, plan.jobs) == ("thread", 2 * IO_THREADS_PER_CORE)


def test_a_number_of_jobs_is_taken_as_given_but_never_more_than_the_tasks():
    from harness.run import plan_parallelism

    assert plan_parallelism(CountingExtractor(), 5, 4, "auto").jobs == 4
    assert plan_parallelism(CountingExtractor(), 3, 4, "thread").jobs == 3
    assert plan_parallelism(CountingExtractor(), 100, 1, "process").serial
    assert plan_parallelism(CountingExtractor(), 100, 8, "process", chunks=1).serial


@pytest.mark.parametrize("jobs, executor", [("auto", "auto"), (2, "auto"), (3, "thread"), (2, "process")])
def test_predictions_are_the_same_whatever_the_jobs(monkeypatch, jobs, executor):
    import harness.run

    monkeypatch.setattr(harness.run, "MIN_DOCUMENTS_PER_WORKER", 2)  # so auto starts a pool on a small corpus
    monkeypatch.setattr(harness.run, "MIN_SECONDS_PER_DOCUMENT_IN_PROCESSES", 0)  # however fast the adapter
    monkeypatch.setattr(harness.run, "available_cores", lambda: 2)
    serial = extract_corpus(CountingExtractor(fail_on=("doc-3",)), _corpus(9))
    parallel = extract_corpus(CountingExtractor(fail_on=("doc-3",)), _corpus(9), jobs=jobs, executor=executor)
    assert parallel.predictions == serial.predictions
    assert [(d.doc_id, d.error is None) for d in parallel.documents] == [(d.doc_id, d.error is None)
                                                                         for d in serial.documents]


def test_auto_keeps_a_fast_adapter_out_of_processes(monkeypatch):
    import harness.run

    monkeypatch.setattr(harness.run, "MIN_DOCUMENTS_PER_WORKER", 2)
    monkeypatch.setattr(harness.run, "MIN_SECONDS_PER_DOCUMENT_IN_PROCESSES", 3600)  # every adapter is "fast"
    monkeypatch.setattr(harness.run, "available_cores", lambda: 2)
    started = []
    monkeypatch.setitem(harness.run.EXECUTORS, "process", lambda job: started.append(job) or iter(()))
    extractor = CountingExtractor()
    run = extract_corpus(extractor, _corpus(9), jobs="auto", executor="auto")
    assert started == [] and sorted(extractor.calls) == [f"doc-{n}" for n in range(9)] and run.failed == 0


@pytest.mark.parametrize("where", ["processes", "here"])
def test_scoring_in_shards_equals_scoring_the_whole(monkeypatch, where):
    from pathlib import Path

    import harness.run
    from harness.adapters import get_adapter
    from harness.gold import load_gold
    from harness.run import score_adapter

    corpus = load_gold(Path(__file__).resolve().parent.parent / "gold")
    run = extract_corpus(get_adapter("rules"), corpus)
    serial = score_adapter(corpus, run, {"resamples": 50})
    # the probe's verdict, forced: the rest of the corpus is scored in worker processes, or here
    monkeypatch.setattr(harness.run, "MIN_SECONDS_PER_DOCUMENT_SCORED_IN_PROCESSES",
                        -3600 if where == "processes" else 3600)
    pools = []
    real = harness.run._score_in_processes
    monkeypatch.setattr(harness.run, "_score_in_processes", lambda *a: pools.append(a[-1]) or real(*a))
    parallel = score_adapter(corpus, run, {"resamples": 50}, jobs=3, executor="auto")
    assert pools == ([3] if where == "processes" else [])
    assert parallel.result.to_dict(items=True) == serial.result.to_dict(items=True)


def test_the_adapters_that_wait_run_in_threads_and_the_ones_that_compute_in_processes():
    from harness.adapters.base import is_io_bound
    from harness.adapters.command import CommandExtractor
    from harness.adapters.llm import LLMExtractor
    from harness.adapters.oracle import OracleExtractor
    from harness.adapters.predictions_file import PredictionsFileExtractor
    from harness.adapters.rules import RulesExtractor
    from harness.adapters.spacy_adapter import SpacyExtractor

    assert [is_io_bound(c) for c in (LLMExtractor, CommandExtractor, PredictionsFileExtractor)] == [True] * 3
    assert [is_io_bound(c) for c in (RulesExtractor, SpacyExtractor, OracleExtractor)] == [False] * 3


class TimedBatchExtractor(BatchingExtractor):
    """A batch whose documents wait side by side: each result says how long its own document took."""

    def extract_batch(self, documents):
        from harness.usage import Extracted

        return [Extracted(self.extract(d), None, seconds=float(n)) for n, d in enumerate(documents, start=1)]


def test_a_batch_element_that_knows_its_own_time_keeps_it_rather_than_a_share():
    run = extract_corpus(TimedBatchExtractor(3), _corpus(3))
    assert [d.seconds for d in run.documents] == [1.0, 2.0, 3.0]


def _counting_fingerprints(monkeypatch) -> list[int]:
    import harness.model

    computed: list[int] = []
    real = harness.model._fingerprint_of
    monkeypatch.setattr(harness.model, "_fingerprint_of", lambda documents: computed.append(1) or real(documents))
    return computed


def test_the_gold_fingerprint_of_a_run_is_computed_once_for_the_report_and_the_history(monkeypatch, example_corpus):
    from harness.model import _fingerprint_of
    from harness.report import build_report
    from harness.run import RunResult

    corpus = Corpus(tuple(example_corpus))  # a corpus of its own, whose fingerprint nothing has asked for yet
    computed = _counting_fingerprints(monkeypatch)
    run = RunResult(corpus, ())
    assert build_report(run)["gold"]["fingerprint"] == run.corpus.fingerprint == _fingerprint_of(corpus.documents)
    assert len(computed) == 1  # the real function imported above is not counted


def test_an_oracle_run_serialises_the_gold_once_for_its_model_and_the_report(monkeypatch, example_corpus):
    from harness.report import build_report
    from harness.run import run_evaluation

    corpus = Corpus(tuple(example_corpus))
    computed = _counting_fingerprints(monkeypatch)
    specs = build_adapters(["oracle"], None, corpus)
    run = run_evaluation(corpus, specs)
    report = build_report(run)
    assert report["adapters"]["oracle"]["status"] == "ok"
    assert report["gold"]["fingerprint"] == corpus.fingerprint
    assert len(computed) == 1
