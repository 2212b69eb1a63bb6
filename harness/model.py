"""The annotated article: frozen value types for documents and gold annotations.

Everything here is immutable on purpose: a gold annotation is a measuring
stick, and a scorer or adapter that could change it in place could change
every number the harness prints. Lists given to a constructor are
normalised to tuples in ``__post_init__``.

Offsets are character offsets into the Python ``str`` of the document text
(code points, not bytes or UTF-16 units), end exclusive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, Mapping

from .values import Pair

RegionKind = Literal["body", "heading", "boilerplate"]
MentionForm = Literal["name", "nominal", "pronoun"]
QuoteKind = Literal["direct", "partial", "indirect"]
Modality = Literal["asserted", "reported", "hypothetical", "negated"]

REGION_KINDS: tuple[str, ...] = ("body", "heading", "boilerplate")
MENTION_FORMS: tuple[str, ...] = ("name", "nominal", "pronoun")
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
MODALITIES: tuple[str, ...] = ("asserted", "reported", "hypothetical", "negated")
CATEGORIES: tuple[str, ...] = ("entities", "quotes", "figures", "events")


def sha256_text(text: str) -> str:
    """The sha256 of a text encoded as UTF-8, as lowercase hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text; ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Region:
    """A part of the page: body text, a heading, or boilerplate carried in with it.

    ``label`` names the kind of boilerplate (``related-article``,
    ``comments``, ``correction-notice``, ...); it is None for body and headings.
    """

    start: int
    end: int
    kind: RegionKind
    label: str | None = None

    def contains_offset(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True)
class Metadata:
    """Where an article comes from."""

    source: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date
    language: str = "en"
    title: str | None = None
    domain: str | None = None  # what the story is about: 'politics', 'sports', ...
    publisher_style: str | None = None  # the kind of site and house style of the page
    notes: tuple[str, ...] = ()  # annotator notes carried over by an importer
    extra: tuple[tuple[str, str | int | float | bool | None], ...] = ()  # further scalar fields, for slicing

    def __post_init__(self) -> None:
        object.__setattr__(self, "notes", tuple(self.notes))
        # a mapping becomes sorted pairs, so equal metadata compares and hashes equal
        pairs = self.extra.items() if isinstance(self.extra, Mapping) else self.extra
        object.__setattr__(self, "extra", tuple(sorted((str(k), v) for k, v in pairs)))


@dataclass(frozen=True)
class Document:
    """One article: its text, where it came from, and how its page is divided.

    ``regions`` is empty when the page was not divided (imported gold):
    then nothing counts as boilerplate and leakage is not applicable.
    """

    id: str
    text: str
    metadata: Metadata = field(default_factory=Metadata)
    regions: tuple[Region, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "regions", tuple(self.regions))

    @cached_property
    def sha256(self) -> str:
        # hashed once per document object: the cache keys, the oracle and the report all ask
        return sha256_text(self.text)

    @cached_property
    def _boilerplate(self) -> tuple[tuple[int, int], ...]:
        # sorted once per document object: the scorer asks for every item it places
        return tuple(sorted((r.start, r.end) for r in self.regions if r.kind == "boilerplate"))

    def region_at(self, offset: int) -> Region | None:
        """The region holding ``offset``, or None when it is in no region."""
        for region in self.regions:
            if region.contains_offset(offset):
                return region
        return None

    def in_boilerplate(self, start: int, end: int) -> bool:
        """Whether the span ``[start, end)`` is in boilerplate: the one definition every part uses.

        A span is in boilerplate when more than half of its characters lie
        in boilerplate regions (each character counted once, even where
        regions overlap); an empty span when its offset is in a boilerplate
        region. Exactly half is not enough: the body wins a tie.
        """
        boilerplate = self._boilerplate
        if not boilerplate:
            return False
        if end <= start:
            return any(r.kind == "boilerplate" and r.contains_offset(start) for r in self.regions)
        inside, reached = 0, start
        for left, right in boilerplate:
            left, right = max(left, start, reached), min(right, end)
            if right > left:
                inside += right - left
                reached = right
        return inside * 2 > (end - start)

    def span(self, start: int, end: int) -> Span:
        """The span of this document's text at ``[start, end)``."""
        return Span(start, end, self.text[start:end])


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is mentioned. ``value`` is the ISO value of a DATE/TIME mention."""

    start: int
    end: int
    text: str
    form: MentionForm = "name"
    value: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Entity:
    """A cluster of mentions of one real-world thing."""

    id: str
    type: str
    canonical_name: str
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    value: str | None = None  # ISO value for DATE/TIME entities

    def __post_init__(self) -> None:
        object.__setattr__(self, "mentions", tuple(self.mentions))
        object.__setattr__(self, "aliases", tuple(self.aliases))

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.canonical_name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: what was said, by whom, and the word that says so."""

    id: str
    content: Span
    kind: QuoteKind
    speaker_entity: str | None = None
    speaker_description: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    addressee: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity the article states.

    ``value`` is a number, a ``(low, high)`` range for vague amounts, a
    ``harness.values.Pair`` for a scoreline or vote ("2-0"), or None with
    ``value_reason`` saying why it cannot be given.
    """

    id: str
    span: Span
    value: float | tuple[float, float] | Pair | None
    unit: str | None = None
    approximation: str | None = None
    measures: str = ""
    value_reason: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.value, list):
            object.__setattr__(self, "value", tuple(self.value))


@dataclass(frozen=True, slots=True)
class Argument:
    """A participant in an event: an entity, a span of text, or both."""

    role: str
    entity: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened (or is said, feared or denied to have happened)."""

    id: str
    type: str
    trigger: Span
    arguments: tuple[Argument, ...] = ()
    time: str | None = None
    place: str | None = None
    modality: Modality = "asserted"

    def __post_init__(self) -> None:
        object.__setattr__(self, "arguments", tuple(self.arguments))


