"""``report.json``: the machine-readable record of a run, valid under ``schemas/report.schema.json``.

The keys under ``adapters.<name>.scores.<category>`` are stable: CI jobs,
the gate and ``harness compare`` read them. Rates are copied from the
scorer, never recomputed here, so every number has one source.
"""

from __future__ import annotations

import dataclasses
import math
import os
from pathlib import Path
from typing import Any, Mapping

from ..model import CATEGORIES

REPORT_SCHEMA_VERSION = 1
SCORE_KEYS = ("precision", "recall", "f1", "tp", "fp", "fn")


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _interval(value: Any) -> list[float] | None:
    if value is None:
        return None
    try:
        low, high = value
    except (TypeError, ValueError):
        return None
    low, high = _number(low), _number(high)
    return None if low is None or high is None else [low, high]


def score_dict(raw: Mapping[str, Any]) -> dict:
    """One score (counts, rates and, when known, the interval of F1) in report form."""
    out: dict[str, Any] = {}
    for key in ("precision", "recall", "f1"):
        # None is the scorer's "not applicable" (an agreement rate over zero items): kept, never 0 or 1
        out[key] = None if raw.get(key) is None else _number(raw.get(key)) or 0.0
    for key in ("tp", "fp", "fn"):
        # partial matches count one half, so counts may be fractional
        count = _number(raw.get(key)) or 0
        out[key] = int(count) if float(count).is_integer() else count
    out["ci95"] = _interval(raw.get("ci95"))
    if raw.get("kind") in ("prf", "rate"):
        out["kind"] = raw["kind"]
    return out


def category_dict(raw: Mapping[str, Any]) -> dict:
    """A category's scores: the headline score plus sub-scores, per-type scores, leakage, ungrounded."""
    out = score_dict(raw)
    if isinstance(raw.get("headline"), str):
        out["headline"] = raw["headline"]
    out["subscores"] = {str(name): score_dict(value) for name, value in (raw.get("subscores") or {}).items()
                        if isinstance(value, Mapping)}
    out["per_type"] = {str(name): score_dict(value) for name, value in (raw.get("per_type") or {}).items()
                       if isinstance(value, Mapping)}
    leakage = raw.get("leakage")
    out["leakage"] = _jsonable(leakage) if isinstance(leakage, Mapping) else {}
    out["ungrounded"] = int(raw.get("ungrounded") or 0)
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def scores_of(result: Any) -> dict[str, dict]:
    """The per-category scores of an evaluation result, in report form, for the categories it has."""
    if result is None:
        return {}
    raw = result.to_dict()
    categories = raw.get("categories", raw) if isinstance(raw, Mapping) else {}
    scores = {name: category_dict(categories[name]) for name in CATEGORIES
              if isinstance(categories.get(name), Mapping)}
    interval = raw.get("interval") if isinstance(raw, Mapping) else None
    if isinstance(interval, Mapping):
        for score in scores.values():
            score["interval"] = _jsonable(interval)
    return scores


def _options_dict(options: Any) -> dict:
    if options is None:
        return {}
    if dataclasses.is_dataclass(options):
        return _jsonable(dataclasses.asdict(options))
    if hasattr(options, "to_dict"):
        return _jsonable(options.to_dict())
    return {}


