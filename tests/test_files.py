import json
import os
from pathlib import Path

import pytest

from harness.errors import InputError
from harness.files import Limits, parse_json, read_bytes, read_json, read_records, read_text, write_atomic


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.json"
    big.write_text("[" + "1," * 100 + "1]")
    monkeypatch.setattr(Limits, "max_bytes", 50)
    with pytest.raises(InputError, match=r"big.json: .* over the limit of 50 bytes"):
        read_json(big)


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff here")
    with pytest.raises(InputError, match="byte offset 3"):
        read_text(bad)


def test_json_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"a": 1}).encode())
    assert read_json(path) == {"a": 1}


def test_text_keeps_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfhi")
    assert read_text(path) == "\ufeffhi"


@pytest.mark.parametrize("text, message", [
    ('{"a": NaN}', "NaN is not valid JSON"),
    ('{"a": 1, "a": 2}', "duplicate key 'a'"),
    ('{"a": 1,}', "line 1, column 9"),
    ('{"a": "\x00"}', "Invalid control character"),
])
def test_bad_json_gets_a_specific_error(text, message):
    with pytest.raises(InputError, match=message):
        parse_json(text, "x.json")


def test_deep_nesting_is_refused_not_a_recursion_error():
    with pytest.raises(InputError, match="nested"):
        parse_json("[" * 100_000 + "]" * 100_000, "deep.json")
    with pytest.raises(InputError, match="nested 65 levels"):
        parse_json("[" * 65 + "]" * 65, "deep.json")


def test_jsonl_errors_name_the_line(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"doc_id": "a"}\n\n{"doc_id": \n')
    with pytest.raises(InputError, match=r"p.jsonl:3"):
        read_records(path)


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "report.json"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text() == "second"
    assert os.listdir(target.parent) == ["report.json"]


def test_write_atomic_gives_the_usual_permissions(tmp_path):
    target = tmp_path / "report.json"
    write_atomic(target, "x")
    plain = tmp_path / "plain.json"
    plain.write_text("x")
    assert target.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_a_file_longer_than_its_size_says_is_read_whole_and_still_limited():
    # /proc files say size 0 and hold more: the path a file that grows while it is read takes
    status = read_bytes("/proc/self/status")
    assert status.startswith(b"Name:") and b"\nPid:" in status
    with pytest.raises(InputError, match="over the limit of 10 bytes"):
        read_bytes("/proc/self/status", max_bytes=10)
