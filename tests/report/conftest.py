"""A small scored run over the example gold, for the report writers.

The scores come from a stand-in with the scorer's result shape, so these
tests check how reports are written, not how scores are computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from harness.predictions import from_gold
from harness.run import AdapterRun, DocumentRun, RunError, RunOptions, RunResult, ScoredAdapter

SCRIPT = "<script>document.title='pwned'</script>"


@dataclass(frozen=True)
class Item:
    status: str
    gold: tuple | None
    predicted: tuple | None
    type: str = ""
    description: str = ""


@dataclass
class StandInResult:
    """What harness.scoring.evaluate returns, reduced to what the reports read."""

    scores: dict
    outcomes: dict = field(default_factory=dict)

    @property
    def categories(self) -> dict:
        return self.scores

    def to_dict(self) -> dict:
        return self.scores

    def items(self, doc_id: str, category: str) -> list:
        return self.outcomes.get((doc_id, category), [])


def _score(tp: int, fp: int, fn: int, ci=(0.1, 0.9)) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1, "ci95": list(ci)}


def make_run(corpus) -> RunResult:
    annotations = next(iter(corpus))
    doc_id, text = annotations.document.id, annotations.document.text
    mention = annotations.entities[0].mentions[0]
    fn_mention = annotations.entities[1].mentions[0]
    boilerplate = next(r for r in annotations.document.regions if r.kind == "boilerplate")
    outcomes = {
        (doc_id, "entities"): [
            Item("tp", (mention.start, mention.end, mention.text), (mention.start, mention.end, mention.text), "ORG"),
            Item("fn", (fn_mention.start, fn_mention.end, fn_mention.text), None, "PERSON", "missed"),
            Item("fp", None, (None, None, SCRIPT), "PERSON", "ungrounded"),
            Item("boilerplate", None, (boilerplate.start, boilerplate.start + 5,
                                       text[boilerplate.start:boilerplate.start + 5]), "ORG"),
        ],
    }
    rules_scores = {
        "entities": {**_score(1, 2, 1), "subscores": {}, "per_type": {"ORG": _score(1, 1, 0), "PERSON": _score(0, 1, 1)},
                     "leakage": {"boilerplate_predictions": 1}, "ungrounded": 1},
        "quotes": {**_score(2, 1, 1), "subscores": {"attribution": _score(1, 2, 2)}, "per_type": {}},
    }
    spacy_scores = {"entities": {**_score(2, 0, 0, ci=(0.5, 1.0)), "per_type": {}}}
    predictions = from_gold(annotations, adapter="rules")
    rules = AdapterRun("rules", "1", "a" * 64, ("entities", "quotes"),
                       (DocumentRun("rules", doc_id, predictions, None, 0.01),), 0.02)
    error = RunError("spacy", doc_id, "extract", "ValueError", f"bad output {SCRIPT}", "Traceback ...")
    # spacy fails on one of its two documents: an adapter with errors, not a failed one
    spacy = AdapterRun("spacy", "3.8", "b" * 64, ("entities",),
                       (DocumentRun("spacy", "other-document", from_gold(annotations, adapter="spacy"), None, 0.1),
                        DocumentRun("spacy", doc_id, None, error, 0.5)), 0.5)
    return RunResult(corpus, (ScoredAdapter(rules, StandInResult(rules_scores, outcomes), 0.01),
                              ScoredAdapter(spacy, StandInResult(spacy_scores), 0.01)),
                     RunOptions(("rules", "spacy"), 1, "thread", True, "tests/data/gold"), "2024-01-01T00:00:00+00:00", 0.6)


@pytest.fixture
def script_text() -> str:
    """Markup a prediction and an error message carry, which must only ever show as text."""
    return SCRIPT


@pytest.fixture
def sample_run(example_corpus) -> RunResult:
    return make_run(example_corpus)


@pytest.fixture
def sample_report(sample_run) -> dict:
    from harness.report import build_report

    return build_report(sample_run)


def scored_corpus_run(count: int) -> RunResult:
    """A run of one adapter really scored (``evaluate``) on ``count`` small made-up documents."""
    from harness.model import Annotations, Corpus, Document, Entity, Mention, Region
    from harness.predictions import PredictedEntity, Predictions
    from harness.scoring import ScoringOptions, evaluate

    names = ["Anna", "Boris", "Chen", "Dana", "Emil", "Farah"]
    text = " ".join(names)
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    entities = tuple(Entity(f"E{i}", "PERSON", text[s:e], (Mention(s, e, text[s:e]),)) for i, (s, e) in enumerate(spans))
    documents = tuple(Annotations(Document(f"doc-{i}", text, regions=(Region(0, len(text), "body"),)), entities=entities)
                      for i in range(count))
    # document i finds its first i % 5 + 1 people
    predictions = {g.doc_id: Predictions(g.doc_id, entities=tuple(PredictedEntity(text[s:e], "PERSON", s, e)
                                                                  for s, e in spans[: i % 5 + 1]))
                   for i, g in enumerate(documents)}
    corpus = Corpus(documents)
    result = evaluate(corpus, predictions, ScoringOptions(resamples=200))
    run = AdapterRun("rules", "1", "a" * 64, ("entities",),
                     tuple(DocumentRun("rules", d, p, None, 0.01) for d, p in predictions.items()), 0.02)
    return RunResult(corpus, (ScoredAdapter(run, result, 0.01),),
                     RunOptions(("rules",), 1, "thread", True, "gold"), "2024-01-01T00:00:00+00:00", 0.1)


@pytest.fixture
def scored_report():
    """``scored_report(count)``: the report dict of a really scored run over ``count`` documents."""
    from harness.report import build_report

    return lambda count: build_report(scored_corpus_run(count))


@pytest.fixture
def scored_run():
    """``scored_run(count)``: a really scored run over ``count`` documents."""
    return scored_corpus_run