def predictions_file_name(adapter: str) -> str:
    """The file name of an adapter's raw predictions: the name itself when it is a safe file name.

    Any other name (one a caller built by hand, such as ``../x`` or ``a/b``) is
    reduced to safe characters plus a short hash, so it can never leave the
    predictions folder nor collide with another adapter's file.
    """
    import hashlib
    import re

    from ..files import is_safe_name

    if is_safe_name(adapter):
        return f"{adapter}.jsonl"
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", str(adapter)).strip("_")[:64] or "adapter"
    digest = hashlib.sha256(str(adapter).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{stem}-{digest}.jsonl"


def build_report(run: Any, *, predictions_dir: str = "predictions", scoring_options: Any = None) -> dict:
    """The report dict of a ``harness.run.RunResult``."""
    from .. import __version__
    from ..slices import available_fields, slice_definitions
    from ..usage import usage_summary

    corpus = run.corpus
    slices = slice_definitions(corpus, run.options.slice_by)
    adapters: dict[str, dict] = {}
    for scored in run.adapters:
        adapter_run = scored.run
        errors = [e.to_dict() for e in scored.errors]
        scores = scores_of(scored.result)
        every_document_failed = bool(adapter_run.documents) and adapter_run.failed == len(adapter_run.documents)
        if adapter_run.setup_error is not None or scored.result is None or every_document_failed:
            status = "failed"  # nothing it predicted can be scored: shown "failed", never 0.00
        else:
            status = "errors" if errors else "ok"
        adapters[scored.name] = {
            "name": scored.name,
            "version": adapter_run.version,
            "fingerprint": adapter_run.fingerprint,
            "categories": list(adapter_run.categories),
            "status": status,
            "predictions_file": (None if adapter_run.setup_error
                                 else f"{predictions_dir}/{predictions_file_name(scored.name)}"),
            "documents": {
                "total": len(adapter_run.documents),
                "extracted": adapter_run.extracted,
                "cached": adapter_run.cached,
                "failed": adapter_run.failed,
            },
            "usage": usage_summary(adapter_run.documents),
            "timings": {
                "extraction_seconds": round(adapter_run.seconds, 6),
                "documents_per_second": (round(adapter_run.extracted / adapter_run.seconds, 3)
                                         if adapter_run.seconds > 0 else None),
                "scoring_seconds": round(scored.scoring_seconds, 6),
                "documents": {d.doc_id: round(d.seconds, 6) for d in adapter_run.documents},
            },
            "scores": scores,
            "slices": _slice_scores(scored.result, slices),
            "errors": errors,
        }
    cache = run.cache
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "harness_version": __version__,
        "created": run.started,
        "status": "ok" if run.ok else "errors",
        "gold": {
            "path": run.options.gold,
            "fingerprint": corpus.fingerprint,
            "documents": [{"doc_id": a.document.id, "text_sha256": a.document.sha256,
                           "characters": len(a.document.text), "layers": list(a.layers)} for a in corpus],
        },
        "options": {**run.options.to_dict(), "scoring": _options_dict(scoring_options)},
        "timings": {"total_seconds": round(run.seconds, 6)},
        "cache": None if cache is None else dataclasses.asdict(cache),
        "adapters": adapters,
        "slices": {"available": list(available_fields(corpus)), "fields": slices},
        "sample": None if getattr(run.options, "sample", None) is None else run.options.sample.to_dict(),
        "errors": [e.to_dict() for e in run.errors],
        "warnings": [w.to_dict() for scored in run.adapters for w in getattr(scored, "warnings", ())],
    }


def _slice_scores(result: Any, slices: Mapping[str, Any]) -> dict:
    """An adapter's scores per slice: kept when its result was settled (``harness.report.settled``)."""
    from ..slices import slice_scores
    from .settled import SettledResult

    return dict(result.slices) if isinstance(result, SettledResult) else slice_scores(result, slices)


def load_report(path: str | os.PathLike) -> dict:
    """Read and check a ``report.json``; a wrong file is an error naming it and what is wrong."""
    from ..errors import ValidationFailed
    from ..files import read_json
    from ..schemas import schema_problems

    report = read_json(path)
    problems = schema_problems("report", report, str(path))
    if problems:
        raise ValidationFailed(problems)
    return report


def report_predictions(report: Mapping[str, Any], report_path: str | os.PathLike, adapter: str) -> dict:
    """The predictions an adapter made in a reported run, keyed by document id.

    They are embedded in a baseline report, or in the file named by
    ``predictions_file`` (relative to the report's folder).
    """
    from ..errors import InputError
    from ..predictions import load_predictions, parse_predictions

    entry = report["adapters"][adapter]
    embedded = entry.get("predictions")
    if embedded is not None:
        records = {}
        for index, raw in enumerate(embedded):
            record = parse_predictions(raw, f"{report_path}#/adapters/{adapter}/predictions/{index}")
            records[record.doc_id] = record
        return records
    relative = entry.get("predictions_file")
    if not relative:
        raise InputError(f"{report_path}: adapter {adapter!r} has no predictions in this report "
                         "(it failed to run). Re-run `harness run`.")
    from ..files import contained_path

    file = contained_path(Path(report_path).parent, relative)
    if file is None:
        # a report names files beside itself; anything else is not read
        raise InputError(f"{report_path}#/adapters/{adapter}/predictions_file: {relative!r} points outside "
                         "the report's folder. Give a path relative to the folder of report.json, "
                         "such as predictions/<adapter>.jsonl.")
    if not file.exists():
        raise InputError(f"{report_path}: the predictions of {adapter!r} are missing ({file}). "
                         "Keep the predictions/ folder beside report.json, or re-run `harness run`.")
    return load_predictions(file)
