"""Fuzz: gold annotation files as arbitrary JSON, with one field corrupted, and as raw bytes.

Every case must end in a list of problems or a correct load (every span's
text equal to the document text at its offsets); never an exception.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.errors import HarnessError
from harness.gold import check_gold, load_gold

from .strategies import corrupted, dumps, json_values, mangled_bytes

EXAMPLE = Path(__file__).parent.parent / "data" / "gold"
ANNOTATION = EXAMPLE / "annotations" / "example-harbour-tech.json"
VALID = json.loads(ANNOTATION.read_text())
FUZZ = settings(max_examples=500)


def _check(tmp_path_factory, content: bytes):
    gold = tmp_path_factory.mktemp("gold")
    shutil.copytree(EXAMPLE, gold, dirs_exist_ok=True)
    path = gold / "annotations" / "example-harbour-tech.json"
    path.write_bytes(content)
    result = check_gold([gold])
    for problem in result.problems:
        assert problem.file and problem.message
    for annotations in result.documents:
        text = annotations.document.text
        for entity in annotations.entities:
            for mention in entity.mentions:
                assert text[mention.start:mention.end] == mention.text
        for figure in annotations.figures:
            assert text[figure.span.start:figure.span.end] == figure.span.text
    assert bool(result.problems) != bool(result.documents)
    try:
        load_gold(gold)
    except HarnessError:
        assert result.problems
    return result


@FUZZ
@given(value=json_values)
def test_arbitrary_json(tmp_path_factory, value):
    assert _check(tmp_path_factory, dumps(value).encode()).problems


@FUZZ
@given(value=corrupted(VALID))
def test_valid_file_with_one_field_corrupted(tmp_path_factory, value):
    _check(tmp_path_factory, dumps(value).encode())


@FUZZ
@given(content=mangled_bytes(ANNOTATION.read_bytes()))
def test_raw_bytes(tmp_path_factory, content):
    _check(tmp_path_factory, content)


@FUZZ
@given(content=mangled_bytes((EXAMPLE / "documents" / "example-harbour-tech.txt").read_bytes()))
def test_text_file_bytes(tmp_path_factory, content):
    gold = tmp_path_factory.mktemp("gold")
    shutil.copytree(EXAMPLE, gold, dirs_exist_ok=True)
    (gold / "documents" / "example-harbour-tech.txt").write_bytes(content)
    result = check_gold([gold])
    original = (EXAMPLE / "documents" / "example-harbour-tech.txt").read_bytes()
    # any change to the text must be caught (at least by its sha256)
    assert bool(result.problems) == (content != original)
