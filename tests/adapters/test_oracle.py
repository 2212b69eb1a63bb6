"""The oracle returns the gold: found by id or text hash, an error otherwise, and it scores 1.0."""

import dataclasses

from harness.adapters import get_adapter, run_extractor
from harness.model import Document
from harness.predictions import from_gold


def test_oracle_returns_the_gold_as_predictions(example_corpus, example_annotations):
    outcome = run_extractor(get_adapter("oracle", gold=example_corpus), example_annotations.document)
    assert outcome.error is None
    assert outcome.predictions == from_gold(example_annotations)


def test_a_renamed_copy_is_found_by_its_text(example_corpus, example_annotations):
    copy = dataclasses.replace(example_annotations.document, id="renamed-copy")
    outcome = run_extractor(get_adapter("oracle", gold=example_corpus), copy)
    assert outcome.predictions.doc_id == "renamed-copy"
    assert outcome.predictions.entities == from_gold(example_annotations).entities


def test_a_document_not_in_the_gold_is_an_error(example_corpus):
    outcome = run_extractor(get_adapter("oracle", gold=example_corpus), Document("new", "Fresh news."))
    assert outcome.error["kind"] == "not-in-gold"


def test_same_id_other_text_is_an_error(example_corpus, example_annotations):
    changed = dataclasses.replace(example_annotations.document, text=example_annotations.document.text + " More.")
    assert run_extractor(get_adapter("oracle", gold=example_corpus), changed).error["kind"] == "text-mismatch"


def test_oracle_loads_gold_from_its_setting(example_gold_dir, example_annotations):
    oracle = get_adapter("oracle", overrides={"gold": str(example_gold_dir)})
    assert run_extractor(oracle, example_annotations.document).error is None


def test_oracle_scores_one_everywhere(example_corpus):
    from harness.scoring import evaluate

    oracle = get_adapter("oracle", gold=example_corpus)
    predictions = {a.document.id: run_extractor(oracle, a.document).predictions for a in example_corpus}
    result = evaluate(example_corpus, predictions)
    for name, category in result.categories.items():
        assert category.f1 == 1.0, name


def test_fingerprint_changes_with_the_gold(example_corpus, example_gold_copy):
    from harness.gold import load_gold

    before = get_adapter("oracle", gold=example_corpus).fingerprint
    annotation = next((example_gold_copy / "annotations").glob("*.json"))
    annotation.write_text(annotation.read_text().replace('"Harbour', '"Harbor', 1))
    assert get_adapter("oracle", gold=load_gold(example_gold_copy)).fingerprint != before


def test_each_document_is_one_look_up_not_a_scan_of_the_gold(example_corpus, monkeypatch):
    import harness.adapters.oracle as oracle_module

    copies = []
    real = oracle_module.from_gold
    monkeypatch.setattr(oracle_module, "from_gold", lambda a, **kw: copies.append(a.document.id) or real(a, **kw))
    read: list[str] = []

    class CountingCorpus:
        """The gold, counting how often its documents are walked."""

        fingerprint = example_corpus.fingerprint

        def __iter__(self):
            for annotations in example_corpus:
                read.append(annotations.document.id)
                yield annotations

    oracle = get_adapter("oracle", gold=CountingCorpus())
    documents = [a.document for a in example_corpus] * 3
    for document in documents:
        assert run_extractor(oracle, document).error is None
    assert len(read) == len(example_corpus)  # the gold is walked once, however many documents ask
    assert copies == [d.id for d in documents]
