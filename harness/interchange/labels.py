"""Tool labels to the harness's entity types: the default map, ``--label-map FILE``, and the rules.

The default map takes the OntoNotes types as they are, the CoNLL-2003 and
common tool labels to their OntoNotes type, and drops the numeric labels
(CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL): numbers are figures in the
harness, not entities. Two labels need a rule, because CoNLL-2003 is coarser
than OntoNotes:

* ``LOC`` is a GPE (a country, city or region, what news LOC spans nearly
  always are) unless its last word names a natural feature (river, sea,
  mountain, ...), which is an OntoNotes LOC.
* ``MISC`` is NORP when it reads as a nationality or group adjective (one or
  two capitalised words ending in -an, -ian, -ese, -ish, -i, -ic or -ch),
  EVENT when its last word names an event (war, cup, games, ...), and
  otherwise dropped (counted in the import summary): the rest of MISC
  (products, works, slogans) has no single OntoNotes type.

A label map file is a JSON object from label to entity type, or to null to
drop the label; it is applied over the default map. Labels match ignoring
case.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from ..errors import UsageError
from ..files import read_json
from ..ontology import ENTITY_TYPES

NUMERIC_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
LOC_RULE = "LOC: GPE unless a natural feature"
MISC_RULE = "MISC: NORP for a nationality, EVENT for an event, else dropped"

NATURAL_FEATURES = frozenset("""
river rivers sea seas ocean lake lakes mountain mountains mount mt hill hills valley gulf bay strait straits
island islands isle peninsula desert forest coast shore plain plains basin canal channel cape delta glacier
range ridge volcano plateau reef lagoon creek falls
""".split())
EVENT_WORDS = frozenset("""
war wars cup games olympics olympiad championship championships summit election elections festival
revolution crisis battle tournament open marathon expo conference congress
""".split())
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?(?:an|ian|ese|ish|i|ic|ch)s?$")

_ALIASES = {"PER": "PERSON", "PERS": "PERSON", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
            "LOCATION": "LOC", "NAT": "NORP", "FACILITY": "FAC"}


def _loc(text: str) -> str | None:
    words = text.lower().replace(".", "").split()
    return "LOC" if words and words[-1] in NATURAL_FEATURES else "GPE"


def _misc(text: str) -> str | None:
    words = text.lower().split()
    if words and words[-1] in EVENT_WORDS:
        return "EVENT"
    return "NORP" if DEMONYM.match(text.strip()) else None


Rule = Callable[[str], "str | None"]


def _default_entries() -> dict[str, "str | None | Rule"]:
    entries: dict[str, str | None | Rule] = {t: t for t in ENTITY_TYPES}
    entries.update(_ALIASES)
    entries["LOC"] = _loc
    entries["LOCATION"] = _loc
    entries["MISC"] = _misc
    entries.update({label: None for label in NUMERIC_LABELS})
    return entries


@dataclass(frozen=True)
class LabelMap:
    """Label (upper case) to an entity type, None (dropped) or a rule deciding from the span text."""

    entries: Mapping[str, "str | None | Rule"] = field(default_factory=_default_entries)
    source: str = "the default label map"

    def knows(self, label: str) -> bool:
        return label.upper() in self.entries

    def type_of(self, label: str, text: str) -> str | None:
        """The entity type of a span with ``label`` and ``text``; None when it is dropped."""
        entry = self.entries[label.upper()]
        return entry(text) if callable(entry) else entry

    def describe(self, label: str) -> str:
        entry = self.entries.get(label.upper())
        if entry is _loc:
            return LOC_RULE
        if entry is _misc:
            return MISC_RULE
        return "dropped" if entry is None else str(entry)


def load_label_map(path: str | os.PathLike | None) -> LabelMap:
    """The default map, with the entries of the JSON file at ``path`` over it."""
    if path is None:
        return LabelMap()
    raw = read_json(path)
    if not isinstance(raw, dict):
        raise UsageError(f"{path}: a label map is a JSON object from label to entity type, "
                         f"not a {type(raw).__name__}. Write e.g. {{\"PER\": \"PERSON\", \"MISC\": null}}.")
    entries = _default_entries()
    for label, target in raw.items():
        if target is not None and target not in ENTITY_TYPES:
            raise UsageError(f"{path}#/{label}: {target!r} is not an entity type. "
                             f"Use one of {', '.join(ENTITY_TYPES)}, or null to drop the label.")
        entries[label.upper()] = target
    return LabelMap(entries, str(path))


def check_labels(labels: Iterable[str], label_map: LabelMap) -> None:
    """Raise ``UsageError`` naming every label the map does not know, and every label seen."""
    seen: dict[str, int] = {}
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
    unknown = sorted(label for label in seen if not label_map.knows(label))
    if unknown:
        listing = ", ".join(f"{label} ({seen[label]})" for label in sorted(seen))
        example = ", ".join(f'"{label}": "ORG"' for label in unknown[:2])
        raise UsageError(f"label(s) {', '.join(unknown)} are not in {label_map.source}. "
                         f"Labels seen (spans): {listing}. Map them with --label-map FILE, a JSON object such "
                         f"as {{{example}}} (null drops a label); entity types: {', '.join(ENTITY_TYPES)}.")
