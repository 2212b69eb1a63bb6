"""Samples of the gold: ``--limit`` picks by seeded hash order, ``--docs`` names documents."""

from __future__ import annotations

import hashlib

import pytest

from harness.errors import UsageError
from harness.sample import choose, parse_doc_list, sample_ids

IDS = ("a", "b", "c", "d", "e")


def test_the_sample_is_the_first_ids_by_sha256_of_seed_and_id():
    by_hand = sorted(IDS, key=lambda doc_id: hashlib.sha256(f"0:{doc_id}".encode()).hexdigest())[:2]
    assert sample_ids(IDS, 2, seed=0) == tuple(sorted(by_hand))


def test_named_documents_keep_the_gold_order_and_record_no_limit():
    sample = choose(IDS, docs=("d", "b"))
    assert sample.documents == ("b", "d") and sample.limit is None and sample.of == 5


def test_an_unknown_document_is_a_usage_error_with_the_closest_id():
    with pytest.raises(UsageError, match="'example-tech' is not a gold document. Did you mean 'example-tec'"):
        choose(("example-tec", "other"), docs=("example-tech",))


def test_no_option_means_no_sample_and_both_options_are_refused():
    assert choose(IDS) is None
    with pytest.raises(UsageError, match="cannot be used together"):
        choose(IDS, limit=1, docs=("a",))


def test_a_limit_covering_the_whole_gold_is_no_sample():
    assert choose(IDS, limit=len(IDS)) is None and choose(IDS, limit=len(IDS) + 1) is None
    assert choose(IDS, limit=len(IDS) - 1).documents == sample_ids(IDS, len(IDS) - 1)
    with pytest.raises(UsageError, match="at least 1"):
        choose(IDS, limit=0)


def test_a_doc_list_drops_blanks_and_repeats():
    assert parse_doc_list(" a, b,,a ") == ("a", "b")
    with pytest.raises(UsageError, match="names no document"):
        parse_doc_list(" , ")


def test_naming_every_document_is_no_sample():
    assert choose(IDS, docs=tuple(reversed(IDS))) is None and choose(IDS, docs=IDS + ("a",)) is None
    assert choose(IDS, docs=IDS[1:]).documents == IDS[1:]
