"""The evaluation run: every adapter on every gold document, then scored.

Extraction is parallel over documents (threads or processes, ``jobs`` of
them; ``auto`` picks both per adapter, see ``plan_parallelism``) and served
from the prediction cache where nothing changed; scoring is parallel over
shards of the corpus whose results merge by addition. A
document that fails in one adapter becomes an error in the run's record and
the run goes on; so does an adapter that cannot be built or whose worker
processes die. Failed documents are scored as predicting nothing, so a
failure costs recall and can never raise a score.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import math
import os
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .cache import CacheStats, PredictionCache, cache_key
from .model import Annotations, Corpus, Document
from .predictions import Predictions

@dataclass(frozen=True)
class RunError:
    """Something that went wrong in a run: which adapter, which document, at what stage."""

    adapter: str
    doc_id: str | None
    stage: str  # 'setup' | 'extract' | 'score'
    kind: str
    message: str
    detail: str | None = None

    def to_dict(self) -> dict:
        return {
            "adapter": self.adapter,
            "doc_id": self.doc_id,
            "stage": self.stage,
            "kind": self.kind,
            "message": self.message,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class DocumentRun:
    """One adapter on one document: its predictions or its error, and how long it took."""

    adapter: str
    doc_id: str
    predictions: Predictions | None
    error: RunError | None
    seconds: float
    cached: bool = False
    usage: Any = None  # harness.usage.Usage: what this document cost in this run (None: nothing reported)


@dataclass(frozen=True)
class AdapterRun:
    """One adapter over the corpus."""

    name: str
    version: str
    fingerprint: str
    categories: tuple[str, ...]
    documents: tuple[DocumentRun, ...] = ()
    seconds: float = 0.0
    setup_error: RunError | None = None
    # harness.report.settled.SpooledPredictions: the predictions, once let go of by the documents
    spooled: Any = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "categories", tuple(self.categories))
        object.__setattr__(self, "documents", tuple(self.documents))

    @property
    def predictions(self) -> dict[str, Predictions]:
        """Predictions per document id; a failed document predicts nothing in each category."""
        if self.spooled is not None:
            return self.spooled.records()
        out: dict[str, Predictions] = {}
        for document in self.documents:
            if document.predictions is not None:
                out[document.doc_id] = document.predictions
            else:
                out[document.doc_id] = empty_predictions(document.doc_id, self.categories, self.name)
        return out

    @property
    def errors(self) -> tuple[RunError, ...]:
        found = [self.setup_error] if self.setup_error else []
        found += [d.error for d in self.documents if d.error is not None]
        return tuple(found)

    @property
    def extracted(self) -> int:
        """Documents the adapter was actually called on (not served from cache)."""
        return sum(1 for d in self.documents if not d.cached)

    @property
    def cached(self) -> int:
        return sum(1 for d in self.documents if d.cached)

    @property
    def failed(self) -> int:
        return sum(1 for d in self.documents if d.error is not None)


@dataclass(frozen=True)
class ScoredAdapter:
    """An adapter's run with its scores (None when it could not be scored)."""

    run: AdapterRun
    result: Any = None  # harness.scoring.EvaluationResult
    scoring_seconds: float = 0.0
    scoring_error: RunError | None = None
    scoring_faults: tuple[RunError, ...] = ()  # documents the scorer could not score
    warnings: tuple[Any, ...] = ()  # harness.prediction_checks.PredictionWarning: unknown types or documents

    @property
    def name(self) -> str:
        return self.run.name

    @property
    def errors(self) -> tuple[RunError, ...]:
        return self.run.errors + ((self.scoring_error,) if self.scoring_error else ()) + tuple(self.scoring_faults)


