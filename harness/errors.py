"""One family of user-facing errors.

A ``HarnessError`` is a mistake in the user's input or configuration, not a
bug: the CLI prints its message without a traceback. Every message says
where (file, JSON pointer or offset), what (the bad value) and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass


class HarnessError(Exception):
    """Base of every error caused by the user's input or configuration."""

    exit_code = 1


class UsageError(HarnessError):
    """The command was called wrongly (unknown adapter, bad option value)."""

    exit_code = 2


class ConfigError(HarnessError):
    """A ``[tool.harness]`` setting in pyproject.toml is invalid."""

    exit_code = 2


class InputError(HarnessError):
    """A file could not be read as what it should be (JSON, UTF-8, within limits)."""


class MissingDependency(HarnessError):
    """An optional dependency is not installed; the message gives the install command."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file: where, what, and how to fix it."""

    file: str
    pointer: str
    message: str
    value: object = None
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}{'#' + self.pointer if self.pointer else ''}"
        text = f"{where}: {self.message}"
        if self.fix:
            text += f" Fix: {self.fix}"
        return text

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "pointer": self.pointer,
            "message": self.message,
            "value": _jsonable(self.value),
            "fix": self.fix,
        }


class ValidationFailed(HarnessError):
    """One or more problems were found in an input file."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:50])
        more = len(self.problems) - 50
        if more > 0:
            shown += f"\n  ... and {more} more"
        super().__init__(f"{len(self.problems)} problem(s):\n{shown}")


def _jsonable(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    text = repr(value)
    return text if len(text) <= 200 else text[:200] + "..."


def short(value: object, limit: int = 80) -> str:
    """A value shown in a message: repr, cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def pointer(*parts: object) -> str:
    """A JSON pointer (RFC 6901) from path parts."""
    out = []
    for part in parts:
        out.append(str(part).replace("~", "~0").replace("/", "~1"))
    return "/" + "/".join(out) if out else ""
