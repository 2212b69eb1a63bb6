"""Adapter settings: declared per built-in, read from pyproject.toml, overridden on the command line.

A built-in declares each setting it understands (name, type, default, what it
does); ``resolve_settings`` checks what the configuration and ``--set``
gave against that, so a typo or a wrong type is a ``ConfigError`` naming
the table, the key, the value and the fix, before any work starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ..errors import ConfigError, UsageError, did_you_mean, short

__all__ = ["Setting", "parse_adapter_overrides", "parse_override", "parse_overrides", "resolve_settings"]

_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
               list: "a list", dict: "a table"}


@dataclass(frozen=True)
class Setting:
    """One setting an adapter understands."""

    name: str
    kind: type | tuple[type, ...]
    default: Any = None
    help: str = ""
    choices: tuple[Any, ...] = ()
    minimum: float | None = None

    def describe_kind(self) -> str:
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        return " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)

    def accepts(self, value: Any) -> bool:
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        if isinstance(value, bool) and bool not in kinds:
            return False  # TOML true is not the integer 1
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            return True
        return isinstance(value, kinds)


def resolve_settings(adapter: str, declared: tuple[Setting, ...], given: Mapping[str, Any],
                     where: str) -> dict[str, Any]:
    """Defaults overlaid with ``given``; every key known, every value of the right type and range.

    Every problem of the table is listed in one ``ConfigError``, each unknown
    key with the closest known one.
    """
    known = {s.name: s for s in declared}
    settings = {s.name: s.default for s in declared}
    problems = []
    for key, value in given.items():
        setting = known.get(key)
        if setting is None:
            names = ", ".join(sorted(known)) or "(none)"
            problems.append(f"{where}: adapter {adapter!r} has no setting {key!r}.{did_you_mean(key, sorted(known))} "
                            f"Known settings: {names}.")
            continue
        problem = _value_problem(setting, key, value, where)
        if problem:
            problems.append(problem)
        elif value is not None:
            settings[key] = value
    if problems:
        raise ConfigError.of(problems)
    return settings


def _value_problem(setting: Setting, key: str, value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not setting.accepts(value):
        return (f"{where}: {key} = {short(value)} must be {setting.describe_kind()}. "
                f"Fix: {setting.help or 'give a value of that type'}.")
    if setting.choices and value not in setting.choices:
        return (f"{where}: {key} = {short(value)} is not one of "
                f"{', '.join(repr(c) for c in setting.choices)}. Pick one of those.")
    if setting.minimum is not None and value < setting.minimum:
        return f"{where}: {key} = {short(value)} must be at least {setting.minimum}."
    return None


def parse_override(text: str) -> tuple[str, Any]:
    """``key=value`` from the command line; the value is read as a TOML value, else kept as text.

    So ``timeout=5`` is the integer 5, ``argv=["python", "x.py"]`` a list, and
    ``model=en_core_web_sm`` the string it looks like.
    """
    import tomllib

    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        # the example keeps the name given, so its ADAPTER. prefix (or its absence) stays right
        example = f"--set {key}=VALUE" if key else "--set timeout=30"
        raise UsageError(f"--set {text!r} is not key=value. Write it like {example}.")
    raw = raw.strip()
    try:
        value = tomllib.loads(f"value = {raw}")["value"]
    except tomllib.TOMLDecodeError:
        value = raw
    return key, value


def parse_overrides(items: tuple[str, ...] | list[str], adapter: str | None = None) -> dict[str, Any]:
    """Every ``--set key=value`` as one mapping (a later key wins).

    With ``adapter``, ``ADAPTER.key=value`` is read as ``key=value`` too, so
    the form `harness run` takes also works for a one-adapter command.
    """
    pairs = [parse_override(item) for item in items]
    prefix = f"{adapter}." if adapter else None
    return {key[len(prefix):] if prefix and key.startswith(prefix) else key: value for key, value in pairs}


def parse_adapter_overrides(items: tuple[str, ...] | list[str]) -> dict[str, dict[str, Any]]:
    """Every ``--set ADAPTER.key=value`` as adapter -> settings (a later key wins)."""
    overrides: dict[str, dict[str, Any]] = {}
    for item in items:
        key, value = parse_override(item)
        adapter, dot, setting = key.partition(".")
        if not dot or not adapter or not setting:
            raise UsageError(f"--set {item!r} does not name the adapter. Write --set ADAPTER.{key or 'key'}=VALUE, "
                             f"e.g. --set llm.timeout=30.")
        overrides.setdefault(adapter, {})[setting] = value
    return overrides
