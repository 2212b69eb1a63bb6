"""The score table every report shows: rows are categories and key sub-scores, columns adapters.

Built from the report dict, so the terminal table, the Markdown and the HTML
agree, and a saved ``report.json`` renders the same table as the run did.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping

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
    failed: bool = False

    @property
    def comparable(self) -> bool:
        """Whether the cell has a number that can be the best of its row."""
        return not self.failed and self.f1 is not None

    def text(self, marker: str = "★", separator: str = " ") -> str:
        """``P … R … F1 … [lo–hi]``, ``rate … (k/n)`` for an agreement rate, ``n/a`` or ``failed``.

        A newline ``separator`` puts F1 on its own line (the terminal table).
        """
        if self.failed:
            return "failed"
        if self.f1 is None:
            return "n/a (no items)"
        star = f" {marker}" if self.best else ""
        if self.total is not None:
            return f"rate {self.f1:.2f} ({self.agreeing}/{self.total}){star}"
        interval = f" [{self.ci95[0]:.2f}–{self.ci95[1]:.2f}]" if self.ci95 else ""
        return f"P {self.precision:.2f} R {self.recall:.2f}{separator}F1 {self.f1:.2f}{interval}{star}"


FAILED = Cell(None, None, None, None, failed=True)


@dataclass(frozen=True)
class Row:
    """A category or a sub-score of one, across adapters (None where an adapter has no score)."""

    category: str
    subscore: str | None
    cells: tuple[Cell | None, ...]

    @property
    def label(self) -> str:
        return self.category if self.subscore is None else f"{self.category} · {self.subscore.replace('_', ' ')}"


def _rate(value: Any) -> float | None:
    return None if value is None else float(value)


def _cell(score: Mapping[str, Any]) -> Cell:
    ci = score.get("ci95")
    rate = score.get("kind") == "rate"
    return Cell(_rate(score["precision"]), _rate(score["recall"]), _rate(score["f1"]),
                (float(ci[0]), float(ci[1])) if ci else None,
                agreeing=int(score["tp"]) if rate else None,
                total=int(score["tp"]) + int(score["fp"]) if rate else None)


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
