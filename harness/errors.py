"""One family of user-facing errors.

A ``HarnessError`` is a mistake in the user's input or configuration, not a
bug: the CLI prints its message without a traceback. Every message says
where (file, JSON pointer or offset), what (the bad value) and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass

# The exit codes of every command (the README's table lists them)
EXIT_OK = 0
EXIT_CHECK_FAILED = 1  # a gate check or a comparison threshold failed
EXIT_USAGE = 2  # a usage, configuration or input error: nothing was judged
EXIT_RUN_FAILURES = 3  # the run finished, reports written, but an adapter or a document failed


class HarnessError(Exception):
    """Base of every error caused by the user's input or configuration.

    Its exit code is 2: nothing was judged, so it must never read as a failed
    check (1) or a run with failures (3).
    """

    exit_code = EXIT_USAGE


class UsageError(HarnessError):
    """The command was called wrongly (unknown adapter, bad option value)."""


class ConfigError(HarnessError):
    """A ``[tool.harness]`` setting in pyproject.toml is invalid.

    ``problems`` holds each message when several were found at once, so a
    caller gathering problems from many sections can list them all.
    """

    def __init__(self, message: str, problems: "list[str] | None" = None):
        super().__init__(message)
        self.problems = list(problems) if problems else [message]

    @classmethod
    def of(cls, problems: "list[str]") -> "ConfigError":
        """One error listing every problem (the message itself when there is one)."""
        if len(problems) == 1:
            return cls(problems[0])
        listed = "\n".join(f"  - {problem}" for problem in problems)
        return cls(f"{len(problems)} configuration problems:\n{listed}", problems)


class InputError(HarnessError):
    """A file could not be read as what it should be (JSON, UTF-8, within limits)."""


class MissingDependency(HarnessError):
    """An optional dependency is not installed; the message gives the install command."""


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


def did_you_mean(word: object, choices: "list[str] | tuple[str, ...]") -> str:
    """`` Did you mean 'x'?`` for the closest of ``choices`` to ``word``, or an empty string."""
    import difflib

    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""


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
