"""Hypothesis strategies for testing extractors against boilerplate noise.

Use them in your own property tests::

    from hypothesis import given, settings
    from harness import load_gold
    from harness.strategies import noisy_documents

    gold = load_gold("gold")["my-article"]

    @settings(max_examples=50)
    @given(noisy_documents(gold))
    def test_my_extractor_ignores_boilerplate(variant):
        predictions = my_extractor(variant.document.text)
        # every injected block is a boilerplate region of variant.document
        assert not any(variant.document.in_boilerplate(p.start, p.end) for p in predictions)

``boilerplate_blocks()`` draws single blocks (a promo, a cookie banner ...),
``format_noise()`` draws format-noise settings, ``noise_recipes(article)``
draws the recipe alone (blocks, points and format noise) and
``noisy_documents(article)`` draws a ready ``NoisyArticle``: the noisy
document, its gold projected onto the new text, and the offset map.
Everything shrinks towards fewer, shorter blocks and less format noise.
"""

from __future__ import annotations

from typing import Iterable

from hypothesis import strategies as st

from .model import Annotations, Document
from .noise import (
    FORMAT_KINDS,
    KINDS,
    POINT_KINDS,
    Block,
    FormatNoise,
    Insertion,
    Noise,
    NoisyArticle,
    apply_noise,
    generate_block,
    insertion_points,
)

__all__ = ["boilerplate_blocks", "format_noise", "noise_recipes", "noisy_documents"]

RATES = (0.05, 0.2, 0.5, 1.0)


def _known(given: Iterable[str] | None, known: tuple[str, ...], what: str) -> tuple[str, ...]:
    if given is None:
        return known
    chosen = tuple(given)
    unknown = [name for name in chosen if name not in known]
    if unknown or not chosen:
        raise ValueError(f"unknown {what} {unknown[0]!r}; known: {', '.join(known)}" if unknown
                         else f"give at least one {what}; known: {', '.join(known)}")
    return chosen


def boilerplate_blocks(kinds: Iterable[str] | None = None) -> st.SearchStrategy[Block]:
    """Blocks of page furniture with decoy names, places, quotes, numbers and dates.

    ``kinds`` limits the labels drawn (default: all of ``harness.noise.KINDS``)::

        @given(boilerplate_blocks(kinds=["cookie-banner", "paywall"]))
        def test_banner_text_is_ignored(block): ...
    """
    chosen = _known(kinds, KINDS, "boilerplate kind")
    return st.builds(generate_block, st.sampled_from(chosen), st.randoms(use_true_random=False))


def format_noise(kinds: Iterable[str] | None = None, *, min_kinds: int = 0) -> st.SearchStrategy[FormatNoise]:
    """Format-noise settings: a set of kinds (curly quotes, NBSP, CRLF ...), a rate and a seed.

    ``harness.noise.format_stage`` applies one to a text::

        @given(format_noise(min_kinds=1))
        def test_reader_survives(noise): ...
    """
    chosen = _known(kinds, FORMAT_KINDS, "format noise kind")
    return st.builds(
        FormatNoise,
        st.lists(st.sampled_from(chosen), unique=True, min_size=min_kinds).map(tuple),
        st.sampled_from(RATES),
        st.integers(0, 2**16),
    )


def noise_recipes(article: Annotations | Document, *, blocks: st.SearchStrategy[Block] | None = None,
                  min_blocks: int = 0, max_blocks: int = 6, points: Iterable[str] = POINT_KINDS,
                  format: st.SearchStrategy[FormatNoise] | None = None, with_format: bool = True,
                  ) -> st.SearchStrategy[Noise]:
    """Noise recipes for ``article``: which blocks go where, and what format noise follows.

    ``points`` limits the insertion points (``start``, ``paragraph``,
    ``sentence``, ``end``); ``with_format=False`` leaves the characters alone.
    """
    annotations = article if isinstance(article, Annotations) else Annotations(article)
    kinds = _known(points, POINT_KINDS, "insertion point kind")
    found = insertion_points(annotations.document, annotations, kinds)
    if not found:
        raise ValueError(f"document {annotations.document.id!r} has no insertion point of kinds {', '.join(kinds)}")
    insertion = st.builds(Insertion, st.sampled_from(found), blocks if blocks is not None else boilerplate_blocks())
    fmt = st.none()
    if with_format:
        fmt = format if format is not None else format_noise()
    return st.builds(Noise, st.lists(insertion, min_size=min_blocks, max_size=max_blocks).map(tuple), fmt)


def noisy_documents(article: Annotations | Document, **options) -> st.SearchStrategy[NoisyArticle]:
    """Noisy variants of ``article``, each with its gold projected onto the noisy text.

    Takes the options of ``noise_recipes``. A variant's ``document`` has one
    boilerplate region per injected block; its ``annotations`` hold every
    gold span at its new offsets, with ``span.text`` equal to the noisy text::

        @given(noisy_documents(gold, max_blocks=3, with_format=False))
        def test_spans_still_match(variant):
            for entity in variant.annotations.entities:
                for mention in entity.mentions:
                    assert variant.document.text[mention.start:mention.end] == mention.text
    """
    annotations = article if isinstance(article, Annotations) else Annotations(article)
    return noise_recipes(annotations, **options).map(lambda noise: apply_noise(annotations, noise))