@dataclass(frozen=True)
class RunOptions:
    """How a run was asked for: recorded in the report so it can be repeated."""

    adapters: tuple[str, ...] = ()
    jobs: int | str = 1  # a number of workers, or "auto" (see plan_parallelism)
    executor: str = "thread"  # a name in EXECUTORS, or "auto"
    use_cache: bool = True
    gold: str = "gold"
    slice_by: tuple[str, ...] = ()  # slice fields every score is also reported by (harness.slices)
    sample: Any = None  # harness.sample.Sample when the run used part of the gold (report.json "sample")

    def __post_init__(self) -> None:
        object.__setattr__(self, "adapters", tuple(self.adapters))
        object.__setattr__(self, "slice_by", tuple(self.slice_by))
        if self.executor != AUTO and self.executor not in EXECUTORS:
            raise ValueError(f"executor must be one of {(AUTO, *EXECUTORS)}, not {self.executor!r}")
        if self.jobs != AUTO and (isinstance(self.jobs, bool) or not isinstance(self.jobs, int) or self.jobs < 1):
            raise ValueError(f"jobs must be {AUTO!r} or at least 1, not {self.jobs!r}")

    def to_dict(self) -> dict:
        return {"adapters": list(self.adapters), "jobs": self.jobs, "executor": self.executor,
                "cache": self.use_cache, "gold": self.gold, "slice_by": list(self.slice_by)}


@dataclass(frozen=True)
class RunResult:
    """A whole run: the gold, each adapter's scored run, options and timings."""

    corpus: Corpus
    adapters: tuple[ScoredAdapter, ...]
    options: RunOptions = field(default_factory=RunOptions)
    started: str = ""
    seconds: float = 0.0
    cache: CacheStats | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "adapters", tuple(self.adapters))

    @property
    def errors(self) -> tuple[RunError, ...]:
        return tuple(error for adapter in self.adapters for error in adapter.errors)

    @property
    def ok(self) -> bool:
        return not self.errors

    def adapter(self, name: str) -> ScoredAdapter:
        for scored in self.adapters:
            if scored.name == name:
                return scored
        raise KeyError(name)


def empty_predictions(doc_id: str, categories: Iterable[str], adapter: str | None = None) -> Predictions:
    """Predictions of nothing, in each of ``categories``."""
    wanted = set(categories)
    return Predictions(doc_id, *(() if name in wanted else None
                                 for name in ("entities", "quotes", "figures", "events")), adapter=adapter)


def _error_from_outcome(adapter: str, doc_id: str, error: Any) -> RunError:
    if isinstance(error, Mapping):
        message = str(error.get("message") or error.get("error") or error)
        kind = str(error.get("kind") or error.get("type") or "error")
        # the adapter's evidence, most telling first: what the program said, where the output broke
        parts = [f"{label}: {error[key]}" for key, label in (("stderr_tail", "stderr"), ("pointer", "at"),
                                                             ("raw", "output"), ("detail", "detail"))
                 if error.get(key)]
        if error.get("traceback"):
            parts.append(str(error["traceback"]))
        return RunError(adapter, doc_id, "extract", kind, message, "\n".join(parts) or None)
    return RunError(adapter, doc_id, "extract", "error", str(error))


def _exception_error(adapter: str, doc_id: str | None, stage: str, exc: BaseException) -> RunError:
    return RunError(adapter, doc_id, stage, type(exc).__name__, str(exc) or type(exc).__name__,
                    "".join(traceback.format_exception(exc)[-6:]))


def extract_document(extractor: Any, document: Document) -> DocumentRun:
    """Run ``extractor`` on one document; never raises for an adapter fault."""
    from .adapters import run_extractor

    name = getattr(extractor, "name", "adapter")
    started = time.perf_counter()
    try:
        outcome = run_extractor(extractor, document)
    except Exception as exc:  # run_extractor promises not to raise; a bug there must not end the run
        return DocumentRun(name, document.id, None, _exception_error(name, document.id, "extract", exc),
                           time.perf_counter() - started)
    seconds = getattr(outcome, "seconds", None)
    return _document_run(name, document, outcome, time.perf_counter() - started if seconds is None else float(seconds))


