"""The viewer's JSON API: what every page shows, as plain dicts any tool can read.

``GET`` routes (all JSON; an unknown run or document is a 404 with
``{"error": ...}``):

- ``/api/runs``: every run with its headline scores;
- ``/api/runs/<run>``: that run's report.json as written;
- ``/api/runs/<run>/documents``: its documents with each adapter's outcome counts;
- ``/api/runs/<run>/documents/<doc>``: one article with its gold and adapter layers
  (``harness.report.layers.document_view``);
- ``/api/diff?a=<run>&b=<run>``: per adapter both runs share, ΔF1 per category with
  its interval and p-values (``harness.scoring.compare``), the items right in one run only,
  and the gold items that moved between kinds of error (``outcome_changed``);
- ``/api/runs/<run>/robustness``: the robustness reports and minimal breaking
  variants beside the run, each variant rebuilt with its noise marked and its replay command.

Documents are re-scored from the predictions beside each report.json and the
gold the report names, checked against the report's gold fingerprint.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from ..errors import HarnessError
from .runs import RunFolder, discover_runs

API_VERSION = 1


class ApiError(Exception):
    """A request the API answers with an error status and ``{"error": message}``."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class _Scored:
    """A run re-scored: its gold, each adapter's predictions and evaluation."""

    corpus: Any
    predictions: dict[str, dict]
    results: dict[str, tuple[Any, set[str]]]  # adapter -> (evaluation, the categories its report scores)
    options: Any
    problems: list[str] = field(default_factory=list)
    listing: list[dict] | None = None  # the documents with their outcome counts, once computed


def _headline(report: Mapping[str, Any]) -> dict:
    adapters = {}
    for name, entry in (report.get("adapters") or {}).items():
        scores = {category: {key: score.get(key) for key in ("precision", "recall", "f1", "ci95")}
                  for category, score in (entry.get("scores") or {}).items()}
        adapters[name] = {"status": entry.get("status"), "scores": scores}
    return adapters


