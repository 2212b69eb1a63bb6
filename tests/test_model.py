import dataclasses

import pytest

from harness.model import Annotations, Corpus, Document, Entity, Figure, Mention, Region, Span, sha256_text


def test_span_overlap_is_half_open():
    assert Span(0, 5, "abcde").overlaps(Span(4, 6, "ef"))
    assert not Span(0, 5, "abcde").overlaps(Span(5, 6, "f"))


def test_annotations_are_frozen():
    span = Span(0, 1, "a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]


def test_lists_are_normalised_to_tuples():
    entity = Entity("E1", "PERSON", "Jane Doe", mentions=[Mention(0, 3, "Doe")], aliases=["Doe"])
    assert entity.mentions == (Mention(0, 3, "Doe"),)
    assert entity.aliases == ("Doe",)
    assert Figure("F1", Span(0, 1, "1"), [1, 2]).value == (1, 2)


def test_document_sha256_is_of_utf8_text():
    document = Document("d", "Kyiv’s")
    assert document.sha256 == sha256_text("Kyiv’s")
    assert len(document.sha256) == 64


def test_in_boilerplate_uses_the_majority_of_the_span():
    document = Document("d", "body text. Comments (0)", regions=(
        Region(0, 10, "body"), Region(11, 23, "boilerplate", "comments")))
    assert document.in_boilerplate(11, 19)
    assert not document.in_boilerplate(0, 4)
    assert not document.in_boilerplate(5, 13)  # 5 body characters, 2 boilerplate
    assert document.region_at(12).label == "comments"


def test_in_boilerplate_needs_more_than_half_and_counts_each_character_once():
    document = Document("d", "abcdefghij", regions=(
        Region(0, 5, "body"), Region(5, 10, "boilerplate", "comments"), Region(6, 8, "boilerplate", "promo")))
    assert not document.in_boilerplate(3, 7)  # 2 of 4: exactly half is not enough
    assert document.in_boilerplate(4, 7)  # 2 of 3
    assert not document.in_boilerplate(2, 8)  # 3 of 6, though two regions cover 6-8
    assert document.in_boilerplate(5, 5) and not document.in_boilerplate(4, 4)  # an empty span: its offset


def test_value_types_have_slots_and_still_pickle_copy_and_replace():
    import copy
    import pickle

    from harness.predictions import PredictedEntity, TextSpan

    entity = Entity("E1", "PERSON", "Jane Doe", mentions=(Mention(0, 8, "Jane Doe"),), aliases=("Doe",))
    for value in (entity, entity.mentions[0], Span(0, 1, "a"), Region(0, 3, "body"),
                  PredictedEntity("Jane", "PERSON", 0, 4, score=0.5), TextSpan("said", 5, 9)):
        assert not hasattr(value, "__dict__")  # hundreds of thousands per corpus: no dict each
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value
        assert dataclasses.replace(value) == value
    assert dataclasses.asdict(entity)["mentions"][0]["text"] == "Jane Doe"


def test_corpus_look_up_by_id_finds_the_first_of_a_shared_id_and_refuses_an_unknown_one():
    first, second = Annotations(Document("b", "one")), Annotations(Document("b", "two"))
    corpus = Corpus((Annotations(Document("c", "x")), first, second, Annotations(Document("a", "y"))))
    assert corpus["b"] is first and corpus["a"].document.text == "y"
    for unknown in ("z", ["b"], None):
        with pytest.raises(KeyError):
            corpus[unknown]


def test_corpus_keeps_its_index_and_fingerprint_through_pickle_and_equality():
    import pickle

    from harness.model import _fingerprint_of

    corpus = Corpus((Annotations(Document("b", "one")), Annotations(Document("a", "two"))))
    fresh = Corpus(tuple(corpus))
    assert corpus.fingerprint == _fingerprint_of(corpus.documents) and corpus["a"].document.text == "two"
    copied = pickle.loads(pickle.dumps(corpus))
    assert copied == corpus == fresh and hash(copied) == hash(fresh)
    assert copied.fingerprint == fresh.fingerprint and copied["b"] == fresh["b"]


def test_annotations_still_pickle_once_their_lookups_are_kept():
    import pickle

    document = Document("d", "Jane Doe spoke. Comments (0)", regions=(
        Region(0, 15, "body"), Region(16, 28, "boilerplate", "comments")))
    annotations = Annotations(document, (Entity("E1", "PERSON", "Jane Doe", mentions=(Mention(0, 8, "Jane Doe"),)),))
    assert annotations.entity("E1").canonical_name == "Jane Doe" and document.in_boilerplate(16, 28)
    copy = pickle.loads(pickle.dumps(annotations))  # what a worker process receives
    assert copy == annotations and copy.entity("E1") == annotations.entity("E1")
    assert copy.document.in_boilerplate(16, 28) and not copy.document.in_boilerplate(0, 8)
