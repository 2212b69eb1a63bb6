"""Figures per unit, for ``--per-type``: the per-type counts the figure scorer does not keep.

The entity, quote and event scorers count per type (entity type, quote
kind, event type); the figure scorer keeps no such counts, so they are
derived here, in one place, from its own items: a hit or a miss counts
under the gold figure's unit, a false alarm under the predicted one (as
the other scorers count a false alarm under the predicted type), units
read as the scorer compares them (``normalize_unit``: lowercased,
singular), ``(no unit)`` for none. Rates come from ``Score.of``, as every
other score's, so the rows add up to the figures' headline counts.
"""

from __future__ import annotations

from typing import Any, Mapping

NO_UNIT = "(no unit)"


def figure_unit_counts(result: Any) -> dict:
    """unit -> ``Counts`` of the figure items of an ``EvaluationResult`` (empty when it scored no figures);
    a result the run has settled carries them, counted before its items were let go."""
    from ..scoring.figures import normalize_unit
    from ..scoring.score import Counts

    if hasattr(result, "figure_units"):
        return dict(result.figure_units)
    counts: dict = {}
    if "figures" not in result.categories:
        return counts
    for doc_id in sorted(result.documents):
        for item in result.items(doc_id, "figures"):
            unit = normalize_unit(item.label) or NO_UNIT
            counts[unit] = counts.get(unit, Counts()) + item.counts
    return counts


def with_figure_units(report: Mapping[str, Any], results: Mapping[str, Any]) -> dict:
    """``report`` with each figures score of an adapter in ``results`` (name -> ``EvaluationResult``)
    carrying ``per_type`` per unit where it has none; ``report`` itself is left as it was."""
    from ..scoring.score import Score

    adapters = dict(report.get("adapters") or {})
    for name, result in results.items():
        entry = adapters.get(name) or {}
        figures = (entry.get("scores") or {}).get("figures")
        if result is None or figures is None or figures.get("per_type"):
            continue
        per_unit = {unit: Score.of(counts).to_dict() for unit, counts in sorted(figure_unit_counts(result).items())}
        adapters[name] = {**entry, "scores": {**entry["scores"], "figures": {**figures, "per_type": per_unit}}}
    return {**report, "adapters": adapters}
