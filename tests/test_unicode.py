"""Offsets are code points of the Python str: correct with combining marks, emoji, RTL text and CRLF."""

from __future__ import annotations

import hashlib
import json

from harness.gold import check_gold, load_gold

TEXT = (
    "Zoe\u0301 Martí\u0301nez met 👩🏽‍⚕️ doctors in القاهرة on Monday.\r\n\r\n"
    "\"We will return,\" Zoe\u0301 said. It cost 3 million שקל.\r\n"
    "Comments (2)"
)


def _write(tmp_path, spans: dict) -> None:
    (tmp_path / "documents").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "documents" / "u.txt").write_bytes(TEXT.encode("utf-8"))
    body_end = TEXT.index("Comments") - 2
    raw = {
        "format_version": 1, "doc_id": "u",
        "text_sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "metadata": {"language": "en", "published": "2024-01-01"},
        "regions": [{"start": 0, "end": body_end, "kind": "body"},
                    {"start": body_end + 2, "end": len(TEXT), "kind": "boilerplate", "label": "comments"}],
        "entities": [
            {"id": "E1", "type": "PERSON", "canonical_name": "Zoé Martínez", "mentions": [spans["zoe"], spans["zoe2"]]},
            {"id": "E2", "type": "GPE", "canonical_name": "Cairo", "mentions": [spans["cairo"]]},
        ],
        "quotes": [{"id": "Q1", "kind": "direct", "content": spans["quote"], "speaker_entity": "E1"}],
        "figures": [{"id": "F1", "span": spans["money"], "value": 3000000, "unit": "shekel", "measures": "cost"}],
        "events": [],
    }
    (tmp_path / "annotations" / "u.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")


def _span(needle: str, *, occurrence: int = 1, unit: str = "codepoint", form: str | None = None) -> dict:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(needle, start + 1)
    if unit == "utf16":  # how a JavaScript annotator would count
        start = len(TEXT[:start].encode("utf-16-le")) // 2
    span = {"start": start, "end": start + len(needle), "text": needle}
    if form:
        span["form"] = form
    return span


def _spans(unit: str = "codepoint") -> dict:
    return {
        "zoe": _span("Zoe\u0301 Martí\u0301nez", form="name"),
        "zoe2": _span("Zoe\u0301", occurrence=2, unit=unit, form="name"),
        "cairo": _span("القاهرة", unit=unit, form="name"),
        "quote": _span("We will return,", unit=unit),
        "money": _span("3 million שקל", unit=unit),
    }


def test_code_point_offsets_load_and_match(tmp_path):
    _write(tmp_path, _spans())
    annotations = load_gold(tmp_path)["u"]
    text = annotations.document.text
    assert "\r\n" in text  # line ends are kept exactly
    for entity in annotations.entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text
    assert annotations.quotes[0].content.text == "We will return,"


def test_utf16_offsets_are_caught_with_the_text_at_those_offsets(tmp_path):
    _write(tmp_path, _spans(unit="utf16"))
    problems = check_gold([tmp_path]).problems
    pointers = {p.pointer for p in problems}
    # everything after the emoji (which is several UTF-16 units) is shifted
    assert {"/entities/1/mentions/0/text", "/quotes/0/content/text", "/figures/0/span/text"} <= pointers
    assert all("That text occurs at offset" in p.message for p in problems if p.pointer.endswith("/text"))
