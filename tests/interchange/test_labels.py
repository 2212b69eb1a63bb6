"""The default label map, its LOC and MISC rules, label map files, and the unmapped-label error."""

import json

import pytest

from harness.errors import UsageError
from harness.interchange.labels import LabelMap, check_labels, load_label_map


@pytest.mark.parametrize("label, text, expected", [
    ("PER", "Jane Doe", "PERSON"), ("org", "Acme", "ORG"), ("GPE", "Oslo", "GPE"),
    ("LOC", "Oslo", "GPE"), ("LOC", "the Rhine River", "LOC"), ("LOC", "Mt. Everest", "GPE"),
    ("LOC", "Mount Everest", "GPE"), ("LOC", "Baltic Sea", "LOC"),
    ("MISC", "Russian", "NORP"), ("MISC", "Chinese", "NORP"), ("MISC", "World Cup", "EVENT"),
    ("MISC", "iPhone", None), ("MONEY", "$5", None),
])
def test_default_map(label, text, expected):
    assert LabelMap().type_of(label, text) == expected


def test_a_label_map_file_overrides_and_drops(tmp_path):
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"COMPANY": "ORG", "MISC": None}))
    labels = load_label_map(path)
    assert labels.type_of("company", "Acme") == "ORG" and labels.type_of("MISC", "Russian") is None
    assert labels.type_of("PER", "Jane") == "PERSON"


def test_a_label_map_to_an_unknown_type_is_refused(tmp_path):
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"COMPANY": "BUSINESS"}))
    with pytest.raises(UsageError, match=r"labels.json#/COMPANY: 'BUSINESS' is not an entity type"):
        load_label_map(path)


def test_an_unmapped_label_lists_every_label_seen():
    with pytest.raises(UsageError) as caught:
        check_labels(["PER", "DRUG", "PER", "GENE"], LabelMap())
    message = str(caught.value)
    assert "DRUG, GENE are not in the default label map" in message
    assert "DRUG (1), GENE (1), PER (2)" in message and "--label-map" in message
