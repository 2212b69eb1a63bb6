"""Hugging Face datasets: the harness's own export read back whole, and a foreign span dataset."""

import dataclasses

import pytest

from harness.model import Corpus

from .helpers import imported, mentions

datasets = pytest.importorskip("datasets")


def test_the_own_export_reads_back_whole_with_partial_layers(example_corpus, tmp_path):
    from harness.export import export_corpus

    original = example_corpus.documents[0]
    partial = dataclasses.replace(original, quotes=(), figures=(), events=(), layers=("entities",),
                                  document=dataclasses.replace(original.document, regions=()))
    corpus = Corpus((original, dataclasses.replace(partial, document=dataclasses.replace(partial.document, id="partial"))))
    export_corpus(corpus, tmp_path / "ds", "hf")
    _, reading, _ = imported("hf", tmp_path / "ds")
    assert Corpus(reading.gold) == corpus


def test_a_parquet_file_with_text_and_spans(tmp_path):
    rows = [{"id": "d1", "text": "Acme hired Jane.",
             "entities": [{"start": 0, "end": 4, "label": "ORG"}, {"start": 11, "end": 15, "label": "PER"}]}]
    datasets.Dataset.from_list(rows).to_parquet(str(tmp_path / "ner.parquet"))
    gold, _, built = imported("hf", tmp_path / "ner.parquet")
    assert not built.problems
    assert mentions(gold["d1"]) == [(0, 4, "Acme", "ORG"), (11, 15, "Jane", "PERSON")]
