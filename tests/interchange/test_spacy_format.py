"""spaCy: a DocBin built with spaCy here, and spaCy's JSONL training format."""

import json

import pytest

from .helpers import imported, mentions

spacy = pytest.importorskip("spacy")


def test_a_docbin_reads_with_its_entities_and_ids(tmp_path):
    from spacy.tokens import DocBin, Span

    nlp = spacy.blank("en")
    doc = nlp("Acme opened an office in Berlin with 3 staff.")
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 5, 6, label="GPE"), Span(doc, 7, 8, label="CARDINAL")]
    doc.user_data["doc_id"] = "acme-berlin"
    other = nlp("Nothing here.")
    DocBin(docs=[doc, other], store_user_data=True).to_disk(tmp_path / "train.spacy")
    gold, _, built = imported("spacy", tmp_path / "train.spacy")
    assert set(gold) == {"acme-berlin", "train-002"}
    # CARDINAL is a number: a figure, not an entity, so the default map drops it
    assert mentions(gold["acme-berlin"]) == [(0, 4, "Acme", "ORG"), (25, 31, "Berlin", "GPE")]
    assert built.skipped == {"spans labelled CARDINAL (dropped)": 1}


def test_jsonl_entities_as_triples(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_text(json.dumps({"text": "Jane met Bob.", "entities": [[0, 4, "PERSON"], [9, 12, "PERSON"]]}) + "\n")
    gold, _, _ = imported("spacy", path)
    assert mentions(gold["train-0001"]) == [(0, 4, "Jane", "PERSON"), (9, 12, "Bob", "PERSON")]


def test_a_file_that_is_not_a_docbin_is_a_clear_error(tmp_path):
    from harness.errors import InputError

    (tmp_path / "broken.spacy").write_bytes(b"not msgpack")
    with pytest.raises(InputError, match="broken.spacy: not a readable spaCy DocBin"):
        imported("spacy", tmp_path / "broken.spacy")
