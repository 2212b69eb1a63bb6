"""Resuming and retrying runs: the failures of the previous report, and what the run reused.

``harness run --retry-errors`` reads the previous ``report.json`` in the out
folder and asks again only for the documents that failed there (and every
document of an adapter that could not be built); the documents that did not
fail come from the prediction cache. A retried document is asked again past
any cache the adapter keeps itself (an ``llm`` answer that was cached but
failed the predictions schema would otherwise fail the same way).
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any, Iterable, Mapping

ALL_DOCUMENTS = frozenset({"*"})  # an adapter that failed as a whole: retry every document


def previous_failures(report_path: Path) -> tuple[dict[str, frozenset[str]], list[str]]:
    """The failed documents per adapter in ``report_path`` and the adapters it ran."""
    from .errors import UsageError
    from .report.json_report import load_report

    if not report_path.is_file():
        raise UsageError(f"--retry-errors: there is no previous report at {report_path}; it reads the failures "
                         "from there. Run `harness run` first, or give the --out folder of that run.")
    report = load_report(report_path)
    adapters = [name for name in report.get("adapters", {}) if name != "human-ceiling"]
    failed: dict[str, set[str]] = {}
    for error in report.get("errors") or []:
        if error.get("adapter") not in adapters or error.get("stage") == "score":
            continue
        ids = failed.setdefault(error["adapter"], set())
        ids.update(ALL_DOCUMENTS if error.get("doc_id") is None else {error["doc_id"]})
    return {name: frozenset(ids) for name, ids in failed.items()}, adapters


def ask_again(factory: Any, doc_ids: frozenset[str]) -> Any:
    """The extractor ``factory`` builds, told to ask again for ``doc_ids`` past its own cache.
    Module-level, so a process pool or Ray can pickle it."""
    extractor = factory()
    if hasattr(extractor, "ask_again"):
        extractor.ask_again = doc_ids
    return extractor


def asking_again(specs: Iterable[Any], retry: Mapping[str, frozenset[str]]) -> list[Any]:
    """``specs`` (``harness.run.AdapterSpec``) with each retried adapter asking again for its failed documents."""
    out = []
    for spec in specs:
        ids = retry.get(spec.name)
        if ids and spec.extractor is not None and spec.factory is not None:
            if hasattr(spec.extractor, "ask_again"):
                spec.extractor.ask_again = ids
            spec = dataclasses.replace(spec, factory=functools.partial(ask_again, spec.factory, ids))
        out.append(spec)
    return out


def reuse_lines(report: Mapping[str, Any]) -> list[str]:
    """Lines for the terminal: answers an adapter served from its own cache, documents a budget left unsent."""
    lines = []
    for name, entry in (report.get("adapters") or {}).items():
        usage = entry.get("usage") or {}
        reused = usage.get("adapter_cache_answers") or 0
        if reused:
            lines.append(f"{name}: {reused} answer(s) taken from its own response cache (no request, no cost).")
        unsent = sum(1 for error in entry.get("errors") or [] if error.get("kind") == "budget")
        if unsent:
            lines.append(f"{name}: {unsent} document(s) not sent: their projected cost would pass max_cost. "
                         "Raise max_cost, or re-run later: the finished documents are cached.")
    return lines
