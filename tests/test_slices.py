"""Slice fields: the built-in rules, the partition of a corpus, and field names checked."""

from __future__ import annotations

import dataclasses

import pytest

from harness.config import parse_config
from harness.errors import ConfigError, UsageError
from harness.model import Document, Metadata, Region
from harness.slices import (BOILERPLATE_HIGH, MISSING, available_fields, check_fields, configured_fields,
                            parse_fields, partition, slice_value)

from slice_corpus import make_corpus


def _page(words: int, boilerplate: int = 0) -> Document:
    """A page of ``words`` four-character words, the last ``boilerplate`` characters boilerplate."""
    text = " ".join(["word"] * words)
    regions = (Region(0, len(text) - boilerplate, "body"),) + (
        (Region(len(text) - boilerplate, len(text), "boilerplate", "promo"),) if boilerplate else ())
    return Document("page", text, Metadata(domain="sports"), regions)


@pytest.mark.parametrize("words, expected", [(1, "short"), (399, "short"), (400, "medium"), (799, "medium"),
                                             (800, "long"), (5000, "long")])
def test_length_bins_are_words_below_400_and_800(words, expected):
    assert slice_value(_page(words), "length") == expected


def test_boilerplate_share_is_high_from_the_threshold():
    page = _page(200)  # 999 characters
    at = round(len(page.text) * BOILERPLATE_HIGH) + 1
    assert slice_value(_page(200, at), "boilerplate_share") == "high"
    assert slice_value(_page(200, at - 2), "boilerplate_share") == "low"


def test_a_page_without_regions_has_no_boilerplate_share():
    assert slice_value(dataclasses.replace(_page(10), regions=()), "boilerplate_share") == MISSING


def test_a_metadata_field_slices_by_its_value_and_an_unset_one_is_none(example_annotations):
    corpus = make_corpus(example_annotations, ["sports", None, "sports"])
    assert [(s.value, s.doc_ids) for s in partition(corpus, "domain")] == [
        (MISSING, ("doc-1",)), ("sports", ("doc-0", "doc-2"))]


def test_available_fields_are_the_built_ins_and_every_named_metadata_field(example_annotations):
    fields = available_fields(make_corpus(example_annotations, [None, None]))
    assert fields[:2] == ("boilerplate_share", "length")
    assert {"domain", "publisher_style", "language", "url"} <= set(fields)  # named fields, set or not


def test_an_unknown_field_is_an_error_listing_the_valid_ones(example_annotations):
    with pytest.raises(UsageError) as caught:
        check_fields(["domian"], make_corpus(example_annotations, ["sports"]))
    assert "'domian'" in str(caught.value) and "domain" in str(caught.value) and "length" in str(caught.value)


def test_fields_may_be_repeated_or_comma_separated_and_are_kept_once():
    assert parse_fields(["domain,length", "domain", " boilerplate_share "], "--slice-by") == (
        "domain", "length", "boilerplate_share")


def test_slice_by_is_read_from_the_configuration_and_checked_for_form():
    assert configured_fields(parse_config('[tool.harness]\nslice_by = ["domain"]\n', None)) == ("domain",)
    assert configured_fields(parse_config("", None)) == ()
    with pytest.raises(ConfigError, match="slice_by = 3 must be a list"):
        configured_fields(parse_config("[tool.harness]\nslice_by = 3\n", None))


def test_any_further_metadata_field_is_a_slice_field(example_annotations):
    corpus = make_corpus(example_annotations, ["sports", "sports"])
    first, second = corpus
    tagged = dataclasses.replace(first.document, metadata=dataclasses.replace(first.document.metadata,
                                                                              extra={"region": "north"}))
    corpus = type(corpus)((dataclasses.replace(first, document=tagged), second))
    assert "region" in available_fields(corpus)
    assert [(s.value, s.doc_ids) for s in partition(corpus, "region")] == [(MISSING, ("doc-1",)),
                                                                          ("north", ("doc-0",))]
