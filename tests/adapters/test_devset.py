"""Both baselines on the development set (``articles/``): recall floors per category and per article.

The articles are short originals across domains, each with the items a
reader marks in ``NAME.expected.json`` (see ``devset``). The floors are the
targets the baselines are held to (issue #17), not scores copied from a run.
"""

from __future__ import annotations

import pytest

from harness.adapters import get_adapter, run_extractor
from harness.model import Document
from harness.predictions import PredictedEntity, PredictedFigure, PredictedQuote, Predictions, TextSpan

from . import devset

# the targets of the baselines on unseen text (issue #17); every article is held to the per-article floor
FLOORS = {
    "rules": {"entities": 0.85, "quotes": 0.85, "speakers": 0.70, "figures": 0.85},
    "spacy": {"entities": 0.85, "quotes": 0.75, "speakers": 0.70, "figures": 0.75},
}
ARTICLE_FLOORS = {
    "rules": {"entities": 0.60, "quotes": 0.60, "speakers": 0.60, "figures": 0.60},
    "spacy": {"entities": 0.60, "quotes": 0.60, "speakers": 0.50, "figures": 0.60},
}
NAMES = devset.names()


@pytest.fixture(scope="module")
def outcomes() -> dict[tuple[str, str], devset.Recall]:
    found = {}
    for adapter in FLOORS:
        extractor = get_adapter(adapter)
        for name in NAMES:
            expected = devset.load(name)
            outcome = run_extractor(extractor, Document(name, expected.text))
            assert outcome.error is None, outcome.error
            found[adapter, name] = devset.recall(expected, outcome.predictions)
    return found


def test_the_set_has_at_least_twelve_articles_and_every_expected_item_is_in_its_article():
    assert len(NAMES) >= 12
    for name in NAMES:
        expected = devset.load(name)
        assert expected.entities and expected.quotes and expected.figures, name
        for words in [w for _, w in expected.entities] + [w for w, _ in expected.quotes] + [w for w, _ in expected.figures]:
            assert words in expected.text, (name, words)


def test_the_set_uses_no_gold_article():
    from pathlib import Path

    gold = Path(__file__).parents[2] / "gold" / "documents"
    seed_lines = {line.strip() for path in gold.glob("*.txt") for line in path.read_text().splitlines() if len(line) > 40}
    for name in NAMES:
        assert not seed_lines & {line.strip() for line in devset.load(name).text.splitlines()}, name


def _perfect(expected: devset.Expected) -> Predictions:
    text = expected.text
    entities = tuple(PredictedEntity(w, kind, text.index(w), text.index(w) + len(w)) for kind, w in expected.entities)
    quotes = tuple(PredictedQuote(w, text.index(w), text.index(w) + len(w), "direct",
                                  TextSpan(speakers[0], None, None)) for w, speakers in expected.quotes)
    figures = tuple(PredictedFigure(w, text.index(w), text.index(w) + len(w), value, has_value=True)
                    for w, value in expected.figures)
    return Predictions(expected.name, entities, quotes, figures, ())


def test_recall_is_one_for_the_expected_items_and_zero_for_nothing():
    expected = devset.load(NAMES[0])
    perfect = devset.recall(expected, _perfect(expected))
    empty = devset.recall(expected, Predictions(expected.name, (), (), (), ()))
    assert all(perfect.rate(c) == 1.0 for c in devset.CATEGORIES)
    assert all(empty.rate(c) == 0.0 for c in devset.CATEGORIES)


def test_a_wrong_type_speaker_or_value_is_not_found():
    expected = devset.load("sports")
    right = _perfect(expected)
    wrong = Predictions(expected.name,
                        tuple(PredictedEntity(e.text, "LOC", e.start, e.end) for e in right.entities),
                        tuple(PredictedQuote(q.text, q.start, q.end, q.kind, TextSpan("Somebody Else")) for q in right.quotes),
                        tuple(PredictedFigure(f.text, f.start, f.end, f.value + 1, has_value=True) for f in right.figures), ())
    recall = devset.recall(expected, wrong)
    assert (recall.rate("entities"), recall.rate("quotes"), recall.rate("speakers"), recall.rate("figures")) == (0, 1, 0, 0)


@pytest.mark.parametrize("adapter", sorted(FLOORS))
@pytest.mark.parametrize("category", devset.CATEGORIES)
def test_recall_over_the_set_meets_its_floor(outcomes, adapter, category):
    total = None
    for name in NAMES:
        total = outcomes[adapter, name] if total is None else total + outcomes[adapter, name]
    assert total.rate(category) >= FLOORS[adapter][category], total.missed[category]


@pytest.mark.parametrize("adapter", sorted(FLOORS))
@pytest.mark.parametrize("name", NAMES)
def test_no_article_falls_below_its_floor(outcomes, adapter, name):
    recall = outcomes[adapter, name]
    low = {c: (round(recall.rate(c), 2), recall.missed[c]) for c in devset.CATEGORIES
           if recall.rate(c) < ARTICLE_FLOORS[adapter][c]}
    assert not low
