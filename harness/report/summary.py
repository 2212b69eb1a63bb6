"""The score table every report shows: rows are categories and key sub-scores, columns adapters.

Built from the report dict, so the terminal table, the Markdown and the HTML
agree, and a saved ``report.json`` renders the same table as the run did.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping

from ..model import CATEGORIES

# the sub-scores worth a row of their own; others stay in report.json
KEY_SUBSCORES: dict[str, tuple[str, ...]] = {
    "quotes": ("attribution", "end_to_end"),
    "figures": ("value_agreement",),
    "events": ("argument_classification",),
}


@dataclass(frozen=True)
class Cell:
    """One adapter's score in a row: rates, interval and whether it is the best of the row.

    ``f1`` None is an agreement rate over zero items, shown "n/a"; ``failed``
    is an adapter that failed, shown "failed" in place of any number.
    """

    precision: float | None
    recall: float | None
    f1: float | None
    ci95: tuple[float, float] | None
    best: bool = False
    agreeing: int | None = None  # for agreement rates: items that agree, out of ``total``
    total: int | None = None
    documents: int | None = None  # documents the interval is over, when the report says
    optimistic: bool = False  # the interval resamples items within too few documents
    failed: bool = False

    @property
    def comparable(self) -> bool:
        """Whether the cell has a number that can be the best of its row."""
        return not self.failed and self.f1 is not None

    def text(self, marker: str = "★", separator: str = " ", interval_separator: str = " ",
             compact: bool = False) -> str:
        """``P … R … F1 … [lo–hi]``, ``rate … (k/n)`` for an agreement rate, ``n/a`` or ``failed``.

        A newline ``separator`` puts F1 on its own line; a newline
        ``interval_separator`` puts the interval on its own (the terminal table).
        ``compact`` leaves out the names of the rates and the document count
        of the interval (``0.96 0.95 0.96 [0.93–0.98]``), for a narrow
        terminal whose table title and notes say both.
        """
        if self.failed:
            return "failed"
        if self.f1 is None:
            return "n/a (no items)"
        star = f" {marker}" if self.best else ""
        if self.total is not None:
            return f"rate {self.f1:.2f} ({self.agreeing}/{self.total}){star}"
        if compact:
            mark = OPTIMISTIC_MARK if self.optimistic else ""
            interval = f"{interval_separator}[{self.ci95[0]:.2f}–{self.ci95[1]:.2f}{mark}]" if self.ci95 else ""
            return f"{self.precision:.2f} {self.recall:.2f} {self.f1:.2f}{interval}{star}"
        interval = f"{interval_separator}[{self.ci95[0]:.2f}–{self.ci95[1]:.2f}{self._over()}]" if self.ci95 else ""
        return f"P {self.precision:.2f} R {self.recall:.2f}{separator}F1 {self.f1:.2f}{interval}{star}"

    def _over(self) -> str:
        """``, 6 docs`` beside the bounds; ``†`` marks an optimistic interval (see ``interval_notes``)."""
        if self.documents is None:
            return ""
        return f", {self.documents} doc{'' if self.documents == 1 else 's'}{OPTIMISTIC_MARK if self.optimistic else ''}"


OPTIMISTIC_MARK = "†"
FAILED = Cell(None, None, None, None, failed=True)


@dataclass(frozen=True)
class Row:
    """A category or a sub-score of one, across adapters (None where an adapter has no score)."""

    category: str
    subscore: str | None
    cells: tuple[Cell | None, ...]
    slice: str | None = None  # ``field=value (n docs)`` for a row of a slice table

    @property
    def label(self) -> str:
        name = self.category if self.subscore is None else f"{self.category} · {self.subscore.replace('_', ' ')}"
        return name if self.slice is None else f"{self.slice} · {name}"


def cell_texts(row: Row, mark_best: Callable[[str], str], separator: str = " ",
               interval_separator: str = " ", compact: bool = False) -> list[str]:
    """The cells of ``row`` as text: ``–`` where an adapter has no score, the best passed through ``mark_best``."""
    texts = []
    for cell in row.cells:
        if cell is None:
            texts.append("–")
        else:
            text = cell.text(separator=separator, interval_separator=interval_separator, compact=compact)
            texts.append(mark_best(text) if cell.best else text)
    return texts


def _rate(value: Any) -> float | None:
    return None if value is None else float(value)


def _cell(score: Mapping[str, Any]) -> Cell:
    ci = score.get("ci95")
    rate = score.get("kind") == "rate"
    interval = score.get("interval") if isinstance(score.get("interval"), Mapping) else {}
    return Cell(_rate(score["precision"]), _rate(score["recall"]), _rate(score["f1"]),
                (float(ci[0]), float(ci[1])) if ci else None,
                agreeing=int(score["tp"]) if rate else None,
                total=int(score["tp"]) + int(score["fp"]) if rate else None,
                documents=interval.get("documents"), optimistic=bool(interval.get("optimistic")))


def interval_notes(report: Mapping[str, Any]) -> list[str]:
    """What the intervals of ``report`` are, in words: one line per method used, with its warning.

    Every report writer prints these under its score table, so no interval
    is shown without its method and number of documents.
    """
    methods: list[Mapping[str, Any]] = []
    unstated = False
    for entry in report.get("adapters", {}).values():
        for score in (entry.get("scores") or {}).values():
            interval = score.get("interval")
            if isinstance(interval, Mapping):
                if interval not in methods:
                    methods.append(interval)
            elif score.get("ci95"):
                unstated = True
    lines = []
    for interval in methods:
        level = interval.get("confidence")
        line = f"{level:.0%} interval of F1: {interval.get('method')}." if isinstance(level, (int, float)) else \
            f"Interval of F1: {interval.get('method')}."
        if interval.get("warning"):
            line += f" {OPTIMISTIC_MARK} Warning: {interval['warning']}."
        lines.append(line)
    if unstated:
        lines.append("Some intervals were written without their method (an older report).")
    return lines


def _mark_best(cells: list[Cell | None]) -> tuple[Cell | None, ...]:
    present = [c for c in cells if c is not None and c.comparable]
    if len(present) < 2:
        return tuple(cells)
    top = max(c.f1 for c in present)
    if all(c.f1 == top for c in present):
        return tuple(cells)  # a tie across the row marks nothing
    return tuple(c if c is None or not c.comparable else replace(c, best=c.f1 == top) for c in cells)


def adapter_failed(report: Mapping[str, Any], name: str) -> bool:
    """Whether adapter ``name`` failed in ``report`` (its scores, if any, are not to be shown)."""
    return report["adapters"][name].get("status") == "failed"


def score_rows(report: Mapping[str, Any]) -> tuple[list[str], list[Row]]:
    """The adapters (columns) and rows of the score table of ``report``.

    A failed adapter shows ``failed`` in every row, never a number: predicting
    nothing because it crashed is not a score.
    """
    adapters = list(report.get("adapters", {}))
    failed = [adapter_failed(report, name) for name in adapters]

    def cells(scores: list[Mapping[str, Any] | None]) -> tuple[Cell | None, ...]:
        return _mark_best([FAILED if gone else None if s is None else _cell(s) for s, gone in zip(scores, failed)])

    rows: list[Row] = []
    for category in CATEGORIES:
        scores = [None if gone else report["adapters"][name].get("scores", {}).get(category)
                  for name, gone in zip(adapters, failed)]
        if all(s is None for s in scores):
            continue
        rows.append(Row(category, None, cells(scores)))
        for subscore in KEY_SUBSCORES.get(category, ()):
            subs = [None if s is None else (s.get("subscores") or {}).get(subscore) for s in scores]
            if all(s is None for s in subs):
                continue
            rows.append(Row(category, subscore, cells(subs)))
    return adapters, rows


@dataclass(frozen=True)
class SliceSection:
    """The score table of one slice field: rows per value, category and key sub-score."""

    field: str
    definition: str
    adapters: tuple[str, ...]
    rows: tuple[Row, ...]


def slice_sections(report: Mapping[str, Any]) -> list[SliceSection]:
    """One table per slice field of ``report``, its rows built as the main table's (``score_rows``)."""
    adapters = report.get("adapters", {})
    sections = []
    for field, entry in ((report.get("slices") or {}).get("fields") or {}).items():
        rows: list[Row] = []
        for value, doc_ids in (entry.get("values") or {}).items():
            # the slice's scores, shaped as a report, so its rows are the main table's rows
            view = {"adapters": {name: {"scores": (((adapters[name].get("slices") or {}).get(field) or {})
                                                   .get(value) or {}).get("scores", {})} for name in adapters}}
            count = len(doc_ids)
            label = f"{field}={value} ({count} doc{'' if count == 1 else 's'})"
            rows += [replace(row, slice=label) for row in score_rows(view)[1]]
        sections.append(SliceSection(field, str(entry.get("definition", "")), tuple(adapters), tuple(rows)))
    return sections


def sample_line(report: Mapping[str, Any]) -> str:
    """``sample of N of M documents (...)`` when the run used part of the gold, else an empty string."""
    sample = report.get("sample")
    if not isinstance(sample, Mapping):
        return ""
    how = (f" (--limit {sample.get('limit')}, seed {sample.get('seed')})" if sample.get("limit") is not None
           else " (--docs)")
    return f"sample of {len(sample.get('documents') or [])} of {sample.get('of')} documents{how}"
