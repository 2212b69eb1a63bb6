"""Offset maps: hand-computed cases of insertions, replacements and deletions."""

from harness.noise import Edit, OffsetMap, Stage


def test_insertion_moves_a_start_but_not_an_end_at_the_same_offset():
    stage = Stage((Edit(5, 5, "XYZ"),))
    assert stage.apply("Hello world") == "HelloXYZ world"
    assert stage.map(5, "start") == 8
    assert stage.map(5, "end") == 5
    assert stage.map(4, "start") == 4
    assert stage.map(6, "end") == 9


def test_replacement_inside_a_span_changes_its_text_and_keeps_it():
    offsets = OffsetMap((Stage((Edit(2, 3, "&amp;"),)),))
    text = offsets.apply("A & B")
    assert text == "A &amp; B"
    assert offsets.map_span(0, 5) == (0, 9)
    assert offsets.map_span(2, 3) == (2, 7)
    assert offsets.map_span(4, 5) == (8, 9)


def test_deletion_drops_spans_it_cuts_or_swallows():
    offsets = OffsetMap((Stage((Edit(3, 7, ""),)),))
    assert offsets.apply("abcdefghij") == "abchij"
    assert offsets.map_span(4, 6) is None  # swallowed
    assert offsets.map_span(1, 5) is None  # cut
    assert offsets.map_span(7, 9) == (3, 5)
    assert offsets.map_span(0, 3) == (0, 3)


def test_stages_compose_in_order():
    offsets = OffsetMap((Stage((Edit(0, 0, ">> "),)),)).then(Stage((Edit(4, 5, "\r\n"),)))
    assert OffsetMap((Stage((Edit(0, 0, ">> "),)),)).apply("a\nb") == ">> a\nb"
    assert offsets.apply("a\nb") == ">> a\r\nb"
    assert offsets.map_span(2, 3) == (6, 7)  # "b"


def test_overlapping_edits_are_refused():
    import pytest

    with pytest.raises(ValueError):
        Stage((Edit(0, 3, "x"), Edit(2, 4, "y")))
