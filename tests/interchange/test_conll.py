"""CoNLL columns: IOB1, IOB2 and BIOES tags, -DOCSTART- documents, the spacing rule, bad tags."""

from harness.interchange.conll import tokens, write

from .helpers import imported, mentions, round_trip

IOB2 = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP B-LOC
1996-08-22 CD I-NP O
"""


def test_documents_text_and_offsets_follow_the_spacing_rule(tmp_path):
    (tmp_path / "news.conll").write_text(IOB2)
    gold, _, built = imported("conll", tmp_path / "news.conll")
    assert not built.problems
    first, second = gold["news-001"], gold["news-002"]
    assert first.document.text == "EU rejects German call .\nPeter Blackburn"
    assert mentions(first) == [(0, 2, "EU", "ORG"), (11, 17, "German", "NORP"), (25, 40, "Peter Blackburn", "PERSON")]
    assert second.document.text == "BRUSSELS 1996-08-22"
    assert mentions(second) == [(0, 8, "BRUSSELS", "GPE")]


def _one_sentence(tags: list[str]) -> str:
    words = ["Anna", "Smith", "met", "Bob", "Jones", "and", "Carl"]
    return "\n".join(f"{w} {t}" for w, t in zip(words, tags)) + "\n"


def test_iob1_iob2_and_bioes_read_alike(tmp_path):
    schemes = {
        "iob1": ["I-PER", "I-PER", "O", "I-PER", "I-PER", "O", "I-PER"],
        "iob2": ["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-PER"],
        "bioes": ["B-PER", "E-PER", "O", "B-PER", "E-PER", "O", "S-PER"],
    }
    found = {}
    for name, tags in schemes.items():
        (tmp_path / f"{name}.conll").write_text(_one_sentence(tags))
        gold, _, _ = imported("conll", tmp_path / f"{name}.conll")
        found[name] = mentions(gold[name])
    assert found["iob1"] == found["iob2"] == found["bioes"] == [
        (0, 10, "Anna Smith", "PERSON"), (15, 24, "Bob Jones", "PERSON"), (29, 33, "Carl", "PERSON")]


def test_iob1_b_tag_separates_two_adjacent_entities(tmp_path):
    (tmp_path / "adjacent.conll").write_text("Anna I-PER\nBob B-PER\n")
    gold, _, _ = imported("conll", tmp_path / "adjacent.conll")
    assert [m[2] for m in mentions(gold["adjacent"])] == ["Anna", "Bob"]


def test_a_bad_tag_names_the_file_line_and_value(tmp_path):
    (tmp_path / "bad.conll").write_text("Anna B-PER\nSmith X-PER\n")
    _, reading, _ = imported("conll", tmp_path / "bad.conll")
    [problem] = reading.problems
    assert problem.file == f"{tmp_path / 'bad.conll'}:2" and problem.value == "X-PER"


def test_tokens_split_at_mention_boundaries():
    assert tokens("Putin's team, (U.S.) 1996-08-22.", {5}) == [
        (0, 5), (5, 7), (8, 12), (12, 13), (14, 15), (15, 19), (19, 20), (21, 31), (31, 32)]


def test_export_then_import_reads_the_same_and_exports_the_same(tmp_path):
    (tmp_path / "news.conll").write_text(IOB2)
    gold, _, _ = imported("conll", tmp_path / "news.conll")
    from harness.model import Corpus

    write(Corpus(tuple(gold.values())), tmp_path / "out")
    again, _, built = imported("conll", tmp_path / "out" / "gold.conll")
    assert not built.problems
    assert {d: (a.document.text, mentions(a)) for d, a in again.items()} == \
        {d: (a.document.text, mentions(a)) for d, a in gold.items()}
    write(Corpus(tuple(again.values())), tmp_path / "twice")
    assert (tmp_path / "twice" / "gold.conll").read_text() == (tmp_path / "out" / "gold.conll").read_text()


def test_gold_exported_keeps_its_mentions(example_corpus, tmp_path):
    for original, back in round_trip("conll", example_corpus, tmp_path, "gold.conll"):
        # the text is rebuilt by the spacing rule, so compare what each mention says and is
        assert [(m[2].replace(" ", ""), m[3]) for m in mentions(back)] == \
            [(m[2].replace(" ", ""), m[3]) for m in mentions(original)]
