"""The JSON form of gold metadata: named fields and any further scalar field survive a round trip."""

from __future__ import annotations

import dataclasses

from harness.model import Metadata
from harness.serialize import annotations_from_dict, annotations_to_dict


def test_domain_style_and_further_fields_are_kept_and_written_back(example_annotations):
    metadata = Metadata(language="en", domain="sports", publisher_style="wire", extra={"region": "north", "paywall": True})
    document = dataclasses.replace(example_annotations.document, metadata=metadata)
    annotations = dataclasses.replace(example_annotations, document=document)
    written = annotations_to_dict(annotations)
    assert written["metadata"]["domain"] == "sports" and written["metadata"]["region"] == "north"
    assert annotations_from_dict(written, document.text).document.metadata == metadata


def test_metadata_without_the_new_fields_keeps_its_form(example_annotations):
    written = annotations_to_dict(example_annotations)
    assert set(written["metadata"]) == {"title", "source", "publisher", "url", "published", "language"}