def extract_chunk(extractor: Any, documents: Sequence[Document]) -> list[DocumentRun]:
    """Run ``extractor`` on a chunk of documents: one ``extract`` call, or one ``extract_batch``
    call for several (see ``harness.adapters.base.batch_size_of``); never raises for an adapter fault."""
    from .adapters import run_extractor_batch

    if len(documents) == 1:
        return [extract_document(extractor, documents[0])]
    name = getattr(extractor, "name", "adapter")
    try:
        outcomes = run_extractor_batch(extractor, documents)
    except Exception as exc:  # run_extractor_batch promises not to raise
        return [DocumentRun(name, d.id, None, _exception_error(name, d.id, "extract", exc), 0.0) for d in documents]
    return [_document_run(name, document, outcome, float(outcome.seconds))
            for document, outcome in zip(documents, outcomes)]


def _document_run(name: str, document: Document, outcome: Any, seconds: float) -> DocumentRun:
    usage = getattr(outcome, "usage", None)
    if outcome.error is not None or outcome.predictions is None:
        error = _error_from_outcome(name, document.id, outcome.error or {"kind": "no-predictions",
                                                                          "message": "the adapter returned nothing"})
        return DocumentRun(name, document.id, None, error, seconds, usage=usage)
    predictions = outcome.predictions
    if predictions.doc_id != document.id:
        import dataclasses

        predictions = dataclasses.replace(predictions, doc_id=document.id)
    return DocumentRun(name, document.id, predictions, None, seconds, usage=usage)


# --- executors: how the chunks of one adapter are spread over workers ---


@dataclass(frozen=True)
class ExtractionJob:
    """The documents one adapter still has to extract, cut into chunks, and how to run them.

    ``factory`` builds a fresh extractor (a picklable callable) for workers
    that cannot share ``extractor``: processes, or machines of a cluster.
    """

    extractor: Any
    chunks: tuple[tuple[Document, ...], ...]
    jobs: int = 1
    factory: Callable[[], Any] | None = None


# An executor yields each chunk with its document runs as the chunk finishes (in any order), or
# with the exception that lost it (a dead worker); it never stops for one chunk's failure.
ChunkResult = tuple[tuple[Document, ...], "list[DocumentRun] | BaseException"]


def run_serial(job: ExtractionJob) -> Iterator[ChunkResult]:
    for chunk in job.chunks:
        yield chunk, extract_chunk(job.extractor, chunk)


def run_threads(job: ExtractionJob) -> Iterator[ChunkResult]:
    with concurrent.futures.ThreadPoolExecutor(max_workers=job.jobs) as pool:
        yield from _as_completed(pool, {pool.submit(extract_chunk, job.extractor, chunk): chunk
                                        for chunk in job.chunks})


