import json
from pathlib import Path

import pytest

from harness import load_gold
from harness.errors import InputError, ValidationFailed
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


def test_example_gold_loads(example_gold_dir):
    corpus = load_gold(example_gold_dir)
    annotations = corpus["example-harbour-tech"]
    text = annotations.document.text
    for entity in annotations.entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_single_annotation_file_loads_with_its_text(example_gold_dir):
    corpus = load_gold(example_gold_dir / ANNOTATION)
    assert corpus.doc_ids == ("example-harbour-tech",)


def test_every_planted_error_is_reported_with_file_and_pointer(example_gold_copy):
    def plant(raw):
        raw["entities"][0]["mentions"][0]["text"] = "Harbor Tech"          # wrong span text
        raw["entities"][1]["mentions"][0]["end"] = 10_000                  # offset out of range
        raw["quotes"][0]["speaker_entity"] = "E99"                         # unknown id
        raw["regions"][1]["start"] = raw["regions"][0]["end"] - 3          # overlapping regions
        raw["text_sha256"] = "0" * 64                                      # wrong sha
        raw["figures"][1]["id"] = "F1"                                     # duplicate id

    path = _edit(example_gold_copy, plant)
    problems = check_gold([example_gold_copy]).problems
    found = {(p.pointer, p.file) for p in problems}
    for pointer in ("/entities/0/mentions/0/text", "/entities/1/mentions/0", "/quotes/0/speaker_entity",
                    "/regions/1", "/text_sha256", "/figures/1/id"):
        assert (pointer, str(path)) in found, pointer
    wrong_text = next(p for p in problems if p.pointer == "/entities/0/mentions/0/text")
    assert "'Harbor Tech'" in wrong_text.message and "'Harbour Tech'" in wrong_text.message
    assert all(p.fix for p in problems)


def test_schema_errors_carry_pointer_and_allowed_values(example_gold_copy):
    _edit(example_gold_copy, lambda raw: raw["quotes"][1].update(kind="verbatim"))
    problems = check_gold([example_gold_copy]).problems
    assert [p.pointer for p in problems] == ["/quotes/1/kind"]
    assert "'verbatim'" in problems[0].message and "direct" in problems[0].message


def test_text_not_covered_by_regions_is_reported(example_gold_copy):
    _edit(example_gold_copy, lambda raw: raw["regions"].pop(2))
    problems = check_gold([example_gold_copy]).problems
    assert any("in no region" in p.message and "We are growing" in p.message for p in problems)


def test_document_without_text_file(example_gold_copy):
    (example_gold_copy / "documents" / "example-harbour-tech.txt").unlink()
    problems = check_gold([example_gold_copy]).problems
    assert len(problems) == 1 and "no text file" in problems[0].message


def test_text_file_without_annotations(example_gold_copy):
    (example_gold_copy / "documents" / "orphan.txt").write_text("Hello.")
    problems = check_gold([example_gold_copy]).problems
    assert [Path(p.file).name for p in problems] == ["orphan.txt"]


def test_unknown_event_role_lists_the_valid_ones(example_gold_copy):
    _edit(example_gold_copy, lambda raw: raw["events"][0]["arguments"][0].update(role="Employer"))
    problem, = check_gold([example_gold_copy]).problems
    assert problem.pointer == "/events/0/arguments/0/role"
    assert "Person, Entity" in problem.fix


def test_load_gold_raises_with_every_problem(example_gold_copy):
    def plant(raw):
        raw["quotes"][0]["addressee"] = "nobody"
        raw["events"][0]["place"] = "E42"

    _edit(example_gold_copy, plant)
    with pytest.raises(ValidationFailed) as caught:
        load_gold(example_gold_copy)
    assert len(caught.value.problems) == 2


def test_missing_gold_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such gold"):
        load_gold(tmp_path / "nope")


def test_doc_id_must_match_file_name(example_gold_copy):
    _edit(example_gold_copy, lambda raw: raw.update(doc_id="other"))
    pointers = [p.pointer for p in check_gold([example_gold_copy]).problems]
    assert "/doc_id" in pointers


def test_path_like_doc_id_is_rejected_by_the_schema(example_gold_copy):
    _edit(example_gold_copy, lambda raw: raw.update(doc_id="../../etc/passwd"))
    problems = check_gold([example_gold_copy]).problems
    assert [p.pointer for p in problems] == ["/doc_id"]


# --- partial layers and undivided pages (gold format 2) ---


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


@pytest.mark.parametrize("enabled", [True, False])
def test_checking_gold_leaves_the_garbage_collector_as_it_found_it(example_gold_copy, monkeypatch, enabled):
    import gc

    import harness.gold

    (gc.enable if enabled else gc.disable)()
    try:
        seen = []
        monkeypatch.setattr(harness.gold, "check_annotation_file",
                            lambda *arguments, **keywords: seen.append(gc.isenabled()) or (None, []))
        check_gold([example_gold_copy])
        assert seen == [False] and gc.isenabled() is enabled

        def broken(*arguments, **keywords):
            raise OSError("disk gone")

        monkeypatch.setattr(harness.gold, "check_annotation_file", broken)
        with pytest.raises(OSError):
            check_gold([example_gold_copy])
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_the_documents_of_one_load_hold_a_repeated_value_once():
    from harness.gold import check_annotation_file

    seed_gold = Path(__file__).parent.parent / "gold"
    corpus = load_gold(seed_gold)
    types = {}
    for annotations in corpus:
        for entity in annotations.entities:
            assert types.setdefault(entity.type, entity.type) is entity.type  # one string per type
    # loaded alone, each file has its own copies, equal to the shared ones
    [first, second] = [a for a in corpus if a.entities][:2]
    alone = [check_annotation_file(seed_gold / "annotations" / f"{a.doc_id}.json")[0] for a in (first, second)]
    assert alone == [first, second]
