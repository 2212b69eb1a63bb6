"""The public Hypothesis strategies: what they draw and how they refuse bad options."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.noise import FORMAT_KINDS, KINDS, Block, FormatNoise, NoisyArticle
from harness.strategies import boilerplate_blocks, format_noise, noise_recipes, noisy_documents


@settings(max_examples=30)
@given(boilerplate_blocks(kinds=["paywall", "comments"]))
def test_blocks_are_of_the_kinds_asked_for(block):
    assert isinstance(block, Block) and block.kind in ("paywall", "comments")


@settings(max_examples=30)
@given(format_noise(min_kinds=1))
def test_format_noise_has_known_kinds(noise):
    assert isinstance(noise, FormatNoise) and noise.kinds and set(noise.kinds) <= set(FORMAT_KINDS)


@settings(max_examples=20)
@given(st.data())
def test_recipes_respect_block_bounds_and_points(example_annotations, data):
    noise = data.draw(noise_recipes(example_annotations, min_blocks=1, max_blocks=2, points=["end"], with_format=False))
    assert 1 <= noise.block_count <= 2 and noise.format is None
    assert {i.point.where for i in noise.insertions} == {"end"}


@settings(max_examples=10)
@given(st.data())
def test_noisy_documents_of_a_bare_document(example_annotations, data):
    variant = data.draw(noisy_documents(example_annotations.document, min_blocks=1))
    assert isinstance(variant, NoisyArticle) and variant.annotations.entities == ()
    assert any(r.kind == "boilerplate" and r.label in KINDS for r in variant.document.regions)


def test_unknown_options_are_refused_with_the_known_values(example_annotations):
    with pytest.raises(ValueError, match="cookie-banner"):
        boilerplate_blocks(kinds=["popover"])
    with pytest.raises(ValueError, match="crlf"):
        format_noise(kinds=["glitter"])
    with pytest.raises(ValueError, match="sentence"):
        noise_recipes(example_annotations, points=["middle"])
