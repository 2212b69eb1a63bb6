"""brat standoff pairs: entities, discontinuous spans, equivalences, notes, ignored lines, bad lines."""

from pathlib import Path

from .helpers import imported, mentions, round_trip

TEXT = "Angela Merkel met Emmanuel Macron in Paris.\nMerkel praised the Rhine valley and New York."


def _pair(folder: Path, ann: str, name: str = "meeting") -> Path:
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    return folder


ANN = (
    "T1\tPER 0 13\tAngela Merkel\n"
    "T2\tPER 18 33\tEmmanuel Macron\n"
    "T3\tLOC 37 42\tParis\n"
    "T4\tPER 44 50\tMerkel\n"
    "T5\tLOC 63 68;80 88\tRhine New York\n"
    "*\tEquiv T1 T4\n"
    "A1\tNegated T2\n"
    "R1\tMeets Arg1:T1 Arg2:T2\n"
    "#1\tAnnotatorNotes T3\tcapital city\n"
)


def test_entity_lines_become_mentions_with_mapped_types(tmp_path):
    gold, _, built = imported("brat", _pair(tmp_path, ANN))
    assert not built.problems
    found = mentions(gold["meeting"])
    assert found[:4] == [(0, 13, "Angela Merkel", "PERSON"), (18, 33, "Emmanuel Macron", "PERSON"),
                         (37, 42, "Paris", "GPE"), (44, 50, "Merkel", "PERSON")]
    assert gold["meeting"].layers == ("entities",)


def test_equivalence_joins_mentions_and_fragments_share_an_entity(tmp_path):
    gold, _, _ = imported("brat", _pair(tmp_path, ANN))
    clusters = sorted(tuple(m.text for m in e.mentions) for e in gold["meeting"].entities)
    assert ("Angela Merkel", "Merkel") in clusters
    assert ("Rhine", "New York") in clusters  # one discontinuous entity, one mention per fragment


def test_attributes_and_relations_are_counted_and_notes_kept(tmp_path):
    gold, reading, _ = imported("brat", _pair(tmp_path, ANN))
    assert reading.skipped == {"brat A lines (attributes, ignored)": 1, "brat R lines (relations, ignored)": 1}
    assert gold["meeting"].document.metadata.notes == ("T3: capital city",)


def test_a_bad_offset_names_the_file_line_and_value(tmp_path):
    folder = _pair(tmp_path, "T1\tPER 0 13\tAngela Merkel\nT2\tPER 18 34\tEmmanuel Macron\n")
    _, _, built = imported("brat", folder)
    [problem] = built.problems
    assert problem.file == f"{folder / 'meeting.ann'}:2"
    assert "'Emmanuel Macron'" in problem.message and "'Emmanuel Macron '" in problem.message
    assert problem.value == "Emmanuel Macron" and problem.fix


def test_offsets_past_the_text_are_a_problem(tmp_path):
    _, _, built = imported("brat", _pair(tmp_path, "T1\tPER 80 200\tNew York\n"))
    [problem] = built.problems
    assert problem.value == [80, 200] and f"{len(TEXT)} characters" in problem.message


def test_a_malformed_line_is_reported_with_its_line(tmp_path):
    folder = _pair(tmp_path, "T1\tPER 0 13\tAngela Merkel\nT2\tPER zero 13\tAngela Merkel\n")
    _, reading, _ = imported("brat", folder)
    [problem] = reading.problems
    assert problem.file.endswith("meeting.ann:2") and "'PER zero 13'" in problem.message


def test_a_missing_text_file_is_reported(tmp_path):
    (tmp_path / "lonely.ann").write_text("T1\tPER 0 3\tAnn\n")
    _, reading, _ = imported("brat", tmp_path)
    assert [p.message for p in reading.problems] == ["no text file lonely.txt beside it."]


def test_export_then_import_gives_the_same_entities(example_corpus, tmp_path):
    for original, back in round_trip("brat", example_corpus, tmp_path):
        assert back.document.text == original.document.text
        assert mentions(back) == mentions(original)
        clusters = lambda a: sorted(tuple((m.start, m.end) for m in e.mentions) for e in a.entities)  # noqa: E731
        assert clusters(back) == clusters(original)
