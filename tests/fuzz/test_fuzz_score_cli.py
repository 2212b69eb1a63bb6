"""Fuzz: `harness score` on hostile predictions, through the command line.

Arbitrary JSON, the valid record with one field corrupted, mangled bytes,
and schema-valid records full of hostile text and offsets. The command may
only exit 0 (scored), 1 (bad input, with a message) or 2 (usage), and
never print a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.cli import cli

from .strategies import corrupted, dumps, json_values, mangled_bytes
from .test_fuzz_predictions import VALID

EXAMPLE = Path(__file__).parent.parent / "data" / "gold"
TEXT_LENGTH = len((EXAMPLE / "documents" / "example-harbour-tech.txt").read_text(encoding="utf-8"))
FUZZ = settings(max_examples=500)

hostile_text = st.text(max_size=20) | st.sampled_from(
    ["<script>alert(1)</script>", "a | b", "`x`", "\r\n", "\u202e", "\x00", "Harbour Tech", "Berlin", ""])
offsets = st.one_of(st.none(), st.tuples(st.integers(0, TEXT_LENGTH), st.integers(0, TEXT_LENGTH)).map(sorted))


@st.composite
def hostile_records(draw) -> dict:
    """Records the schema accepts, with texts and offsets chosen to be awkward."""

    def spanned(extra: dict) -> dict:
        item = {"text": draw(hostile_text), **extra}
        where = draw(offsets)
        if where is not None:
            item["start"], item["end"] = where
        return item

    record: dict = {"doc_id": draw(st.sampled_from(["example-harbour-tech", "unknown-doc"]))}
    if draw(st.booleans()):
        record["entities"] = [spanned({"type": draw(st.sampled_from(["ORG", "PERSON", "GPE", "X"]))})
                              for _ in range(draw(st.integers(0, 4)))]
    if draw(st.booleans()):
        record["quotes"] = [spanned({"speaker": draw(hostile_text)}) for _ in range(draw(st.integers(0, 3)))]
    if draw(st.booleans()):
        record["figures"] = [spanned({"value": draw(st.floats(allow_nan=False, allow_infinity=False)
                                                     | st.integers(-(2**60), 2**60))})
                             for _ in range(draw(st.integers(0, 3)))]
    if draw(st.booleans()):
        record["events"] = [{"type": "Contact.Meet", "trigger": spanned({}),
                             "arguments": [{"role": "Entity", "text": draw(hostile_text)}]}
                            for _ in range(draw(st.integers(0, 2)))]
    return record


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("score")


def _score(folder: Path, monkeypatch, content: bytes, *, suffix: str = ".json", as_json: bool = False) -> int:
    monkeypatch.chdir(folder)  # no pyproject.toml up from here: default settings
    path = folder / f"predictions{suffix}"
    path.write_bytes(content)
    args = ["score", str(EXAMPLE), str(path), "--resamples", "20"] + (["--json"] if as_json else [])
    result = CliRunner().invoke(cli, args)
    # 0 scored, 2 bad input, 3 scored but a document could not be (the exit-code table)
    assert result.exit_code in (0, 2, 3), (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.startswith("Error: ")
    return result.exit_code


def test_the_valid_record_scores(folder, monkeypatch):
    assert _score(folder, monkeypatch, dumps(VALID).encode()) == 0


@FUZZ
@given(value=json_values, as_json=st.booleans())
def test_arbitrary_json(folder, monkeypatch, value, as_json):
    _score(folder, monkeypatch, dumps(value).encode(), as_json=as_json)


@FUZZ
@given(value=corrupted(VALID), as_json=st.booleans())
def test_valid_record_with_one_field_corrupted(folder, monkeypatch, value, as_json):
    _score(folder, monkeypatch, dumps(value).encode(), as_json=as_json)


@FUZZ
@given(content=mangled_bytes(dumps(VALID).encode() + b"\n"))
def test_raw_bytes(folder, monkeypatch, content):
    _score(folder, monkeypatch, content, suffix=".jsonl")


@FUZZ
@given(records=st.lists(hostile_records(), min_size=1, max_size=2), as_json=st.booleans())
def test_hostile_records_that_pass_the_schema(folder, monkeypatch, records, as_json):
    content = "".join(dumps(record) + "\n" for record in records).encode()
    code = _score(folder, monkeypatch, content, suffix=".jsonl", as_json=as_json)
    doc_ids = [record["doc_id"] for record in records]
    if len(set(doc_ids)) < len(doc_ids):
        assert code == 2  # two records for one document: bad input
