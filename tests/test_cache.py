"""The prediction cache serves exactly what is unchanged and never trusts a corrupt entry."""

from __future__ import annotations

import dataclasses
import json

import pytest

from harness.cache import CACHE_VERSION, PredictionCache, document_key
from harness.model import Document, Metadata, Region
from harness.predictions import PredictedEntity, Predictions

FINGERPRINT = "a" * 64
OTHER_FINGERPRINT = "b" * 64


def _document(text: str = "Jane Doe visited Berlin.", doc_id: str = "doc-1") -> Document:
    return Document(doc_id, text)


def _predictions(doc_id: str = "doc-1") -> Predictions:
    return Predictions(doc_id, entities=(PredictedEntity("Jane Doe", "PERSON", 0, 8),
                                         PredictedEntity("Berlin", "GPE", 17, 23)))


def test_an_entry_is_served_back_unchanged(tmp_path):
    cache = PredictionCache(tmp_path)
    document = _document()
    cache.put("rules", FINGERPRINT, document, _predictions())
    assert cache.get("rules", FINGERPRINT, document) == _predictions()
    assert (cache.stats.hits, cache.stats.writes) == (1, 1)


def test_another_fingerprint_misses(tmp_path):
    cache = PredictionCache(tmp_path)
    cache.put("rules", FINGERPRINT, _document(), _predictions())
    assert cache.get("rules", OTHER_FINGERPRINT, _document()) is None


def test_changed_text_misses(tmp_path):
    cache = PredictionCache(tmp_path)
    cache.put("rules", FINGERPRINT, _document(), _predictions())
    assert cache.get("rules", FINGERPRINT, _document("Jane Doe visited Bonn.")) is None


def test_the_same_text_under_another_id_is_served_with_that_id(tmp_path):
    cache = PredictionCache(tmp_path)
    cache.put("rules", FINGERPRINT, _document(), _predictions())
    served = cache.get("rules", FINGERPRINT, _document(doc_id="copy"))
    assert served == dataclasses.replace(_predictions(), doc_id="copy")


def test_changed_regions_miss(tmp_path):
    cache = PredictionCache(tmp_path)
    text = "Jane Doe visited Berlin."
    cache.put("rules", FINGERPRINT, Document("doc-1", text, regions=(Region(0, len(text), "body"),)), _predictions())
    assert cache.get("rules", FINGERPRINT, Document("doc-1", text, regions=(Region(0, 9, "boilerplate"),
                                                                             Region(9, len(text), "body")))) is None


def test_changed_metadata_misses(tmp_path):
    cache = PredictionCache(tmp_path)
    cache.put("rules", FINGERPRINT, _document(), _predictions())
    moved = dataclasses.replace(_document(), metadata=Metadata(language="de"))
    assert cache.get("rules", FINGERPRINT, moved) is None
    assert cache.get("rules", FINGERPRINT, _document()) == _predictions()


def _entry_path(cache: PredictionCache, document: Document):
    return cache.entry_path("rules", FINGERPRINT, document_key(document))


def _valid_entry(document: Document) -> dict:
    return {"cache_version": CACHE_VERSION, "adapter": "rules", "adapter_fingerprint": FINGERPRINT,
            "document_sha256": document_key(document), "text_sha256": document.sha256,
            "predictions": _predictions().to_dict()}


def _corruptions(document: Document) -> dict[str, bytes]:
    entry = _valid_entry(document)
    past_end = json.loads(json.dumps(entry))
    past_end["predictions"]["entities"][0]["end"] = 10_000
    bad_type = json.loads(json.dumps(entry))
    bad_type["predictions"]["entities"] = "Jane"
    wrong_key = dict(entry, document_sha256="c" * 64)
    return {
        "torn": json.dumps(entry).encode()[:40],
        "not-utf8": b"\xff\xfe\x00garbage",
        "a list": b"[1, 2, 3]",
        "offsets past the text": json.dumps(past_end).encode(),
        "schema-invalid predictions": json.dumps(bad_type).encode(),
        "entry filed under another text": json.dumps(wrong_key).encode(),
        "old cache version": json.dumps(dict(entry, cache_version=0)).encode(),
    }


@pytest.mark.parametrize("kind", list(_corruptions(_document())))
def test_a_corrupt_entry_is_discarded_not_trusted(tmp_path, kind):
    cache = PredictionCache(tmp_path)
    document = _document()
    cache.put("rules", FINGERPRINT, document, _predictions())
    path = _entry_path(cache, document)
    path.write_bytes(_corruptions(document)[kind])
    assert cache.get("rules", FINGERPRINT, document) is None
    assert not path.exists()
    assert cache.stats.discarded == 1


def test_a_key_that_is_not_a_digest_is_refused(tmp_path):
    with pytest.raises(ValueError, match="hex digests"):
        PredictionCache(tmp_path).entry_path("rules", "../../etc", "0" * 64)


def test_entries_are_written_without_temporary_files_left_behind(tmp_path):
    cache = PredictionCache(tmp_path)
    for number in range(3):
        cache.put("rules", FINGERPRINT, _document(f"Text number {number}."), _predictions())
    names = [p.name for p in tmp_path.rglob("*") if p.is_file()]
    assert len(names) == 3 and all(name.endswith(".json") and not name.startswith(".") for name in names)


def test_a_text_is_hashed_once_per_run_however_many_adapters_ask(tmp_path, monkeypatch):
    import harness.cache as cache_module
    import harness.model as model

    hashed: list[str] = []
    for module, name in ((cache_module, "text_digest"), (model, "sha256_text")):
        monkeypatch.setattr(module, name, lambda text, real=getattr(module, name): hashed.append(text) or real(text))
    cache = PredictionCache(tmp_path)
    documents = [_document(f"Jane Doe visited Berlin {number}.", f"doc-{number}") for number in range(3)]
    for adapter in ("rules", "spacy"):
        for document in documents:
            assert cache.get(adapter, FINGERPRINT, document) is None
            cache.put(adapter, FINGERPRINT, document, _predictions(document.id))
            assert cache.get(adapter, FINGERPRINT, document) is not None
    assert sorted(t for t in hashed if t.startswith("Jane Doe")) == sorted(d.text for d in documents)


def test_an_equal_document_built_again_gets_the_same_keys(tmp_path):
    cache = PredictionCache(tmp_path)
    cache.put("rules", FINGERPRINT, _document(), _predictions())
    assert cache.get("rules", FINGERPRINT, _document()) == _predictions()  # another object, the same content


def test_a_text_with_a_lone_surrogate_still_has_keys():
    from harness.cache import document_keys

    keys = document_keys(Document("doc-1", "Jane \ud800 Doe"))
    assert len(keys.text_sha256) == 64 and keys.document_sha256 != document_key(Document("doc-1", "Jane Doe"))