class ViewerApi:
    """Answers API paths from the runs found under ``reports_dir`` (or the ``runs`` named)."""

    def __init__(self, runs: list[str] | tuple[str, ...] = (), reports_dir: str | os.PathLike = "reports",
                 gold: str | os.PathLike | None = None):
        self.arguments = tuple(runs)
        self.reports_dir = Path(reports_dir)
        self.gold = None if gold is None else Path(gold)
        self._lock = threading.Lock()
        self._reports: dict[Path, tuple[float, dict]] = {}
        self._scored: dict[Path, tuple[float, _Scored]] = {}
        self._diffs: dict[tuple, dict] = {}
        self._routes: list[tuple[tuple[str, ...], Callable[..., dict]]] = [
            (("runs",), lambda query: self.runs()),
            (("runs", "*"), lambda query, run: self.run(run)),
            (("runs", "*", "documents"), lambda query, run: self.documents(run)),
            (("runs", "*", "documents", "*"), lambda query, run, doc: self.document(run, doc)),
            (("runs", "*", "robustness"), lambda query, run: self.robustness(run)),
            (("diff",), lambda query: self.diff(query.get("a", ""), query.get("b", ""))),
        ]

    # ------------------------------------------------------------ routing

    def answer(self, parts: list[str], query: Mapping[str, str]) -> dict:
        """The payload of ``/api/<parts...>``; ``ApiError`` for an unknown path, run or document."""
        for pattern, handler in self._routes:
            if len(pattern) == len(parts) and all(p == "*" or p == part for p, part in zip(pattern, parts)):
                values = [part for p, part in zip(pattern, parts) if p == "*"]
                try:
                    return handler(query, *values)
                except HarnessError as exc:
                    raise ApiError(422, str(exc)) from None
        raise ApiError(404, f"no API route /api/{'/'.join(parts)}; routes: /api/runs, /api/runs/<run>, "
                            "/api/runs/<run>/documents, /api/runs/<run>/documents/<doc>, "
                            "/api/runs/<run>/robustness, /api/diff?a=<run>&b=<run>")

    # ------------------------------------------------------------ runs

    def _runs(self) -> list[RunFolder]:
        return discover_runs(self.arguments, self.reports_dir)

    def _find(self, run_id: str) -> RunFolder:
        runs = self._runs()
        for run in runs:
            if run.id == run_id:
                return run
        raise ApiError(404, f"unknown run {run_id!r}; runs: {', '.join(r.id for r in runs) or 'none'}")

    def _report(self, run: RunFolder) -> dict:
        from ..report import load_report

        stamp = run.report.stat().st_mtime
        with self._lock:
            cached = self._reports.get(run.report)
            if cached and cached[0] == stamp:
                return cached[1]
        report = load_report(run.report)
        with self._lock:
            self._reports[run.report] = (stamp, report)
        return report

    def runs(self) -> dict:
        listed = []
        for run in self._runs():
            try:
                report = self._report(run)
            except HarnessError as exc:
                listed.append({"id": run.id, "folder": str(run.folder), "error": str(exc)})
                continue
            listed.append({
                "id": run.id, "folder": str(run.folder), "created": report.get("created"),
                "status": report.get("status"), "harness_version": report.get("harness_version"),
                "gold": {"path": report["gold"].get("path"), "fingerprint": report["gold"].get("fingerprint"),
                         "documents": len(report["gold"].get("documents") or [])},
                "adapters": _headline(report),
            })
        return {"api_version": API_VERSION, "runs": listed}

    def run(self, run_id: str) -> dict:
        run = self._find(run_id)
        return {"id": run.id, "folder": str(run.folder), "report": self._report(run)}

    # ------------------------------------------------------------ scoring

    def _gold_path(self, run: RunFolder, report: Mapping[str, Any]) -> Path:
        if self.gold is not None:
            return self.gold
        recorded = Path(str(report["gold"].get("path") or "gold"))
        if recorded.is_absolute():
            return recorded
        # relative to where `harness run` ran: the working folder, else the folder holding reports/
        for base in (Path.cwd(), self.reports_dir.resolve().parent, run.folder.resolve().parent.parent.parent):
            if (base / recorded).exists():
                return base / recorded
        return recorded

    def _scored_run(self, run: RunFolder) -> _Scored:
        from ..gold import load_gold
        from ..report import report_predictions
        from ..scoring import ScoringOptions, evaluate

        stamp = run.report.stat().st_mtime
        with self._lock:
            cached = self._scored.get(run.report)
            if cached and cached[0] == stamp:
                return cached[1]
        report = self._report(run)
        gold_path = self._gold_path(run, report)
        if not gold_path.exists():
            raise ApiError(422, f"{run.report}#/gold/path: the gold {str(gold_path)!r} the run was scored against "
                                "is not here. Start `harness view` in the project folder, or pass --gold PATH.")
        corpus = load_gold(gold_path)
        if corpus.fingerprint != report["gold"].get("fingerprint"):
            raise ApiError(422, f"{run.report}#/gold/fingerprint: the gold at {gold_path} has changed since this run "
                                f"(fingerprint {corpus.fingerprint[:12]}, the run's "
                                f"{str(report['gold'].get('fingerprint'))[:12]}). Pass the run's gold with --gold, "
                                "or re-run `harness run`.")
        recorded = dict((report.get("options") or {}).get("scoring") or {})
        try:
            options = ScoringOptions.from_mapping(recorded, where=f"{run.report}#/options/scoring")
        except HarnessError:
            options = ScoringOptions()
        predictions, results, problems = {}, {}, []
        for name, entry in report["adapters"].items():
            if entry.get("predictions") is None and not entry.get("predictions_file"):
                continue  # failed to run: nothing to show
            try:
                predictions[name] = report_predictions(report, run.report, name)
            except HarnessError as exc:
                problems.append(str(exc))
                continue
            categories = set(entry.get("scores") or {})
            results[name] = (evaluate(corpus, predictions[name], options), categories)
        scored = _Scored(corpus, predictions, results, options, problems)
        with self._lock:
            self._scored[run.report] = (stamp, scored)
        return scored

    def _view(self, scored: _Scored, annotations: Any) -> dict:
        from ..model import CATEGORIES
        from ..report.layers import document_view

        doc_id = annotations.document.id
        per_adapter = {}
        for name, (result, categories) in scored.results.items():
            per_adapter[name] = {category: result.items(doc_id, category) for category in CATEGORIES
                                 if category in result.categories and (not categories or category in categories)}
        return document_view(annotations, per_adapter)

    def documents(self, run_id: str) -> dict:
        from ..report.layers import outcome_counts

        run = self._find(run_id)
        scored = self._scored_run(run)
        if scored.listing is None:
            listed = []
            for annotations in scored.corpus:
                document = annotations.document
                view = self._view(scored, annotations)
                listed.append({"doc_id": document.id, "title": document.metadata.title or document.id,
                               "characters": len(document.text), "outcomes": outcome_counts(view)})
            scored.listing = listed
        return {"run": run.id, "adapters": list(scored.results), "documents": scored.listing,
                "problems": scored.problems}

    def document(self, run_id: str, doc_id: str) -> dict:
        run = self._find(run_id)
        scored = self._scored_run(run)
        if doc_id not in scored.corpus.doc_ids:
            raise ApiError(404, f"run {run.id!r} has no document {doc_id!r}")
        return {"run": run.id, **self._view(scored, scored.corpus[doc_id])}

    # ------------------------------------------------------------ diff

    def diff(self, a: str, b: str) -> dict:
        from ..report.layers import corpus_outcome_changes
        from ..scoring import compare_predictions

        if not a or not b:
            raise ApiError(400, "give two runs: /api/diff?a=<run>&b=<run>")
        run_a, run_b = self._find(a), self._find(b)
        report_a, report_b = self._report(run_a), self._report(run_b)
        if report_a["gold"].get("fingerprint") != report_b["gold"].get("fingerprint"):
            raise ApiError(422, f"runs {a!r} and {b!r} were scored against different gold; a paired comparison "
                                "needs the same documents. Re-run both on one gold.")
        key = (run_a.report, run_a.report.stat().st_mtime, run_b.report, run_b.report.stat().st_mtime)
        with self._lock:
            if key in self._diffs:
                return self._diffs[key]
        scored_a, scored_b = self._scored_run(run_a), self._scored_run(run_b)
        adapters, skipped = {}, []
        for name in scored_a.predictions:
            if name not in scored_b.predictions:
                skipped.append(name)
                continue
            comparison = compare_predictions(scored_b.corpus, scored_a.predictions[name], scored_b.predictions[name],
                                             scored_b.options)
            adapters[name] = comparison.to_dict()
            for category, found in adapters[name]["categories"].items():
                found["outcome_changed"] = corpus_outcome_changes(scored_b.corpus, comparison, category)
        skipped += [name for name in scored_b.predictions if name not in scored_a.predictions]
        diff = {"a": run_a.id, "b": run_b.id, "delta": "b - a", "adapters": adapters, "not_compared": sorted(skipped)}
        with self._lock:
            self._diffs[key] = diff  # the resampling is the slow part: once per pair of report versions
        return diff

    # ------------------------------------------------------------ robustness

    def _robustness_folders(self, run: RunFolder) -> list[Path]:
        folders = [run.folder / "robustness", self.reports_dir / "robustness"]
        unique, seen = [], set()
        for folder in folders:
            if folder.is_dir() and folder.resolve() not in seen:
                seen.add(folder.resolve())
                unique.append(folder)
        return unique

    def robustness(self, run_id: str) -> dict:
        from ..files import read_json

        run = self._find(run_id)
        reports, variants = [], []
        corpus = None
        for folder in self._robustness_folders(run):
            for path in sorted(folder.glob("robustness-*.json")):
                try:
                    saved = read_json(path)
                except HarnessError as exc:
                    reports.append({"file": str(path), "error": str(exc)})
                    continue
                if isinstance(saved, dict):
                    reports.append({**saved, "file": str(path)})
                else:
                    reports.append({"file": str(path), "error": f"{path}: not a robustness report (a JSON object "
                                                                "written by `harness robustness`)"})
            for path in sorted(folder.glob("minimal-*.json")):
                if corpus is None:
                    corpus = self._scored_run(run).corpus
                variants.append(self._variant(path, corpus))
        return {"run": run.id, "reports": reports, "minimal": variants}

    @staticmethod
    def _variant(path: Path, corpus: Any) -> dict:
        from ..files import read_json
        from ..noise import apply_noise, clean_article
        from ..robustness import load_fixture

        try:
            fixture = load_fixture(path)
        except HarnessError as exc:
            return {"file": str(path), "error": str(exc)}
        found = {"file": str(path), "adapter": fixture.adapter, "doc_id": fixture.doc_id, "seed": fixture.seed,
                 "blocks": fixture.noise.block_count, "block_chars": fixture.noise.block_chars,
                 "format_noise": list(fixture.noise.format.kinds) if fixture.noise.format else [],
                 "replay": f"harness robustness --adapter {fixture.adapter} --replay {path}"}
        saved = read_json(path)  # the fixture's own record of what broke, beside the recipe load_fixture reads
        found["broken"], found["delta"] = saved.get("broken"), saved.get("delta")
        if fixture.doc_id not in corpus.doc_ids:
            return {**found, "error": f"document {fixture.doc_id!r} is not in this run's gold"}
        annotations = corpus[fixture.doc_id]
        if annotations.document.sha256 != fixture.gold_sha256:
            return {**found, "error": f"the gold text of {fixture.doc_id!r} has changed since the fixture was saved"}
        try:
            variant = apply_noise(clean_article(annotations), fixture.noise)
        except ValueError as exc:
            return {**found, "error": f"the fixture does not fit this gold: {exc}"}
        document = variant.document
        found["text"] = document.text
        found["noise"] = [{"start": r.start, "end": r.end, "kind": r.label or r.kind}
                          for r in document.regions if r.kind == "boilerplate"]
        return found
