"""One family of user-facing errors.

A ``HarnessError`` is a mistake in the user's input or configuration, not a
bug: the CLI prints its message without a traceback. Every message says
where (file, JSON pointer or offset), what (the bad value) and what to do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable

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
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # strict JSON holds no NaN or infinity: the report that records it must stay writable
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    text = repr(value)
    return text if len(text) <= 200 else text[:200] + "..."


def closest(word: object, choices: "Iterable[object]") -> str | None:
    """The one of ``choices`` closest to ``word`` (case aside), or None when none is close.

    Case is ignored in the comparison, so ``person`` finds ``PERSON``; the
    choice is returned as written.
    """
    import difflib

    written = {str(choice).casefold(): str(choice) for choice in choices}
    close = difflib.get_close_matches(str(word).casefold(), list(written), n=1, cutoff=0.6)
    return written[close[0]] if close else None


def did_you_mean(word: object, choices: "Iterable[object]") -> str:
    """`` Did you mean 'x'?`` for the closest of ``choices`` to ``word``, or an empty string.

    The one suggestion helper of the project: adapter, command, type, field
    and setting names all go through it, so they are suggested alike.
    """
    found = closest(word, choices)
    return f" Did you mean {found!r}?" if found is not None and found != str(word) else ""


def short(value: object, limit: int = 80) -> str:
    """A value shown in a message: repr, cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def pointer_parts(text: str) -> list[str]:
    """The unescaped segments of a JSON pointer (``"/a~1b/0"`` -> ``["a/b", "0"]``)."""
    if not text:
        return []
    return [part.replace("~1", "/").replace("~0", "~") for part in text.lstrip("/").split("/")]


def document_order(document: object) -> "Callable[[str], tuple]":
    """A sort key that puts JSON pointers into ``document`` in the order they occur in it.

    Object keys sort by their position in the object (as the file lists
    them), array indices as numbers (0, 1, 10, 100, not as strings); a
    pointer to the whole file comes first, and one leading to a key the
    document lacks sorts after that object's present keys.
    """
    def key(text: str) -> tuple:
        node, out = document, []
        for part in pointer_parts(text):
            if isinstance(node, list) and part.isdigit():
                index = int(part)
                out.append((0, index, ""))
                node = node[index] if index < len(node) else None
            elif isinstance(node, dict):
                names = list(node)
                out.append((0, names.index(part), "") if part in names else (1, 0, part))
                node = node.get(part)
            else:
                out.append((1, int(part), "") if part.isdigit() else (2, 0, part))
                node = None
        return tuple(out)

    return key


def pointer(*parts: object) -> str:
    """A JSON pointer (RFC 6901) from path parts."""
    out = []
    for part in parts:
        out.append(str(part).replace("~", "~0").replace("/", "~1"))
    return "/" + "/".join(out) if out else ""
