"""The shipped gold folder read with ``json`` alone, and helpers the gold tests share.

Reading the files without the loader keeps these tests independent of it:
what they check is the file a reader sees, against gold/GUIDELINES.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "gold"

# ISO 8601 dates, weeks, intervals and durations; X stands for an unknown digit
# and TMO/TEV/TNI for parts of the day (the TIMEX3 extensions the guidelines allow).
_DATE = r"(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?"
_POINT = rf"({_DATE}(T(\d{{2}}(:\d{{2}})?|MO|AF|EV|NI))?|\d{{4}}-W\d{{2}})"
_DURATION = r"P(T?[\dX]+[YMWDHS])+"
ISO_VALUE = re.compile(rf"^({_POINT}(/{_POINT})?|{_DURATION})$")


@dataclass(frozen=True)
class GoldFile:
    """One annotated document of the gold folder: its id, raw text bytes and parsed annotation."""

    doc_id: str
    raw_bytes: bytes
    gold: dict

    @property
    def text(self) -> str:
        return self.raw_bytes.decode("utf-8")

    @property
    def regions(self) -> list[dict]:
        return sorted(self.gold["regions"], key=lambda r: r["start"])


def annotation_paths() -> list[Path]:
    return sorted((GOLD / "annotations").glob("*.json"))


def read_gold_file(path: Path) -> GoldFile:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return GoldFile(path.stem, (GOLD / "documents" / f"{path.stem}.txt").read_bytes(), gold)


def region_kind(regions: list[dict], start: int, end: int) -> str | None:
    """The kind of the region holding [start, end), or None when no single region holds it."""
    for region in regions:
        if region["start"] <= start and end <= region["end"]:
            return region["kind"]
    return None


def all_spans(gold: dict):
    """(where, span) for every span in the file."""
    for entity in gold["entities"]:
        for mention in entity["mentions"]:
            yield f"{entity['id']} mention", mention
    for quote in gold["quotes"]:
        for key in ("content", "speaker_mention", "cue"):
            if quote.get(key):
                yield f"{quote['id']} {key}", quote[key]
    for figure in gold["figures"]:
        yield f"{figure['id']} span", figure["span"]
    for event in gold["events"]:
        yield f"{event['id']} trigger", event["trigger"]
        for argument in event.get("arguments", []):
            if argument.get("span"):
                yield f"{event['id']} {argument['role']}", argument["span"]


def entity_by_name(gold: dict, name: str) -> dict:
    found = [e for e in gold["entities"] if e["canonical_name"] == name]
    assert len(found) == 1, f"expected one entity named {name!r}, found {len(found)}"
    return found[0]
