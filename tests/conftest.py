"""Shared fixtures: the small example gold under tests/data, and Hypothesis settings.

Hypothesis runs derandomized (a fixed seed) with no deadline, so CI is
reproducible and never fails on a slow machine for timing alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "harness",
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    print_blob=True,
)
settings.load_profile("harness")

DATA = Path(__file__).parent / "data"
EXAMPLE_GOLD = DATA / "gold"
EXAMPLE_ID = "example-harbour-tech"
REPO = Path(__file__).parent.parent
SEED_GOLD = REPO / "gold"


@pytest.fixture
def example_gold_dir() -> Path:
    """The example gold folder (read-only: copy it before changing anything)."""
    return EXAMPLE_GOLD


@pytest.fixture
def example_gold_copy(tmp_path: Path) -> Path:
    """A private copy of the example gold folder that a test may break."""
    target = tmp_path / "gold"
    shutil.copytree(EXAMPLE_GOLD, target)
    return target


@pytest.fixture(scope="session")
def example_corpus():
    from harness import load_gold

    return load_gold(EXAMPLE_GOLD)


@pytest.fixture(scope="session")
def example_annotations(example_corpus):
    return example_corpus[EXAMPLE_ID]
