"""Injecting boilerplate into an article, and the clean article without any.

Blocks go in at *insertion points* of the original text:

- ``start`` and ``end`` of the text;
- ``paragraph``: at a paragraph break (a blank line), as a paragraph of its own;
- ``sentence``: inside a body paragraph, between two sentences, where pages
  put inline promos; the paragraph is split around the block.

No point lies strictly inside a gold span, so injection never changes a
span's text. Several blocks at one point are stacked, separated by blank
lines. Each block becomes a ``boilerplate`` region labelled with its kind;
the original regions are shifted (and split around inline blocks).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from ..model import Annotations, Document, Region
from .blocks import Block
from .offsets import Edit, OffsetMap, Stage

POINT_KINDS: tuple[str, ...] = ("start", "paragraph", "sentence", "end")
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class InsertionPoint:
    """Where a block can go: an offset of the original text and what kind of place it is.

    A ``sentence`` point replaces the one space between two sentences
    (``consume == 1``) with the block set off by blank lines.
    """

    offset: int
    where: str
    consume: int = 0

    def __post_init__(self) -> None:
        if self.where not in POINT_KINDS:
            raise ValueError(f"unknown insertion point kind {self.where!r}; known: {', '.join(POINT_KINDS)}")

    @property
    def lead(self) -> str:
        return "" if self.where == "start" else SEPARATOR

    @property
    def trail(self) -> str:
        return SEPARATOR if self.where in ("start", "sentence") else ""


@dataclass(frozen=True)
class Insertion:
    """One block put at one point."""

    point: InsertionPoint
    block: Block


def _inside_a_span(annotations: Annotations | None) -> list[tuple[int, int]]:
    if annotations is None:
        return []
    from .spans import all_spans

    return [(span.start, span.end) for span in all_spans(annotations)]


def insertion_points(document: Document, annotations: Annotations | None = None,
                     kinds: tuple[str, ...] = POINT_KINDS) -> tuple[InsertionPoint, ...]:
    """Every place a block may be injected into ``document``, in text order.

    With ``annotations``, points strictly inside one of its spans are left out.
    """
    text = document.text
    spans = _inside_a_span(annotations)

    def free(offset: int, consume: int = 0) -> bool:
        # a point may touch a span's edge but not fall inside it; a consumed space must be outside every span
        if consume:
            return not any(start <= offset < end for start, end in spans)
        return not any(start < offset < end for start, end in spans)

    points: list[InsertionPoint] = []
    if "start" in kinds:
        points.append(InsertionPoint(0, "start"))
    body = [r for r in document.regions if r.kind == "body"] or [Region(0, len(text), "body")]
    for i in range(1, len(text) - 1):
        if "paragraph" in kinds and text[i] == "\n" and text[i + 1] == "\n" and text[i - 1] != "\n" and free(i):
            points.append(InsertionPoint(i, "paragraph"))
        elif ("sentence" in kinds and text[i] == " " and _ends_sentence(text, i) and
              (text[i + 1].isupper() or text[i + 1] in "\"\u201c") and
              any(r.start < i and i + 1 < r.end for r in body) and free(i, 1)):
            points.append(InsertionPoint(i, "sentence", consume=1))
    if "end" in kinds:
        points.append(InsertionPoint(len(text), "end"))
    return tuple(points)


def _ends_sentence(text: str, i: int) -> bool:
    """True when a sentence ends just before ``text[i]``: a full stop, ? or !, maybe then a closing quote."""
    before = text[i - 1]
    if before in "\"\u201d'\u2019" and i >= 2:
        before = text[i - 2]
    return before in ".!?"


def inject(document: Document, insertions: tuple[Insertion, ...] | list[Insertion]) -> tuple[Document, OffsetMap]:
    """``document`` with every block injected, and the offset map from old text to new.

    The new document keeps the id and metadata; its regions are the old ones
    shifted (split around inline blocks) plus one boilerplate region per block.
    """
    by_point: dict[InsertionPoint, list[Block]] = defaultdict(list)
    for insertion in insertions:
        by_point[insertion.point].append(insertion.block)
    points = sorted(by_point, key=lambda p: (p.offset, p.consume, POINT_KINDS.index(p.where)))
    edits: list[Edit] = []
    block_regions: list[Region] = []
    shift = 0
    for point in points:
        blocks = by_point[point]
        new_start = point.offset + shift
        replacement = point.lead
        for i, block in enumerate(blocks):
            if i:
                replacement += SEPARATOR
            block_start = new_start + len(replacement)
            replacement += block.text
            block_regions.append(Region(block_start, block_start + len(block.text), "boilerplate", block.kind))
        replacement += point.trail
        edit = Edit(point.offset, point.offset + point.consume, replacement)
        edits.append(edit)
        shift += edit.delta
    offsets = OffsetMap((Stage(tuple(edits)),))
    text = offsets.apply(document.text)
    regions = carry_regions(document.regions, offsets, text, block_regions)
    return replace(document, text=text, regions=tuple(regions)), offsets


def carry_regions(regions: tuple[Region, ...], offsets: OffsetMap, text: str,
                  added: list[Region] | tuple[Region, ...] = (), *, take_insertions: bool = False) -> list[Region]:
    """``regions`` mapped onto ``text``, cut around the ``added`` regions, plus those, in order.

    With ``take_insertions``, text inserted exactly at a region's start joins
    the region (format noise such as a zero-width space before its first word);
    otherwise it stays outside (an injected block before a paragraph).
    """
    carried: list[Region] = []
    for region in regions:
        start = offsets.map(region.start, "end" if take_insertions else "start")
        end = offsets.map(region.end, "end")
        if start is None or end is None:
            continue
        pieces = [(start, end)]
        for block in added:
            next_pieces = []
            for a, b in pieces:
                if block.start < b and a < block.end:
                    next_pieces += [(a, block.start), (block.end, b)]
                else:
                    next_pieces.append((a, b))
            pieces = next_pieces
        for a, b in pieces:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                carried.append(Region(a, b, region.kind, region.label))
    return sorted([*carried, *added], key=lambda r: (r.start, r.end))


def clean_stage(document: Document) -> Stage:
    """The edits that remove every boilerplate region (and the blank lines after it) from ``document``."""
    text = document.text
    regions = sorted(document.regions, key=lambda r: (r.start, r.end))
    cuts: list[list[int]] = []
    for i, region in enumerate(regions):
        if region.kind != "boilerplate":
            continue
        # a boilerplate region takes the whitespace up to whatever follows it
        end = regions[i + 1].start if i + 1 < len(regions) else len(text)
        end = max(end, region.end)
        if cuts and cuts[-1][1] >= region.start:
            cuts[-1][1] = max(cuts[-1][1], end)
        else:
            cuts.append([region.start, end])
    if cuts and cuts[-1][1] >= len(text):
        # the last cut reaches the end: take the whitespace before it too, so no blank tail is left
        start = cuts[-1][0]
        while start > 0 and text[start - 1].isspace():
            start -= 1
        cuts[-1][0] = start
    return Stage(tuple(Edit(a, b, "") for a, b in cuts))


def clean_document(document: Document) -> tuple[Document, OffsetMap]:
    """``document`` made of its body and heading regions only, and the offset map to it."""
    offsets = OffsetMap((clean_stage(document),))
    text = offsets.apply(document.text)
    kept = tuple(r for r in document.regions if r.kind != "boilerplate")
    regions = carry_regions(kept, offsets, text)
    return replace(document, text=text, regions=tuple(regions)), offsets
