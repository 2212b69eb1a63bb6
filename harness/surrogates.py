"""Lone surrogates: code points U+D800 to U+DFFF that JSON's ``\\ud800`` escape lets into a string.

UTF-8 cannot encode them, so a string holding one would end every writer
that meets it (reports, caches, the terminal). Inputs are checked here and
the string is refused with its JSON pointer; anything shown back to the
user carries the ``\\ud800`` escape as text instead of the code point.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from .errors import Problem, pointer, short

_LONE = re.compile("[\ud800-\udfff]")  # a valid pair is one code point once decoded, so any of these is alone


def has_lone_surrogate(text: str) -> bool:
    return _LONE.search(text) is not None


def escape_surrogates(text: str) -> str:
    """``text`` with each lone surrogate written as its escape (``\\ud800``), so it can be encoded."""
    if not has_lone_surrogate(text):
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def lone_surrogates(value: Any) -> Iterator[tuple[str, str]]:
    """(JSON pointer, string) for every key or string value in ``value`` that holds a lone surrogate."""
    stack: list[tuple[Any, tuple]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            if has_lone_surrogate(node):
                yield pointer(*path), node
        elif isinstance(node, dict):
            for key, child in node.items():
                if isinstance(key, str) and has_lone_surrogate(key):
                    yield pointer(*path, key), key
                stack.append((child, (*path, key)))
        elif isinstance(node, list):
            stack.extend((child, (*path, index)) for index, child in enumerate(node))


def surrogate_problems(value: Any, file: str) -> list[Problem]:
    """A problem, with its pointer, for every string in ``value`` that UTF-8 cannot hold."""
    found = sorted(lone_surrogates(value))
    return [Problem(file, escape_surrogates(where),
                    f"the string {short(text)} holds a lone surrogate, which is not a character.",
                    value=escape_surrogates(text)[:200],
                    fix="Write the character itself, or an escape pair such as \\ud83d\\ude00 for one emoji.")
            for where, text in found]
