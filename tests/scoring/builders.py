"""Small gold documents and predictions built in code for scoring tests."""

from __future__ import annotations

from harness.model import Annotations, Document, Entity, Figure, Mention, Region
from harness.predictions import PredictedEntity, Predictions
from harness.scoring import ScoringOptions, evaluate

WORDS = ("alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta")


def document(text: str, doc_id: str = "doc", boilerplate_from: int | None = None) -> Document:
    """A document whose text is all body, or body then boilerplate from ``boilerplate_from``."""
    if boilerplate_from is None:
        regions = (Region(0, len(text), "body"),)
    else:
        regions = (Region(0, boilerplate_from, "body"), Region(boilerplate_from, len(text), "boilerplate", "comments"))
    return Document(doc_id, text, regions=regions)


def word_text(count: int) -> str:
    """``count`` distinct-enough words separated by spaces."""
    return " ".join(f"{WORDS[i % len(WORDS)]}{i}" for i in range(count))


def word_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for word in text.split(" "):
        spans.append((start, start + len(word)))
        start += len(word) + 1
    return spans


def entity_gold(text: str, mentions: list[tuple[int, int, str]], doc_id: str = "doc", forms=None) -> Annotations:
    """Gold with one entity per mention ``(start, end, type)``."""
    entities = []
    for i, (start, end, label) in enumerate(mentions):
        form = (forms or {}).get(i, "name")
        entities.append(Entity(f"E{i}", label, text[start:end], (Mention(start, end, text[start:end], form),)))
    return Annotations(document(text, doc_id), entities=tuple(entities))


def entity_predictions(text: str, mentions, doc_id: str = "doc", **extra) -> Predictions:
    return Predictions(doc_id, entities=tuple(
        PredictedEntity(text[s:e], label, s, e, **extra) for s, e, label in mentions))


def score_category(annotations: Annotations, category: str, predicted):
    """The ``CategoryResult`` of one category for one document's predictions."""
    record = Predictions(annotations.doc_id, **{category: tuple(predicted)})
    return evaluate([annotations], {annotations.doc_id: record}, ScoringOptions(resamples=10)).categories[category]


def counts(result) -> tuple:
    """A category result's headline ``(tp, fp, fn)``."""
    return (result.tp, result.fp, result.fn)


def figure_gold(text: str, figures: list[tuple[str, float, int]]) -> Annotations:
    """Gold figures ``(text, value, occurrence)``: the occurrence-th place the text appears."""
    doc = document(text)
    gold = []
    for i, (words, value, occurrence) in enumerate(figures):
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(words, start + 1)
        gold.append(Figure(f"F{i}", doc.span(start, start + len(words)), value))
    return Annotations(doc, figures=tuple(gold))
