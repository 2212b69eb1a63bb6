"""``Document.in_boilerplate`` (regions sorted once per document) equals counting characters one by one."""

from hypothesis import given, strategies as st

from harness.model import Document, Region

LENGTH = 40


@st.composite
def regions(draw):
    found = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, LENGTH))
        end = draw(st.integers(start, LENGTH))
        found.append(Region(start, end, draw(st.sampled_from(["body", "boilerplate", "heading"]))))
    return tuple(found)


@given(regions(), st.integers(0, LENGTH), st.integers(0, LENGTH))
def test_in_boilerplate_is_more_than_half_of_the_characters_in_boilerplate(page, start, end):
    document = Document("d", "x" * LENGTH, regions=page)
    covered = {i for r in page if r.kind == "boilerplate" for i in range(r.start, r.end)}
    if end <= start:
        expected = any(r.kind == "boilerplate" and r.contains_offset(start) for r in page)
    else:
        expected = 2 * len(covered & set(range(start, end))) > end - start
    assert document.in_boilerplate(start, end) == expected
    assert document.in_boilerplate(start, end) == expected  # asked again: the kept order answers the same
