"""The projection property: after any noise, every gold span still reads the noisy text exactly.

Also: without format noise a span's text is unchanged; with it, the span
normalises back to the original; and the noisy gold passes every check
``harness validate`` makes (schema, offsets, sha256, regions).
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.noise import all_spans, clean_article, normalise
from harness.serialize import annotations_to_dict
from harness.strategies import noisy_documents
from harness.validate import semantic_problems


def spans_in_order(annotations):
    return list(all_spans(annotations))


@settings(max_examples=60)
@given(st.data())
def test_projected_spans_match_the_noisy_text(example_annotations, data):
    variant = data.draw(noisy_documents(example_annotations))
    text = variant.document.text
    before, after = spans_in_order(example_annotations), spans_in_order(variant.annotations)
    assert len(before) == len(after)  # injection never drops gold
    for old, new in zip(before, after):
        assert text[new.start:new.end] == new.text
        assert normalise(new.text) == normalise(old.text)


@settings(max_examples=40)
@given(st.data())
def test_without_format_noise_span_texts_are_identical(example_annotations, data):
    variant = data.draw(noisy_documents(example_annotations, with_format=False))
    for old, new in zip(spans_in_order(example_annotations), spans_in_order(variant.annotations)):
        assert new.text == old.text
    blocks = [r for r in variant.document.regions if r.kind == "boilerplate"]
    original = [r for r in example_annotations.document.regions if r.kind == "boilerplate"]
    assert len(blocks) == len(original) + variant.noise.block_count
    injected = sorted(i.block.text for i in variant.noise.insertions)
    found = [variant.document.text[r.start:r.end] for r in blocks]
    assert all(found.count(t) >= injected.count(t) for t in injected)


@settings(max_examples=40)
@given(st.data())
def test_noisy_gold_passes_validation(example_annotations, data):
    variant = data.draw(noisy_documents(clean_article(example_annotations)))
    raw = annotations_to_dict(variant.annotations)
    assert semantic_problems(raw, variant.document.text, "noisy") == []
