"""Injection and the clean article, on the small example gold."""

from harness.model import Annotations, Document, Region
from harness.noise import Block, Insertion, InsertionPoint, Noise, apply_noise, clean_article, insertion_points

PROMO = Block("related-article", "Ada Brin backs Vantor over rail fares")


def test_points_of_every_kind_and_none_inside_a_span(example_annotations):
    points = insertion_points(example_annotations.document, example_annotations)
    assert {p.where for p in points} == {"start", "paragraph", "sentence", "end"}
    from harness.noise import all_spans

    for point in points:
        for span in all_spans(example_annotations):
            assert not span.start < point.offset < span.end


def test_sentence_point_splits_the_paragraph_and_keeps_gold_text():
    text = "Ann Lee spoke. Bob Ray left."
    document = Document("d", text, regions=(Region(0, len(text), "body"),))
    point = InsertionPoint(14, "sentence", consume=1)
    variant = apply_noise(Annotations(document), Noise((Insertion(point, PROMO),)))
    assert variant.document.text == "Ann Lee spoke.\n\n" + PROMO.text + "\n\nBob Ray left."
    assert variant.document.regions == (
        Region(0, 14, "body"),
        Region(16, 16 + len(PROMO.text), "boilerplate", "related-article"),
        Region(18 + len(PROMO.text), len(variant.document.text), "body"),
    )


def test_two_blocks_at_one_point_are_stacked():
    document = Document("d", "One.\n\nTwo.", regions=(Region(0, 4, "body"), Region(6, 10, "body")))
    point = InsertionPoint(4, "paragraph")
    comments = Block("comments", "Comments (2)")
    variant = apply_noise(document, Noise((Insertion(point, PROMO), Insertion(point, comments))))
    assert variant.document.text == f"One.\n\n{PROMO.text}\n\nComments (2)\n\nTwo."
    assert [r.label for r in variant.document.regions] == [None, "related-article", "comments", None]


def test_start_and_end_blocks_shift_every_span(example_annotations):
    start, end = InsertionPoint(0, "start"), InsertionPoint(len(example_annotations.document.text), "end")
    variant = apply_noise(example_annotations, Noise((Insertion(start, PROMO), Insertion(end, PROMO))))
    shift = len(PROMO.text) + 2
    before = example_annotations.entities[0].mentions[0]
    after = variant.annotations.entities[0].mentions[0]
    assert (after.start, after.end, after.text) == (before.start + shift, before.end + shift, before.text)
    assert variant.document.text.endswith("\n\n" + PROMO.text)


def test_clean_article_keeps_body_and_headings_only(example_annotations):
    clean = clean_article(example_annotations)
    assert "Read more" not in clean.document.text and "Comments" not in clean.document.text
    assert all(r.kind != "boilerplate" for r in clean.document.regions)
    assert clean.document.text == example_annotations.document.text[:333]
    kept = {e.canonical_name for e in clean.entities}
    assert "Omar Field" not in kept and "Jane Doe" in kept
