"""Partial layers and undivided pages in the gold format, and the upgrade of version 1 files."""

import json
from pathlib import Path

from harness import load_gold
from harness.gold import check_gold
from harness.model import CATEGORIES
from harness.serialize import FORMAT_VERSION, annotations_to_dict

ANNOTATION = Path("annotations") / "example-harbour-tech.json"


def _edit(gold_dir: Path, change) -> Path:
    path = gold_dir / ANNOTATION
    raw = json.loads(path.read_text())
    change(raw)
    path.write_text(json.dumps(raw, indent=2))
    return path


def test_a_version_1_file_is_read_as_annotated_for_every_layer(example_gold_dir):
    raw = json.loads((example_gold_dir / ANNOTATION).read_text())
    assert raw["format_version"] == 1 and "layers" not in raw
    annotations = load_gold(example_gold_dir)["example-harbour-tech"]
    assert annotations.layers == CATEGORIES
    assert annotations_to_dict(annotations)["format_version"] == FORMAT_VERSION == 2


def test_a_partial_file_loads_with_its_layers(example_gold_copy):
    def entities_only(raw):
        raw.update(format_version=2, layers=["entities"], quotes=[], figures=[], events=[])
        del raw["regions"]

    _edit(example_gold_copy, entities_only)
    annotations = load_gold(example_gold_copy)["example-harbour-tech"]
    assert annotations.layers == ("entities",)
    assert annotations.document.regions == ()
    assert not annotations.annotates("quotes")


def test_items_in_a_layer_not_annotated_are_a_problem(example_gold_copy):
    path = _edit(example_gold_copy, lambda raw: raw.update(format_version=2, layers=["entities"]))
    problems = check_gold([example_gold_copy]).problems
    quotes = next(p for p in problems if p.pointer == "/quotes")
    assert quotes.file == str(path) and "'quotes' is not in layers" in quotes.message and quotes.fix


def test_an_unknown_layer_is_a_schema_problem(example_gold_copy):
    _edit(example_gold_copy, lambda raw: raw.update(format_version=2, layers=["entities", "sentiment"]))
    problems = check_gold([example_gold_copy]).problems
    assert [p.pointer for p in problems] == ["/layers/1"]


def test_a_layer_listed_twice_is_a_problem(example_gold_copy):
    _edit(example_gold_copy, lambda raw: raw.update(format_version=2, layers=list(CATEGORIES) + ["quotes"]))
    problems = check_gold([example_gold_copy]).problems
    assert [(p.pointer, p.value) for p in problems] == [("/layers", "quotes")]


def test_an_empty_regions_list_still_must_cover_the_text(example_gold_copy):
    # absent regions mean an undivided page; an empty list claims the text is in no region
    _edit(example_gold_copy, lambda raw: raw.update(regions=[]))
    problems = check_gold([example_gold_copy]).problems
    assert any("in no region" in p.message for p in problems)


def test_a_written_partial_file_reads_back_equal(example_corpus, tmp_path):
    import dataclasses

    original = example_corpus["example-harbour-tech"]
    partial = dataclasses.replace(original, quotes=(), figures=(), events=(), layers=("entities",),
                                  document=dataclasses.replace(original.document, regions=()))
    (tmp_path / "documents").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "documents" / "example-harbour-tech.txt").write_text(original.document.text, encoding="utf-8")
    raw = annotations_to_dict(partial)
    assert "regions" not in raw and raw["layers"] == ["entities"]
    (tmp_path / ANNOTATION).write_text(json.dumps(raw))
    assert load_gold(tmp_path)["example-harbour-tech"] == partial
