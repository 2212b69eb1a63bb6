"""The gold scored as its own predictions gives 1.0 everywhere; predicting nothing gives recall 0."""

import json
import math
from pathlib import Path

import pytest

from harness.predictions import Predictions, corpus_predictions
from harness.scoring import evaluate

SEED_GOLD = Path(__file__).resolve().parents[2] / "gold"


def _every_rate(result):
    for name, category in result.categories.items():
        yield f"{name}", category.precision, category.recall, category.f1
        for sub, score in category.subscores.items():
            yield f"{name}/{sub}", score.precision, score.recall, score.f1
        for label, score in category.per_type.items():
            yield f"{name}/type {label}", score.precision, score.recall, score.f1


def _seed_corpus():
    if not (SEED_GOLD / "annotations").is_dir():
        pytest.skip("the seed gold is not in this checkout")
    from harness import load_gold

    return load_gold(SEED_GOLD)


@pytest.mark.parametrize("which", ["example", "seed"])
def test_oracle_scores_one_everywhere(which, example_corpus):
    corpus = example_corpus if which == "example" else _seed_corpus()
    result = evaluate(corpus, corpus_predictions(corpus))
    assert set(result.categories) == {"entities", "quotes", "figures", "events"}
    wrong = [(name, p, r, f) for name, p, r, f in _every_rate(result) if (p, r, f) != (1.0, 1.0, 1.0)]
    assert wrong == []
    assert all(c.ci95 == (1.0, 1.0) and c.ungrounded == 0 for c in result.categories.values())


@pytest.mark.parametrize("which", ["example", "seed"])
def test_empty_predictions_give_recall_zero(which, example_corpus):
    corpus = example_corpus if which == "example" else _seed_corpus()
    empty = {doc_id: Predictions(doc_id, (), (), (), ()) for doc_id in corpus.doc_ids}
    result = evaluate(corpus, empty)
    for category in result.categories.values():
        assert category.tp == 0 and category.fp == 0 and category.fn > 0
        assert (category.recall, category.f1) == (0.0, 0.0)
    json.dumps(result.to_dict(), allow_nan=False)


def test_missing_record_means_predicted_nothing(example_corpus):
    result = evaluate(example_corpus, {"other-doc": Predictions("other-doc", entities=())})
    entities = result.categories["entities"]
    assert entities.recall == 0.0 and entities.fn > 0
    assert result.unknown_documents == ("other-doc",)


def test_unpredicted_category_is_absent_not_zero(example_corpus, example_annotations):
    record = Predictions(example_annotations.doc_id, entities=())
    result = evaluate(example_corpus, {record.doc_id: record})
    assert set(result.categories) == {"entities"}
    assert "quotes" in result.to_dict()["unsupported"]


def test_text_only_oracle_is_grounded_exactly(example_corpus):
    import dataclasses

    from harness.predictions import TextSpan

    def strip(record):
        return dataclasses.replace(
            record,
            entities=tuple(dataclasses.replace(e, start=None, end=None) for e in record.entities),
            quotes=tuple(dataclasses.replace(q, start=None, end=None) for q in record.quotes),
            figures=tuple(dataclasses.replace(f, start=None, end=None) for f in record.figures),
            events=tuple(dataclasses.replace(v, trigger=TextSpan(v.trigger.text)) for v in record.events),
        )

    result = evaluate(example_corpus, {k: strip(v) for k, v in corpus_predictions(example_corpus).items()})
    assert {name: c.f1 for name, c in result.categories.items()} == dict.fromkeys(result.categories, 1.0)


def test_result_json_has_no_nan(example_corpus):
    result = evaluate(example_corpus, corpus_predictions(example_corpus))
    text = json.dumps(result.to_dict(items=True), allow_nan=False)
    assert "NaN" not in text and not any(math.isnan(c.f1) for c in result.categories.values())
