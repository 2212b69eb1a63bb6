import pyarrow.parquet as pq
import pytest

from harness import load_gold
from harness.errors import ValidationFailed
from harness.export import export_corpus, features, to_dataset


@pytest.mark.parametrize("fmt", ["hf", "parquet"])
def test_export_round_trip_is_lossless(example_corpus, tmp_path, fmt):
    target = export_corpus(example_corpus, tmp_path / "out", fmt)
    assert load_gold(target) == example_corpus


def test_dataset_has_the_explicit_features(example_corpus):
    dataset = to_dataset(example_corpus)
    assert dataset.features == features()
    assert dataset[0]["doc_id"] == "example-harbour-tech"


def test_figure_values_keep_int_float_range_and_null(example_corpus, tmp_path):
    from dataclasses import replace

    annotations = example_corpus.documents[0]
    first, second = annotations.figures
    figures = (replace(first, value=(150, 250)), replace(second, value=None, value_reason="vague"))
    changed = type(example_corpus)((replace(annotations, figures=figures),))
    loaded = load_gold(export_corpus(changed, tmp_path / "out", "hf"))
    assert [f.value for f in loaded.documents[0].figures] == [(150.0, 250.0), None]


def test_a_pair_value_survives_the_export(example_corpus, tmp_path):
    from dataclasses import replace

    from harness.values import Pair

    annotations = example_corpus.documents[0]
    first, second = annotations.figures
    changed = type(example_corpus)((replace(annotations, figures=(first, replace(second, value=Pair(2, 0)))),))
    loaded = load_gold(export_corpus(changed, tmp_path / "out", "parquet"))
    assert loaded.documents[0].figures[1].value == Pair(2, 0)


def test_tampered_parquet_is_checked_like_a_gold_file(example_corpus, tmp_path):
    target = export_corpus(example_corpus, tmp_path / "out", "parquet")
    table = pq.read_table(target).to_pylist()
    table[0]["text"] = table[0]["text"].replace("Harbour", "Harbor")
    import pyarrow as pa

    pq.write_table(pa.Table.from_pylist(table, schema=pq.read_schema(target)), target)
    with pytest.raises(ValidationFailed) as caught:
        load_gold(target)
    assert any(p.pointer == "/text_sha256" for p in caught.value.problems)
