"""Scoring settings: one frozen value, read from ``[tool.harness.scoring]`` or CLI flags."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Mapping

from ..errors import ConfigError, HarnessError, UsageError

QUOTE_MATCH_MODES = ("overlap", "exact")


@dataclass(frozen=True)
class ScoringOptions:
    """How predictions are matched to gold and how intervals are computed.

    Frozen so that a result can record exactly the options it was scored with.
    """

    include_pronouns: bool = False  # score nominal and pronoun mentions too
    quote_match: str = "overlap"  # "overlap": token F1 >= quote_threshold; "exact": same content span
    quote_threshold: float = 0.5
    figure_tolerance: float = 1e-9  # relative tolerance for figure values
    approximate_tolerance: float = 0.1  # for gold figures with an approximation qualifier
    percent_as_fraction: bool = False  # also accept 0.4 for a gold percentage of 40 ("40%")
    resamples: int = 1000  # bootstrap resamples
    seed: int = 0
    confidence: float = 0.95
    min_documents_for_interval: int = 5  # fewer documents: items are resampled and the interval is optimistic

    def __post_init__(self) -> None:
        problem = self._problem()
        if problem:
            raise UsageError(problem)

    def _problem(self) -> str | None:
        for name in ("include_pronouns", "percent_as_fraction"):
            if not isinstance(getattr(self, name), bool):
                return f"{name} = {getattr(self, name)!r} must be true or false."
        if self.quote_match not in QUOTE_MATCH_MODES:
            return f"quote_match = {self.quote_match!r} is not a mode; use one of: {', '.join(QUOTE_MATCH_MODES)}."
        for name in ("quote_threshold", "confidence"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
                return f"{name} = {value!r} must be a number in (0, 1]."
        for name in ("figure_tolerance", "approximate_tolerance"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
                return f"{name} = {value!r} must be a relative tolerance in [0, 1), such as 1e-9 or 0.1."
        if isinstance(self.resamples, bool) or not isinstance(self.resamples, int) or self.resamples < 1:
            return f"resamples = {self.resamples!r} must be a positive integer, such as 1000."
        if isinstance(self.seed, bool) or not isinstance(self.seed, int):
            return f"seed = {self.seed!r} must be an integer."
        minimum = self.min_documents_for_interval
        if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 2:
            return (f"min_documents_for_interval = {minimum!r} must be an integer of at least 2, such as 5 "
                    "(a bootstrap over fewer documents has nothing to resample).")
        return None

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any], *, where: str = "scoring options",
                     error: type[HarnessError] = UsageError) -> "ScoringOptions":
        """Options from a dict (unknown keys and bad values raise ``error`` naming ``where``)."""
        known = [f.name for f in fields(cls)]
        for key in mapping:
            if key.replace("-", "_") not in known:
                raise error(f"{where}: unknown setting {key!r}; known settings: {', '.join(known)}.")
        values = {key.replace("-", "_"): value for key, value in mapping.items()}
        try:
            return cls(**values)
        except UsageError as exc:
            raise error(f"{where}: {exc}") from None

    @classmethod
    def from_config(cls, config: Any, **overrides: Any) -> "ScoringOptions":
        """Options from ``[tool.harness.scoring]`` of a ``HarnessConfig``; ``overrides`` win (None is ignored)."""
        section = dict(config.section("scoring")) if config is not None else {}
        where = config.where("scoring") if config is not None else "[tool.harness.scoring]"
        options = cls.from_mapping(section, where=where, error=ConfigError)
        given = {key: value for key, value in overrides.items() if value is not None}
        return options.replace(**given) if given else options

    def replace(self, **changes: Any) -> "ScoringOptions":
        return ScoringOptions.from_mapping({**asdict(self), **changes})

    def to_dict(self) -> dict:
        return asdict(self)
