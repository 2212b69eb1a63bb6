"""``rules``: a general rule-based baseline for entities, quotes, figures and events.

Pure Python and fast. It reads the normalised article (straight quotes,
plain spaces, entities decoded; see ``harness.clean``) as lines, and maps
every offset back to the original text. Boilerplate lines (comment widgets,
share bars, cookie and paywall prompts, bylines, captions, promoted
stories ...) are skipped, short unpunctuated lines are headings (entities only), and the
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

from ...clean import normalise_text
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

__all__ = ["RulesExtractor", "extract_rules", "names_layer", "quotation_marks_layer"]


def extract_rules(document: Document, *, clean_boilerplate: bool = True, adapter: str = "rules") -> Predictions:
    """The rules baseline's predictions for ``document``.

    The rules read the normalised text (straight quotes, plain spaces, no
    invisible characters or escaped entities); every offset is mapped back
    to ``document.text``, and every predicted text is the original's at
    those offsets.
    """
    source = document.text
    normalised = normalise_text(source)
    text = normalised.text
    article = read_article(text, clean_boilerplate=clean_boilerplate)
    finder = EntityFinder(article)
    mentions = finder.find()
    quote_finder = QuoteFinder(article, mentions)
    quotes = quote_finder.find()
    mentions = sorted(mentions + quote_finder.pronoun_mentions, key=lambda m: m.start)
    figures = find_figures(article)
    quoted = [(q.start, q.end) for q in quotes]
    events = find_events(article, mentions, quoted)

    def where(start: int, end: int) -> tuple[str, int, int]:
        begin, stop = normalised.to_original(start, end)
        return source[begin:stop], begin, stop

    def span(found: tuple[int, int] | None) -> TextSpan | None:
        if found is None or found[1] <= found[0]:
            return None
        return TextSpan(*where(*found))

    def entity(mention) -> PredictedEntity:
        words, begin, stop = where(mention.start, mention.end)
        return PredictedEntity(words, mention.type, begin, stop, mention.form, mention.canonical)

    entities = tuple(entity(m) for m in mentions)
    predicted_quotes = tuple(
        PredictedQuote(*where(q.start, q.end), q.kind, span(q.speaker), span(q.cue))
        for q in quotes if q.end > q.start)
    predicted_figures = tuple(
        PredictedFigure(*where(f.start, f.end), f.value, f.unit, f.approximation, f.measures, has_value=True)
        for f in figures)
    predicted_events = tuple(
        PredictedEvent(e.type, span(e.trigger),
                       tuple(PredictedArgument(role, *where(s, t)) for role, s, t in e.arguments),
                       None, span(e.place), e.modality)
        for e in events)
    return Predictions(document.id, entities, predicted_quotes, predicted_figures, predicted_events, adapter=adapter)


def names_layer(text: str) -> list:
    """The rules' name mentions in ``text`` (already normalised and cleaned), as (start, end, type): for
    adapters whose recogniser misses or mistypes names the rules know by shape, lexicon or context."""
    article = read_article(text, clean_boilerplate=False)
    return [(m.start, m.end, m.type) for m in EntityFinder(article).find()
            if m.form == "name" and m.type not in ("DATE", "TIME")]


def quotation_marks_layer(text: str, *, reported: bool = False) -> list:
    """The rules' quotes between quotation marks in ``text`` (already normalised and cleaned), with their
    speakers and cues: for adapters that have no component of their own for quotation marks. With
    ``reported`` the rules' reported speech follows them (attributions after the words, "according to",
    a second speech verb), for adapters whose own reading of reported speech misses those forms."""
    article = read_article(text, clean_boilerplate=False)
    finder = QuoteFinder(article, EntityFinder(article).find())
    direct = finder.direct()
    return direct + finder.indirect(direct) if reported else direct


class RulesExtractor(BaseExtractor):
    """The rule-based baseline (see the module docstring)."""

    name = "rules"
    version = "9"  # 9: speakers after an owner's role, by a relative pronoun, after a participle, pronouns skipping people known not to fit, attributions followed by a participle clause, "according to" a name in apposition, dollar amounts with a country prefix; 8: names with fields joined by "and", possessives before place heads, common-word names typed by head, airlines, storms' later names, numbered laws, demonyms of places, more date forms; 7: products, events, laws, works and venues by head word and cue, more countries and cities; 6: durations, quarters, seasons, clock times with days, club short names; 5: single marks, split and colon quotes, pronouns as names; 4: datelines, group speakers
    SETTINGS = (Setting("clean_boilerplate", bool, True, "skip lines recognised as page furniture"),)

    def __init__(self, name: str | None = None, settings: Mapping[str, Any] | None = None):
        super().__init__(name, settings)
        if "clean_boilerplate" not in self.settings:
            self.settings["clean_boilerplate"] = True

    def extract(self, document: Document) -> Predictions:
        return extract_rules(document, clean_boilerplate=bool(self.settings["clean_boilerplate"]), adapter=self.name)
