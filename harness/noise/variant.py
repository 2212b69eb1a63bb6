"""A noise recipe, applied: the noisy article with its projected gold.

A ``Noise`` value is everything needed to rebuild a noisy variant exactly
from the article it was made from: the blocks, where each went, and the
format noise. It round-trips through JSON (``to_dict`` / ``from_dict``),
which is what a replayable robustness fixture stores.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Annotations, Document
from .blocks import Block
from .formatting import FormatNoise, format_stage
from .inject import InsertionPoint, Insertion, carry_regions, clean_document, inject
from .offsets import OffsetMap
from .project import project_annotations


@dataclass(frozen=True)
class Noise:
    """The blocks to inject (each at its point) and the format noise to apply after."""

    insertions: tuple[Insertion, ...] = ()
    format: FormatNoise | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "insertions", tuple(self.insertions))

    @property
    def block_count(self) -> int:
        return len(self.insertions)

    @property
    def block_chars(self) -> int:
        """Characters of boilerplate text injected (separators not counted)."""
        return sum(len(insertion.block.text) for insertion in self.insertions)

    def to_dict(self) -> dict:
        return {
            "insertions": [
                {"offset": i.point.offset, "where": i.point.where, "consume": i.point.consume,
                 "kind": i.block.kind, "text": i.block.text}
                for i in self.insertions
            ],
            "format": None if self.format is None else self.format.to_dict(),
        }

    @classmethod
    def from_dict(cls, raw: dict) -> "Noise":
        """The inverse of ``to_dict``; raises ``KeyError``/``ValueError``/``TypeError`` on a malformed dict."""
        insertions = tuple(
            Insertion(InsertionPoint(int(item["offset"]), item["where"], int(item.get("consume", 0))),
                      Block(item["kind"], item["text"]))
            for item in raw.get("insertions", ())
        )
        fmt = raw.get("format")
        return cls(insertions, None if fmt is None else FormatNoise.from_dict(fmt))


@dataclass(frozen=True)
class NoisyArticle:
    """One noisy variant: the article it came from, the recipe, the projected gold and the offset map."""

    base: Annotations
    noise: Noise
    annotations: Annotations
    offsets: OffsetMap

    @property
    def document(self) -> Document:
        return self.annotations.document


def apply_noise(base: Annotations | Document, noise: Noise) -> NoisyArticle:
    """Inject ``noise`` into ``base`` and project its gold onto the noisy text.

    ``base`` may be a bare ``Document``; its gold is then empty.
    """
    if isinstance(base, Document):
        base = Annotations(base)
    for insertion in noise.insertions:
        point = insertion.point
        if not 0 <= point.offset <= point.offset + point.consume <= len(base.document.text):
            raise ValueError(f"insertion point {point.offset} is outside the text ({len(base.document.text)} characters)")
    document, offsets = inject(base.document, noise.insertions)
    if noise.format is not None and noise.format.kinds:
        stage = format_stage(document.text, noise.format)
        text = stage.apply(document.text)
        regions = carry_regions(document.regions, OffsetMap((stage,)), text, take_insertions=True)
        document = replace(document, text=text, regions=tuple(regions))
        offsets = offsets.then(stage)
    return NoisyArticle(base, noise, project_annotations(base, document, offsets), offsets)


def clean_article(annotations: Annotations) -> Annotations:
    """The article made of its body and heading regions only, with its gold projected.

    Gold inside boilerplate regions is dropped with the boilerplate. A
    document without regions is returned unchanged.
    """
    if not any(region.kind == "boilerplate" for region in annotations.document.regions):
        return annotations
    document, offsets = clean_document(annotations.document)
    return project_annotations(annotations, document, offsets)
