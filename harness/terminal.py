"""Plain-text output that fits the terminal: its width, and text wrapped at spaces only.

Commands that print lines with ``click.echo`` (rather than rich tables) wrap
long sentences here, so every line fits the terminal (``COLUMNS`` when set,
80 when piped) and no number, path or command is ever broken in two.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path


def width() -> int:
    """The terminal's width in columns: ``COLUMNS`` when set, else the terminal's, else 80."""
    return shutil.get_terminal_size((80, 24)).columns


def wrapped(text: str, indent: str = "", columns: int | None = None) -> list[str]:
    """``text`` as lines of at most ``columns`` (default: the terminal's), each starting with ``indent``.

    Lines break at spaces only: a word longer than the line is kept whole.
    """
    room = max((columns or width()) - len(indent), 20)
    return [indent + line for line in textwrap.wrap(text, room, break_long_words=False, break_on_hyphens=False)]


def shown_path(path: str | os.PathLike) -> str:
    """``path`` as short as it reads unambiguously: relative to the working folder when inside it, else whole."""
    absolute = Path(path).absolute()
    try:
        return str(absolute.relative_to(Path.cwd().absolute()))
    except ValueError:
        return str(absolute)