def run_processes(job: ExtractionJob) -> Iterator[ChunkResult]:
    # several chunks go to a worker at a time, so sending a task costs little beside a fast adapter's
    # work; small enough bundles still reach the cache (and the progress bar) as they finish
    size = max(1, min(BUNDLE_CHUNKS, len(job.chunks) // (job.jobs * 8)))
    bundles = [job.chunks[i:i + size] for i in range(0, len(job.chunks), size)]
    with worker_factory(job, "process") as factory, concurrent.futures.ProcessPoolExecutor(
            max_workers=job.jobs, initializer=_init_worker, initargs=(factory,)) as pool:
        futures = {pool.submit(_extract_bundle_in_worker, bundle): bundle for bundle in bundles}
        for bundle, outcomes in _as_completed(pool, futures):
            if isinstance(outcomes, BaseException):
                yield from ((chunk, outcomes) for chunk in bundle)
            else:
                yield from zip(bundle, outcomes)


@contextlib.contextmanager
def worker_factory(job: ExtractionJob, executor: str) -> Iterator[Callable[[], Any]]:
    """The factory each worker of ``executor`` builds its extractor with, while the workers run.

    An extractor whose workers must share something with it for the run (the
    ``llm`` adapter's budget) has ``share_with_workers(executor)``, a context
    manager giving a picklable handle, which each worker's extractor takes
    with ``join_shared``.
    """
    import functools

    factory = job.factory or functools.partial(_return_extractor, job.extractor)
    share = getattr(job.extractor, "share_with_workers", None)
    if share is None:
        yield factory
        return
    with share(executor) as handle:
        yield factory if handle is None else functools.partial(_joining, factory, handle)


def _joining(factory: Callable[[], Any], handle: Any) -> Any:
    extractor = factory()
    extractor.join_shared(handle)
    return extractor


def _as_completed(pool: concurrent.futures.Executor, futures: dict) -> Iterator[ChunkResult]:
    for future in concurrent.futures.as_completed(futures):
        try:
            yield futures[future], future.result()
        except Exception as exc:  # a dead worker process, or a factory that fails
            yield futures[future], exc


# name -> the function, or "module:function" for an executor imported only when a run asks for it
EXECUTORS: dict[str, Callable[[ExtractionJob], Iterator[ChunkResult]] | str] = {
    "thread": run_threads,
    "process": run_processes,
    "ray": "harness.distributed:run_ray",
}


# --- how many workers of which kind: ``--jobs auto`` and ``--executor auto`` ---

AUTO = "auto"
# a process pool costs its start-up and each worker builds its own extractor (a spaCy model, say):
# below this many documents per worker a serial run is as fast, so no pool is started
MIN_DOCUMENTS_PER_WORKER = 32
IO_THREADS_PER_CORE = 4  # threads of an I/O-bound adapter mostly wait, so more of them than cores
BUNDLE_CHUNKS = 16  # at most this many chunks per task sent to a worker process
# with --jobs auto the first documents are extracted (and scored) in the run's own process, timed:
# a process pool starts only when a document costs more than sending it to a worker and back
PROBE_DOCUMENTS = 4
MIN_SECONDS_PER_DOCUMENT_IN_PROCESSES = 0.005
# a scored document's result (its items) is larger than its predictions: scoring goes to processes
# only when it costs several times the trip back, and more than this much besides
SCORING_WORK_OVER_SENDING = 4
MIN_SECONDS_PER_DOCUMENT_SCORED_IN_PROCESSES = 0.010


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says, else every core)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Parallelism:
    """How one adapter's documents are spread: ``jobs`` workers of ``executor`` (``serial``: none)."""

    jobs: int
    executor: str

    @property
    def serial(self) -> bool:
        return self.executor == "serial"


SERIAL = Parallelism(1, "serial")


def plan_parallelism(extractor: Any, documents: int, jobs: int | str = AUTO, executor: str = AUTO,
                     *, chunks: int | None = None, cores: int | None = None) -> Parallelism:
    """The workers for ``documents`` documents (``chunks`` tasks) of ``extractor``.

    ``executor="auto"`` runs an I/O-bound adapter (``io_bound = True``) in
    threads and any other in processes, as only processes compute side by
    side in Python. ``jobs="auto"`` takes one process per core, and no more
    than one per ``MIN_DOCUMENTS_PER_WORKER`` documents, so a handful of
    documents runs serially, never paying for a pool; threads of an
    I/O-bound adapter are ``IO_THREADS_PER_CORE`` per core and start for any
    number of documents. A number of jobs is taken as given, capped by the
    tasks there are. One worker, or one task, is a serial run; a cluster
    executor (``ray``) is used for any number of workers.
    """
    from .adapters.base import is_io_bound

    chunks = documents if chunks is None else chunks
    io_bound = is_io_bound(extractor)
    kind = executor if executor != AUTO else ("thread" if io_bound else "process")
    if jobs == AUTO:
        cores = cores or available_cores()
        if kind == "thread" and io_bound:
            workers = cores * IO_THREADS_PER_CORE
        else:
            workers = min(cores, documents // MIN_DOCUMENTS_PER_WORKER)
    else:
        workers = int(jobs)
    if kind not in ("thread", "process"):
        # a cluster executor (ray) runs away from the driver even with one job, when there is work to spread
        return SERIAL if chunks <= 1 else Parallelism(max(1, cores or 1) if jobs == AUTO else int(jobs), kind)
    workers = min(workers, chunks)
    return SERIAL if workers <= 1 else Parallelism(workers, kind)


def executor_function(name: str) -> Callable[[ExtractionJob], Iterator[ChunkResult]]:
    import importlib

    found = EXECUTORS[name]
    if isinstance(found, str):
        module, attribute = found.split(":")
        found = getattr(importlib.import_module(module), attribute)
    return found


# --- process workers: each builds its own extractor once, from a picklable factory ---

_WORKER_EXTRACTOR: Any = None


def _init_worker(factory: Callable[[], Any]) -> None:
    global _WORKER_EXTRACTOR
    from .adapters.process_tree import die_with_parent

    die_with_parent()  # a worker (and the programs it runs) must not outlive the harness
    _WORKER_EXTRACTOR = factory()


def _extract_bundle_in_worker(bundle: Sequence[Sequence[Document]]) -> list[list[DocumentRun]]:
    return [extract_chunk(_WORKER_EXTRACTOR, chunk) for chunk in bundle]


def _return_extractor(extractor: Any) -> Any:
    return extractor


def extract_corpus(
    extractor: Any,
    documents: Iterable[Annotations | Document],
    *,
    jobs: int | str = 1,
    executor: str = "thread",
    cache: PredictionCache | None = None,
    factory: Callable[[], Any] | None = None,
    on_document: Callable[[DocumentRun], None] | None = None,
) -> AdapterRun:
    """Run one extractor over ``documents``, from cache where possible.

    Documents go to the extractor one at a time, or ``batch_size`` at a time
    when it has its own ``extract_batch``; each finished document is cached
    at once, so an interrupted run resumes where it stopped. ``jobs`` and
    ``executor`` may be ``"auto"`` (see ``plan_parallelism``). With
    ``executor="process"`` each worker process builds its own extractor
    with ``factory`` (a picklable callable); without one the extractor
    itself is pickled. Worker processes that die turn the documents they
    left undone into errors; they never end the run.
    """
    from .adapters.base import batch_size_of

    docs = [d.document if isinstance(d, Annotations) else d for d in documents]
    name, version = str(extractor.name), str(getattr(extractor, "version", ""))
    fingerprint = str(extractor.fingerprint)
    categories = tuple(getattr(extractor, "categories", ()) or ())
    started = time.perf_counter()
    key = cache_key(extractor) if cache is not None else None
    if key is None:
        cache = None  # what its output depends on is not known: extract every time
    results: dict[str, DocumentRun] = {}

    def record(outcome: DocumentRun) -> None:
        results[outcome.doc_id] = outcome
        if on_document is not None:
            on_document(outcome)

    todo: list[Document] = []
    free = getattr(extractor, "free_usage", None)  # what a cached document costs an adapter that pays: nothing
    for document in docs:
        cached = cache.get(name, key, document) if cache is not None else None
        if cached is not None:
            record(DocumentRun(name, document.id, cached, None, 0.0, cached=True,
                               usage=free() if callable(free) else None))
        else:
            todo.append(document)

    def finished(outcome: DocumentRun, document: Document) -> None:
        if cache is not None and outcome.predictions is not None:
            try:
                cache.put(name, key, document, outcome.predictions)
            except OSError:
                pass  # a cache that cannot be written only costs time on the next run
        record(outcome)

    size = batch_size_of(extractor)
    chunks = tuple(tuple(todo[i:i + size]) for i in range(0, len(todo), size))
    plan = plan_parallelism(extractor, len(todo), jobs, executor, chunks=len(chunks))
    if jobs == AUTO and plan.executor == "process":
        # a process costs each document the trip there and back: the first documents run here, and
        # a pool starts only when a document takes longer than that trip (not for the oracle, say)
        # the first chunk warms the adapter up (imports, a model loaded) and is not timed
        _take(run_serial(ExtractionJob(extractor, chunks[:1])), name, finished)
        probe = 1
        while probe < len(chunks) and sum(len(c) for c in chunks[1:probe]) < PROBE_DOCUMENTS:
            probe += 1
        probe_started = time.perf_counter()
        _take(run_serial(ExtractionJob(extractor, chunks[1:probe])), name, finished)
        per_document = (time.perf_counter() - probe_started) / max(1, sum(len(c) for c in chunks[1:probe]))
        chunks = chunks[probe:]
        left = sum(len(c) for c in chunks)
        plan = (SERIAL if per_document < MIN_SECONDS_PER_DOCUMENT_IN_PROCESSES
                else plan_parallelism(extractor, left, jobs, executor, chunks=len(chunks)))
    run_chunks = run_serial if plan.serial else executor_function(plan.executor)
    _take(run_chunks(ExtractionJob(extractor, chunks, plan.jobs, factory)), name, finished)

    ordered = tuple(results[d.id] for d in docs)
    return AdapterRun(name, version, fingerprint, categories, ordered, time.perf_counter() - started)


def _take(results: Iterator[ChunkResult], name: str, finished: Callable[[DocumentRun, Document], None]) -> None:
    """Hand each document's run to ``finished``; a chunk lost to a dead worker becomes errors."""
    for chunk, outcomes in results:
        if isinstance(outcomes, BaseException):
            outcomes = [DocumentRun(name, d.id, None, _exception_error(name, d.id, "extract", outcomes), 0.0)
                        for d in chunk]
        for document, outcome in zip(chunk, outcomes):
            finished(outcome, document)


def score_adapter(corpus: Corpus, adapter_run: AdapterRun, options: Any = None, *,
                  jobs: int | str = 1, executor: str = "thread") -> ScoredAdapter:
    """Score one adapter's run; a scoring fault is recorded, not raised.

    With several jobs and enough documents (``plan_parallelism``) shards of
    the corpus are scored in worker processes and their results merged by
    addition (``EvaluationResult.merge``), which equals scoring the whole.
    Threads would not help (scoring computes), so ``executor="thread"``
    scores serially.
    """
    from .scoring import evaluate

    if adapter_run.setup_error is not None:
        return ScoredAdapter(adapter_run)
    started = time.perf_counter()
    plan = plan_parallelism(None, len(corpus), jobs, "process") if executor in (AUTO, "process") else SERIAL
    try:
        predictions = adapter_run.predictions
        result = None if plan.serial else score_in_shards(corpus, predictions, options, plan.jobs)
        if result is None:
            result = evaluate(corpus, predictions, options)
    except Exception as exc:
        return ScoredAdapter(adapter_run, None, time.perf_counter() - started,
                             _exception_error(adapter_run.name, None, "score", exc))
    faults = tuple(RunError(adapter_run.name, fault.doc_id, "score", "scoring-fault",
                            f"{fault.category}: {fault.message}")
                   for fault in getattr(result, "faults", ()))
    return ScoredAdapter(adapter_run, result, time.perf_counter() - started, None, faults)


def score_in_shards(corpus: Corpus, predictions: Mapping[str, Predictions], options: Any, jobs: int) -> Any:
    """``evaluate`` over shards of ``corpus``, merged (``EvaluationResult.merge``); None when the
    shards would not merge into what scoring the whole gives (a shard that lacks a category the
    whole has: the caller then scores the whole).

    The first documents are scored here, timed, with the cost of sending their result back from
    a worker; the rest go to ``jobs`` worker processes only when scoring a document costs several
    times that (``SCORING_WORK_OVER_SENDING``) and more than 10 ms, else they are scored here too.
    """
    import pickle

    from .scoring import EvaluationResult, evaluate

    gold = list(corpus)
    if set(predictions) - {a.document.id for a in gold}:
        return None  # predictions of documents outside the gold: only the whole knows them all
    probe = max(2, min(len(gold) // 8, 4 * PROBE_DOCUMENTS))
    # the first document warms the scorer up (its imports) and is not timed
    results = [evaluate(Corpus(tuple(gold[:1])), _predictions_of(gold[:1], predictions), options)]
    started = time.perf_counter()
    timed = evaluate(Corpus(tuple(gold[1:probe])), _predictions_of(gold[1:probe], predictions), options)
    scoring = (time.perf_counter() - started) / max(1, probe - 1)
    started = time.perf_counter()
    pickle.loads(pickle.dumps(timed, protocol=pickle.HIGHEST_PROTOCOL))
    sending = (time.perf_counter() - started) / max(1, probe - 1)
    results.append(timed)
    rest = gold[probe:]
    if rest and scoring < SCORING_WORK_OVER_SENDING * sending + MIN_SECONDS_PER_DOCUMENT_SCORED_IN_PROCESSES:
        results.append(evaluate(Corpus(tuple(rest)), _predictions_of(rest, predictions), options))
    elif rest:
        results += _score_in_processes(rest, predictions, options, jobs)
    if len({tuple(r.supported) for r in results}) != 1:
        return None
    return EvaluationResult.merge(results)


def _predictions_of(gold: Sequence[Annotations], predictions: Mapping[str, Predictions]) -> dict[str, Predictions]:
    return {a.document.id: predictions[a.document.id] for a in gold if a.document.id in predictions}


_SCORING_INPUT: tuple = ()


def _score_in_processes(gold: list[Annotations], predictions: Mapping[str, Predictions], options: Any,
                        jobs: int) -> list[Any]:
    """``evaluate`` over ``jobs`` contiguous shards of ``gold`` in worker processes, in order.

    Forked workers find the gold and predictions in memory they share with
    this process, so only the shard bounds travel there and the results back.
    """
    import multiprocessing

    global _SCORING_INPUT
    size = math.ceil(len(gold) / jobs)
    bounds = [(start, min(start + size, len(gold))) for start in range(0, len(gold), size)]
    forked = multiprocessing.get_start_method() == "fork"
    _SCORING_INPUT = (gold, predictions, options) if forked else ()
    try:
        with concurrent.futures.ProcessPoolExecutor(max_workers=len(bounds)) as pool:
            if forked:
                futures = [pool.submit(_score_bounds, start, end) for start, end in bounds]
            else:
                futures = [pool.submit(_score_shard, gold[start:end], _predictions_of(gold[start:end], predictions),
                                       options) for start, end in bounds]
            return [future.result() for future in futures]
    finally:
        _SCORING_INPUT = ()


def _score_bounds(start: int, end: int) -> Any:
    gold, predictions, options = _SCORING_INPUT
    return _score_shard(gold[start:end], _predictions_of(gold[start:end], predictions), options)


def _score_shard(shard: list[Annotations], predictions: dict[str, Predictions], options: Any) -> Any:
    from .scoring import evaluate

    return evaluate(Corpus(tuple(shard)), predictions, options)


@dataclass(frozen=True)
class AdapterSpec:
    """An adapter to run: the built extractor (or why it could not be built) and a worker factory."""

    name: str
    extractor: Any = None
    factory: Callable[[], Any] | None = None
    setup_error: RunError | None = None


def adapter_warnings(spec: AdapterSpec, adapter_run: AdapterRun, corpus: Corpus) -> list[Any]:
    """What is suspicious in an adapter's predictions: types the gold never uses, records for no gold document."""
    from .prediction_checks import type_warnings, unknown_document_warning

    found = type_warnings(adapter_run.predictions, spec.name)
    record_ids = getattr(spec.extractor, "record_ids", None)  # an adapter reading a file of records
    if record_ids is not None:
        source = str(getattr(spec.extractor, "path", spec.name))
        unknown = unknown_document_warning(record_ids, [a.document.id for a in corpus], spec.name, source)
        found += [unknown] if unknown is not None else []
    return found


def default_adapter_names(config: Any) -> list[str]:
    """Every adapter that is ready here, except ``oracle`` (which only echoes the gold).

    A plugin that is installed but broken is included: it runs as a failed
    adapter (a setup error in the report), never disappearing from the run.
    """
    from .adapters import available_adapters

    return [info.name for info in available_adapters(config)
            if info.status in ("ready", "broken") and info.name != "oracle"]


def skipped_adapters(config: Any, names: Iterable[str]) -> list[Any]:
    """The adapters a run of ``names`` leaves out (``AdapterInfo``: missing a dependency or unconfigured)."""
    from .adapters import available_adapters

    chosen = set(names)
    return [info for info in available_adapters(config) if info.name not in chosen and info.name != "oracle"]


def build_adapters(names: Iterable[str], config: Any, corpus: Corpus, *, use_cache: bool = True) -> list[AdapterSpec]:
    """Build each named adapter. A user mistake (unknown name, missing dependency) raises;
    an adapter that crashes while being built is recorded and the others still run.
    ``use_cache=False`` also switches off any cache an adapter keeps itself."""
    import functools

    from .adapters import get_adapter
    from .adapters.runner import without_own_cache
    from .errors import HarnessError, UsageError
    from .files import SAFE_NAME_RULE, is_safe_name

    specs = []
    for name in names:
        if not is_safe_name(name):
            # the name becomes a file name in the reports and the cache
            raise UsageError(f"adapter name {name!r} cannot be used: adapter names are {SAFE_NAME_RULE}. "
                             "Rename the adapter (or its [tool.harness.adapters.<name>] table).")
        kwargs = {"gold": corpus} if name == "oracle" else {}
        factory = functools.partial(get_adapter, name, config, **kwargs)
        if not use_cache:
            factory = functools.partial(without_own_cache, factory)
        try:
            extractor = factory()
        except HarnessError:
            raise
        except Exception as exc:
            specs.append(AdapterSpec(name, None, factory, _exception_error(name, None, "setup", exc)))
            continue
        record_ids = getattr(extractor, "record_ids", None)
        if record_ids is not None:  # records for another corpus: nothing would be scored
            from .prediction_checks import require_a_match

            require_a_match(record_ids, [a.document.id for a in corpus],
                            f"adapter {name!r}: {getattr(extractor, 'path', name)}")
        specs.append(AdapterSpec(name, extractor, factory))
    return specs


def run_evaluation(
    corpus: Corpus,
    specs: Iterable[AdapterSpec],
    *,
    options: RunOptions | None = None,
    cache: PredictionCache | None = None,
    scoring_options: Any = None,
    on_start: Callable[[str, int], None] | None = None,
    on_document: Callable[[DocumentRun], None] | None = None,
    settle: Callable[[ScoredAdapter], ScoredAdapter] | None = None,
) -> RunResult:
    """Run and score every adapter on every document of ``corpus``.

    ``settle`` reduces each adapter's scored run to what will be kept of it
    as soon as it is scored (``harness.report.settled.settle``: what the
    reports read), so a run does not hold every adapter's predictions and
    items at once.
    """
    options = options or RunOptions()
    started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    started = time.perf_counter()
    scored = []
    for spec in specs:
        if spec.setup_error is not None or spec.extractor is None:
            error = spec.setup_error or RunError(spec.name, None, "setup", "error", "the adapter could not be built")
            adapter_run = AdapterRun(spec.name, "", "", (), (), 0.0, error)
            scored.append(ScoredAdapter(adapter_run))
            continue
        if on_start is not None:
            on_start(spec.name, len(corpus))
        try:
            adapter_run = extract_corpus(spec.extractor, corpus, jobs=options.jobs, executor=options.executor,
                                         cache=cache, factory=spec.factory, on_document=on_document)
        except Exception as exc:  # e.g. a fingerprint property that raises
            adapter_run = AdapterRun(spec.name, "", "", (), (), 0.0,
                                     _exception_error(spec.name, None, "setup", exc))
        done = dataclasses.replace(score_adapter(corpus, adapter_run, scoring_options, jobs=options.jobs,
                                                 executor=options.executor),
                                   warnings=tuple(adapter_warnings(spec, adapter_run, corpus)))
        del adapter_run  # once settled, nothing else holds its predictions
        scored.append(done if settle is None else settle(done))
        del done
    return RunResult(corpus, tuple(scored), options, started_at, time.perf_counter() - started,
                     cache.stats if cache is not None else None)
