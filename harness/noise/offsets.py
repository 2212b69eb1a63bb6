"""Edits to a text and the offset map that carries spans across them.

A text is changed by a ``Stage``: a sorted list of non-overlapping edits,
each replacing ``text[start:end]`` with new characters (``start == end``
is a pure insertion, an empty replacement a deletion). An ``OffsetMap`` is a
sequence of stages, applied in order.

An offset is mapped with a *side*. At an insertion point, the start of a
span moves past the inserted text and the end of a span stays before it, so
an insertion at a span's edge lands outside the span. An edit strictly
inside a span changes the span's text; an edit that only partly overlaps a
span makes the span unmappable (it is dropped by projection).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal

Side = Literal["start", "end"]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    @property
    def delta(self) -> int:
        return len(self.replacement) - (self.end - self.start)


@dataclass(frozen=True)
class Stage:
    """Non-overlapping edits of one text, sorted by position."""

    edits: tuple[Edit, ...] = ()
    _ends: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _shift: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        edits = tuple(self.edits)
        object.__setattr__(self, "edits", edits)
        previous_end = -1
        for edit in edits:
            if edit.start < previous_end or edit.end < edit.start:
                raise ValueError(f"edits overlap or run backwards at {edit.start}..{edit.end}")
            previous_end = edit.end
        shifts, total = [0], 0
        for edit in edits:
            total += edit.delta
            shifts.append(total)
        object.__setattr__(self, "_ends", tuple(edit.end for edit in edits))
        object.__setattr__(self, "_shift", tuple(shifts))

    def apply(self, text: str) -> str:
        """``text`` with every edit made."""
        pieces, position = [], 0
        for edit in self.edits:
            pieces.append(text[position:edit.start])
            pieces.append(edit.replacement)
            position = edit.end
        pieces.append(text[position:])
        return "".join(pieces)

    def map(self, offset: int, side: Side = "start") -> int | None:
        """Where ``offset`` of the old text is in the new one; None if an edit swallowed it."""
        if side == "start":
            before = bisect_right(self._ends, offset)
        else:
            before = bisect_left(self._ends, offset)
            # a replacement ending exactly here is before the offset; an insertion here is not
            while before < len(self.edits) and self._ends[before] == offset and self.edits[before].start < offset:
                before += 1
        if before < len(self.edits):
            following = self.edits[before]
            if following.start < offset < following.end:
                return None
        return offset + self._shift[before]

    def cuts(self, start: int, end: int) -> bool:
        """True when an edit overlaps ``[start, end)`` only in part (the span cannot be carried over)."""
        index = bisect_right(self._ends, start)
        while index < len(self.edits):
            edit = self.edits[index]
            if edit.start >= end:
                break
            inside = start <= edit.start and edit.end <= end
            if not inside and edit.start < edit.end:
                return True
            index += 1
        return False


@dataclass(frozen=True)
class OffsetMap:
    """Stages of edits from an original text to a changed one, applied in order."""

    stages: tuple[Stage, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "stages", tuple(self.stages))

    def then(self, stage: "Stage | OffsetMap") -> "OffsetMap":
        """This map followed by ``stage``."""
        more = stage.stages if isinstance(stage, OffsetMap) else (stage,)
        return OffsetMap(self.stages + tuple(more))

    def apply(self, text: str) -> str:
        for stage in self.stages:
            text = stage.apply(text)
        return text

    def map(self, offset: int, side: Side = "start") -> int | None:
        """Where ``offset`` of the original text is in the changed one (None if removed)."""
        for stage in self.stages:
            mapped = stage.map(offset, side)
            if mapped is None:
                return None
            offset = mapped
        return offset

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The changed ``[start, end)``, or None when an edit cut into the span or removed it."""
        for stage in self.stages:
            if stage.cuts(start, end):
                return None
            new_start, new_end = stage.map(start, "start"), stage.map(end, "end")
            if new_start is None or new_end is None or new_end <= new_start:
                return None
            start, end = new_start, new_end
        return start, end
