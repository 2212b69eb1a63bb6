"""Boilerplate blocks: every kind generates, carries decoys, and never borrows from the gold."""

import random
import re

import pytest

from harness.noise import KINDS, Block, generate_block, pools

DECOY_KINDS_WITH_NAMES = ("related-article", "link-list", "byline", "author-bio", "caption", "dateline")


def test_there_are_at_least_twelve_kinds():
    assert len(KINDS) >= 12
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", kind) for kind in KINDS)  # valid region labels


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_makes_well_formed_blocks(kind):
    rng = random.Random(7)
    for _ in range(30):
        block = generate_block(kind, rng)
        assert block.kind == kind
        assert block.text == block.text.strip() and "\n\n" not in block.text


@pytest.mark.parametrize("kind", DECOY_KINDS_WITH_NAMES)
def test_name_carrying_kinds_carry_a_decoy(kind):
    rng = random.Random(3)
    decoys = pools.PEOPLE + pools.ORGANISATIONS + pools.PLACES + pools.AGENCIES + pools.PUBLICATIONS
    for _ in range(20):
        text = generate_block(kind, rng).text
        assert any(decoy in text or decoy.upper() in text for decoy in decoys), text


def test_decoys_never_occur_in_any_gold_text(example_corpus):
    from pathlib import Path

    texts = [a.document.text for a in example_corpus]
    seed = Path(__file__).parents[2] / "gold" / "documents"
    texts += [p.read_text(encoding="utf-8") for p in sorted(seed.glob("*.txt"))]
    for text in texts:
        for decoy in pools.all_decoys():
            assert decoy not in text, decoy


def test_unknown_kind_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="related-article"):
        generate_block("popup", random.Random(0))


def test_block_text_with_blank_line_is_refused():
    with pytest.raises(ValueError):
        Block("tags", "a\n\nb")
