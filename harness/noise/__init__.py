"""Boilerplate noise: blocks of page furniture, format noise, and injection with offset projection.

Build a noisy variant of an annotated article::

    import random
    from harness.noise import Insertion, Noise, apply_noise, generate_block, insertion_points

    points = insertion_points(annotations.document, annotations)
    block = generate_block("related-article", random.Random(0))
    variant = apply_noise(annotations, Noise((Insertion(points[0], block),)))
    variant.annotations  # the gold, every span moved onto variant.document.text

``harness.strategies`` wraps these in Hypothesis strategies.
"""

from __future__ import annotations

from .blocks import GENERATORS, KINDS, Block, generate_block
from .formatting import FORMAT_KINDS, FormatNoise, format_stage, normalise
from .inject import POINT_KINDS, Insertion, InsertionPoint, clean_document, inject, insertion_points
from .offsets import Edit, OffsetMap, Stage
from .project import project_annotations, project_span
from .spans import all_spans
from .variant import Noise, NoisyArticle, apply_noise, clean_article

__all__ = [
    "FORMAT_KINDS",
    "GENERATORS",
    "KINDS",
    "POINT_KINDS",
    "Block",
    "Edit",
    "FormatNoise",
    "Insertion",
    "InsertionPoint",
    "Noise",
    "NoisyArticle",
    "OffsetMap",
    "Stage",
    "all_spans",
    "apply_noise",
    "clean_article",
    "clean_document",
    "format_stage",
    "generate_block",
    "inject",
    "insertion_points",
    "normalise",
    "project_annotations",
    "project_span",
]