@dataclass(frozen=True)
class Annotations:
    """The gold for one document: its entities, quotes, figures and events.

    ``layers`` names the categories the document was annotated for; a
    category outside it is not applicable to the document (an extractor's
    items there are neither hits nor false alarms), not "nothing to find".
    """

    document: Document
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    layers: tuple[str, ...] = CATEGORIES

    def __post_init__(self) -> None:
        for name in CATEGORIES:
            object.__setattr__(self, name, tuple(getattr(self, name)))
        # kept in CATEGORIES order so equal layer sets compare equal
        object.__setattr__(self, "layers", tuple(c for c in CATEGORIES if c in set(self.layers)))

    def annotates(self, category: str) -> bool:
        """True when the document was annotated for ``category``."""
        return category in self.layers

    @property
    def doc_id(self) -> str:
        return self.document.id

    def entity(self, entity_id: str) -> Entity | None:
        return self.entities_by_id.get(entity_id)

    @cached_property
    def entities_by_id(self) -> Mapping[str, Entity]:
        # built once per annotations object (the scorers look an entity up for every speaker and argument);
        # a plain dict, so the annotations still pickle for worker processes
        return {entity.id: entity for entity in self.entities}


@dataclass(frozen=True)
class Corpus:
    """Gold for several documents, in a stable order (by document id).

    Its index by id and its fingerprint are computed when first asked for
    and then kept: the gold cannot change under them.
    """

    documents: tuple[Annotations, ...] = ()

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.documents, key=lambda a: a.document.id))
        object.__setattr__(self, "documents", ordered)

    def __iter__(self):
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, doc_id: str) -> Annotations:
        try:
            return self._by_id[doc_id]
        except (KeyError, TypeError):  # TypeError: an unhashable id, which no document has either
            raise KeyError(doc_id) from None

    @cached_property
    def _by_id(self) -> dict[str, Annotations]:
        # the first of documents sharing an id wins, as the scan it replaces found it first
        by_id: dict[str, Annotations] = {}
        for annotations in self.documents:
            by_id.setdefault(annotations.document.id, annotations)
        return by_id

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(a.document.id for a in self.documents)

    @cached_property
    def fingerprint(self) -> str:
        """A hash of every document's text and annotations: changes when the gold does.

        Computed once per corpus: it serialises the whole gold, and the run's
        report, its history and the ``oracle`` (whose model is the gold) all ask.
        """
        return _fingerprint_of(self.documents)


def _fingerprint_of(documents: tuple[Annotations, ...]) -> str:
    from .serialize import annotations_to_dict  # local: keeps import light
    import json

    digest = hashlib.sha256()
    for annotations in documents:
        digest.update(
            json.dumps(annotations_to_dict(annotations), sort_keys=True).encode()
        )
        digest.update(annotations.document.text.encode("utf-8"))
    return digest.hexdigest()
