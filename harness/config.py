"""The ``[tool.harness]`` sections of pyproject.toml.

Sections: ``adapters.<name>`` (adapter settings), ``gate`` (thresholds),
``gate.baseline`` (allowed drops), ``robustness`` (tolerances), ``limits``
(input size limits) and ``paths`` (gold, reports and cache folders); plain
keys ``slice_by`` (the slice fields of every run, harness.slices) and
``keep_runs`` (how many runs reports/runs/ keeps, harness.history). The
file is found in the working folder or its parents; no file means defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError, did_you_mean

KNOWN_SECTIONS = ("adapters", "gate", "robustness", "limits", "paths", "scoring", "report")
KNOWN_KEYS = ("slice_by", "keep_runs")  # plain settings of [tool.harness] itself, not tables


@dataclass(frozen=True)
class HarnessConfig:
    """The harness settings and the file they came from (None when there is none)."""

    path: Path | None = None
    sections: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The project folder: where pyproject.toml is, else the working folder."""
        return self.path.parent if self.path else Path.cwd()

    def section(self, name: str) -> dict[str, Any]:
        value = self.sections.get(name, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{self.where(name)} must be a table, not {type(value).__name__}. "
                              f"Write it as [tool.harness.{name}].")
        return value

    def adapter_settings(self, name: str) -> dict[str, Any]:
        """Settings for adapter ``name`` from ``[tool.harness.adapters.<name>]`` (empty if none)."""
        adapters = self.section("adapters")
        value = adapters.get(name, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{self.where('adapters.' + name)} must be a table of settings, "
                              f"not {value!r}. Write it as [tool.harness.adapters.{name}].")
        return value

    def where(self, key: str) -> str:
        return f"{self.path or 'pyproject.toml'}: [tool.harness.{key}]"


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def parse_config(text: str, path: Path | None) -> HarnessConfig:
    """The harness settings from the text of a pyproject.toml."""
    import tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path or 'pyproject.toml'}: invalid TOML: {exc}. Fix the syntax there.") from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise ConfigError(f"{path or 'pyproject.toml'}: TOML nested too deeply. Flatten the arrays and tables.") from None
    tool = document.get("tool", {})
    harness = tool.get("harness", {}) if isinstance(tool, dict) else {}
    if not isinstance(harness, dict):
        raise ConfigError(f"{path}: [tool.harness] must be a table, not {harness!r}.")
    from .files import Limits, json_depth

    if json_depth(harness) > Limits.max_depth:
        raise ConfigError(f"{path or 'pyproject.toml'}: [tool.harness] is nested more than {Limits.max_depth} "
                          "levels deep. Flatten the arrays and tables.")
    unknown = sorted(set(harness) - set(KNOWN_SECTIONS) - set(KNOWN_KEYS))
    config = HarnessConfig(path, {k: v for k, v in harness.items() if k not in unknown})
    if unknown:
        known = (*KNOWN_SECTIONS, *KNOWN_KEYS)
        problems = [f"{path or 'pyproject.toml'}: unknown {_entry_kind(harness[name])} {name!r} in [tool.harness]."
                    f"{did_you_mean(name, known)} Known: sections {', '.join(KNOWN_SECTIONS)}; "
                    f"keys {', '.join(KNOWN_KEYS)}." for name in unknown]
        try:  # the rest of the tables' problems too, so that one pass fixes them all
            check_config(config)
        except ConfigError as exc:
            problems += exc.problems
        raise ConfigError.of(problems)
    return config


def _entry_kind(value: Any) -> str:
    return "section" if isinstance(value, dict) else "key"


def load_config(path: str | os.PathLike | None = None) -> HarnessConfig:
    """Read ``[tool.harness]`` from ``path``, or from the nearest pyproject.toml upwards."""
    from .files import DEFAULT_MAX_BYTES, decode_utf8, read_bytes

    file = Path(path) if path is not None else find_pyproject()
    if file is None:
        return HarnessConfig()
    try:
        # the configured limits are for inputs; the file that sets them is read under the default
        text = decode_utf8(read_bytes(file, max_bytes=DEFAULT_MAX_BYTES), str(file), strip_bom=True)
    except InputError as exc:
        raise ConfigError(str(exc)) from None
    return parse_config(text, file)


LIMIT_KEYS = ("max_bytes", "max_depth", "max_items")
PATH_KEYS = ("gold", "reports", "cache")


