"""``rules``: a general rule-based baseline for entities, quotes, figures and events.

Pure Python and fast. It reads the article as lines: boilerplate lines
(comment widgets, correction notices, promo boxes; see ``harness.clean``)
are skipped, short unpunctuated lines are headings (entities only), and the
rest are paragraphs split into sentences. Then, in order: entities
(capitalised runs classified with generic lexicons, dates and times),
quotes (quotation marks and speech verbs, speakers resolved against the
entities), figures (numbers with qualifiers and counted nouns) and events
(a trigger lexicon for the ontology, with nearby arguments). The
document's own ``regions`` are not used, so the baseline behaves the same
on a raw article as on a gold one.
"""

from __future__ import annotations

from typing import Any, Mapping

from ...model import Document
from ...predictions import (
    PredictedArgument,
    PredictedEntity,
    PredictedEvent,
    PredictedFigure,
    PredictedQuote,
    Predictions,
    TextSpan,
)
from ..base import BaseExtractor
from ..settings import Setting
from .entities import EntityFinder
from .events import find_events
from .figures import find_figures
from .quotes import QuoteFinder
from .text import read_article

__all__ = ["RulesExtractor", "extract_rules"]


def _span(text: str, span: tuple[int, int] | None) -> TextSpan | None:
    if span is None or span[1] <= span[0]:
        return None
    return TextSpan(text[span[0]:span[1]], span[0], span[1])


def extract_rules(document: Document, *, clean_boilerplate: bool = True, adapter: str = "rules") -> Predictions:
    """The rules baseline's predictions for ``document``."""
    text = document.text
    article = read_article(text, clean_boilerplate=clean_boilerplate)
    finder = EntityFinder(article)
    mentions = finder.find()
    quote_finder = QuoteFinder(article, mentions)
    quotes = quote_finder.find()
    mentions = sorted(mentions + quote_finder.pronoun_mentions, key=lambda m: m.start)
    figures = find_figures(article)
    quoted = [(q.start, q.end) for q in quotes]
    events = find_events(article, mentions, quoted)

    entities = tuple(PredictedEntity(m.text, m.type, m.start, m.end, m.form, m.canonical) for m in mentions)
    predicted_quotes = tuple(
        PredictedQuote(text[q.start:q.end], q.start, q.end, q.kind, _span(text, q.speaker), _span(text, q.cue))
        for q in quotes if q.end > q.start)
    predicted_figures = tuple(
        PredictedFigure(text[f.start:f.end], f.start, f.end, f.value, f.unit, f.approximation, f.measures,
                        has_value=True)
        for f in figures)
    predicted_events = tuple(
        PredictedEvent(e.type, _span(text, e.trigger),
                       tuple(PredictedArgument(role, text[s:t], s, t) for role, s, t in e.arguments),
                       None, _span(text, e.place), e.modality)
        for e in events)
    return Predictions(document.id, entities, predicted_quotes, predicted_figures, predicted_events, adapter=adapter)


class RulesExtractor(BaseExtractor):
    """The rule-based baseline (see the module docstring)."""

    name = "rules"
    version = "1"
    SETTINGS = (Setting("clean_boilerplate", bool, True, "skip lines recognised as page furniture"),)

    def __init__(self, name: str | None = None, settings: Mapping[str, Any] | None = None):
        super().__init__(name, settings)
        if "clean_boilerplate" not in self.settings:
            self.settings["clean_boilerplate"] = True

    def extract(self, document: Document) -> Predictions:
        return extract_rules(document, clean_boilerplate=bool(self.settings["clean_boilerplate"]), adapter=self.name)
