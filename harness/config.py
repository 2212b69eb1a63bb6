"""The ``[tool.harness]`` sections of pyproject.toml.

Sections: ``adapters.<name>`` (adapter settings), ``gate`` (thresholds),
``gate.baseline`` (allowed drops), ``robustness`` (tolerances), ``limits``
(input size limits) and ``paths`` (gold, reports and cache folders); one
plain key, ``slice_by`` (the slice fields of every run, harness.slices). The
file is found in the working folder or its parents; no file means defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError

KNOWN_SECTIONS = ("adapters", "gate", "robustness", "limits", "paths", "scoring")
KNOWN_KEYS = ("slice_by",)  # plain settings of [tool.harness] itself, not tables


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
    if unknown:
        raise ConfigError(
            f"{path}: unknown section(s) [tool.harness.{unknown[0]}]"
            f"{' and others' if len(unknown) > 1 else ''}; known sections: {', '.join(KNOWN_SECTIONS)}."
        )
    return HarnessConfig(path, harness)


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


def limits_of(config: HarnessConfig) -> dict[str, int]:
    """The validated ``[tool.harness.limits]`` settings."""
    limits = config.section("limits")
    for key, value in limits.items():
        if key not in LIMIT_KEYS:
            raise ConfigError(f"{config.where('limits')}: unknown setting {key!r}; known: {', '.join(LIMIT_KEYS)}.")
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"{config.where('limits')}: {key} = {value!r} must be a positive integer.")
    return dict(limits)


def apply_limits(config: HarnessConfig) -> None:
    """Make the configured input limits the ones every reader uses (for this process)."""
    from .files import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ITEMS, Limits

    configured = limits_of(config)
    # start from the defaults: limits set by an earlier configuration in this process must not linger
    defaults = {"max_bytes": DEFAULT_MAX_BYTES, "max_depth": DEFAULT_MAX_DEPTH, "max_items": DEFAULT_MAX_ITEMS}
    for key, value in {**defaults, **configured}.items():
        setattr(Limits, key, value)