def unknown_key_problems(config: HarnessConfig, section: str, known: tuple[str, ...] | list[str]) -> list[str]:
    """One problem per key of ``[tool.harness.<section>]`` that is not in ``known``, with the closest known key."""
    where = config.where(section)
    return [f"{where}: unknown setting {key!r}.{did_you_mean(key, known)} Known: {', '.join(known)}."
            for key in config.section(section) if key not in known]


def limits_of(config: HarnessConfig) -> dict[str, int]:
    """The validated ``[tool.harness.limits]`` settings (every problem listed at once)."""
    limits = config.section("limits")
    problems = unknown_key_problems(config, "limits", LIMIT_KEYS)
    for key, value in limits.items():
        if key in LIMIT_KEYS and (not isinstance(value, int) or isinstance(value, bool) or value <= 0):
            problems.append(f"{config.where('limits')}: {key} = {value!r} must be a positive integer.")
    if problems:
        raise ConfigError.of(problems)
    return dict(limits)


def paths_problems(config: HarnessConfig) -> list[str]:
    """Problems of ``[tool.harness.paths]``: unknown keys, and values that are not folder paths."""
    problems = unknown_key_problems(config, "paths", PATH_KEYS)
    for key, value in config.section("paths").items():
        if key in PATH_KEYS and (not isinstance(value, str) or not value):
            problems.append(f"{config.where('paths')}: {key} = {value!r} must be a folder path, "
                            f'e.g. {key} = "{key}".')
    return problems


def check_config(config: HarnessConfig) -> HarnessConfig:
    """``config`` when every ``[tool.harness.*]`` table is valid; else one ``ConfigError`` listing every problem.

    Unknown keys come with the closest known one ("did you mean"), so a typo
    can never make a setting, or a whole adapter, silently disappear.
    """
    from .adapters.registry import adapter_config_problems
    from .gate import parse_gate_config

    problems: list[str] = []
    for name in ("paths", "limits", "adapters", "gate", "robustness", "scoring", "report"):
        try:
            config.section(name)
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        if name == "paths":
            problems.extend(paths_problems(config))
        elif name == "adapters":
            problems.extend(adapter_config_problems(config))
        else:
            check = {"limits": limits_of, "gate": parse_gate_config,
                     "robustness": _robustness_check, "scoring": _scoring_check, "report": _report_check}[name]
            try:
                check(config)
            except ConfigError as exc:
                problems.extend(exc.problems)
    try:
        keep_runs_of(config)
    except ConfigError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ConfigError.of(problems)
    return config


def keep_runs_of(config: HarnessConfig) -> int:
    """``[tool.harness] keep_runs``: how many runs the history keeps (default 20; 0 keeps none)."""
    from .history import DEFAULT_KEEP_RUNS

    value = config.sections.get("keep_runs", DEFAULT_KEEP_RUNS)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"{config.path or 'pyproject.toml'}: [tool.harness] keep_runs = {value!r} must be a "
                          "whole number of runs to keep, e.g. keep_runs = 20 (0 keeps no history).")
    return value


def _without(config: HarnessConfig, section: str, keys: set[str]) -> HarnessConfig:
    table = {k: v for k, v in config.section(section).items() if k not in keys}
    return HarnessConfig(config.path, {**config.sections, section: table})


def _robustness_check(config: HarnessConfig) -> None:
    from .robustness import SETTING_KEYS, settings_of

    problems = unknown_key_problems(config, "robustness", SETTING_KEYS)
    try:
        settings_of(_without(config, "robustness", set(config.section("robustness")) - set(SETTING_KEYS)))
    except ConfigError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ConfigError.of(problems)


def _scoring_check(config: HarnessConfig) -> None:
    import dataclasses

    from .scoring import ScoringOptions

    known = [f.name for f in dataclasses.fields(ScoringOptions)]
    problems = unknown_key_problems(config, "scoring", known)
    try:
        ScoringOptions.from_config(_without(config, "scoring", set(config.section("scoring")) - set(known)))
    except ConfigError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ConfigError.of(problems)


def _report_check(config: HarnessConfig) -> None:
    from .report.html import html_documents_of

    html_documents_of(config)


def apply_limits(config: HarnessConfig) -> None:
    """Make the configured input limits the ones every reader uses (for this process)."""
    from .files import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ITEMS, Limits

    configured = limits_of(config)
    # start from the defaults: limits set by an earlier configuration in this process must not linger
    defaults = {"max_bytes": DEFAULT_MAX_BYTES, "max_depth": DEFAULT_MAX_DEPTH, "max_items": DEFAULT_MAX_ITEMS}
    for key, value in {**defaults, **configured}.items():
        setattr(Limits, key, value)
