"""Agreement of two hand-made annotations of one article, against values computed by hand."""

import dataclasses

import pytest

from harness.agreement import agree_pair, agreement_report, entity_token_labels
from harness.model import Annotations, Corpus, Document, Entity, Mention

TEXT = "Angela Merkel met Emmanuel Macron in Paris."


def _gold(*mentions, doc_id="meeting", text=TEXT, layers=("entities",)) -> Annotations:
    entities = tuple(Entity(f"E{i}", label, text[s:e], (Mention(s, e, text[s:e]),))
                     for i, (s, e, label) in enumerate(mentions))
    return Annotations(Document(doc_id, text), entities, layers=layers)


A = _gold((0, 13, "PERSON"), (18, 33, "PERSON"), (37, 42, "GPE"))
B = _gold((0, 13, "PERSON"), (18, 33, "ORG"))


def test_entity_f1_per_scheme_by_hand():
    pair = agree_pair(Corpus((A,)), Corpus((B,)), ("a", "b"))
    entities = pair.result.categories["entities"]
    # strict: Merkel agrees; Macron's type differs (one miss, one false alarm); Paris only in A
    assert (entities.tp, entities.fp, entities.fn) == (1, 1, 2)
    assert entities.f1 == pytest.approx(2 / 5)
    # exact (span only): Merkel and Macron agree, Paris missed: P 1, R 2/3
    assert entities.subscores["exact"].f1 == pytest.approx(0.8)


def test_disagreements_name_the_side_they_are_in():
    pair = agree_pair(Corpus((A,)), Corpus((B,)), ("a", "b"))
    found = sorted((d["only_in"], d["label"], (d["gold"] or d["predicted"])["text"]) for d in pair.disagreements("entities"))
    assert found == [("a", "GPE", "Paris"), ("a", "PERSON", "Emmanuel Macron"), ("b", "ORG", "Emmanuel Macron")]


def test_cohen_kappa_on_token_labels_by_hand():
    # tokens: Angela Merkel met Emmanuel Macron in Paris .
    # A: P P O P P O G O   B: P P O R R O O O   p_o = 5/8
    # p_e = (4*2 + 3*4) / 64 = 20/64, kappa = (40/64 - 20/64) / (44/64) = 5/11
    assert entity_token_labels([A, B]) == [
        ["PERSON", "PERSON", "O", "PERSON", "PERSON", "O", "GPE", "O"],
        ["PERSON", "PERSON", "O", "ORG", "ORG", "O", "O", "O"]]
    pair = agree_pair(Corpus((A,)), Corpus((B,)), ("a", "b"))
    assert pair.kappa == pytest.approx(5 / 11) and pair.kappa_tokens == 8


def test_f1_does_not_depend_on_which_side_is_gold():
    forward = agree_pair(Corpus((A,)), Corpus((B,)), ("a", "b")).result.categories["entities"]
    backward = agree_pair(Corpus((B,)), Corpus((A,)), ("b", "a")).result.categories["entities"]
    assert forward.f1 == backward.f1 and forward.precision == backward.recall


def test_one_sided_documents_and_layers_are_reported_not_scored():
    extra = _gold((0, 4, "PERSON"), doc_id="extra", text="Anna left.")
    full = dataclasses.replace(A, layers=("entities", "quotes", "figures", "events"))
    pair = agree_pair(Corpus((full,)), Corpus((B, extra)), ("a", "b"))
    assert pair.only_second == ("extra",) and pair.only_first == ()
    assert {(s.doc_id, s.layer, s.annotated_by) for s in pair.one_sided} == {
        ("meeting", "quotes", "a"), ("meeting", "figures", "a"), ("meeting", "events", "a")}
    assert set(pair.result.categories) == {"entities"}


def test_three_annotations_add_krippendorffs_alpha():
    report, pairs = agreement_report({"a": Corpus((A,)), "b": Corpus((B,)), "c": Corpus((A,))})
    assert len(pairs) == 3 and [(p["a"], p["b"]) for p in report["pairs"]] == [("a", "b"), ("a", "c"), ("b", "c")]
    alpha = report["krippendorff_alpha"]
    assert alpha["tokens"] == 8 and -1 <= alpha["entities"] < 1
