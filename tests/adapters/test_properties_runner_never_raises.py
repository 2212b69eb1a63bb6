"""Property: whatever an adapter returns or raises, run_extractor returns an outcome."""

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.adapters import BaseExtractor, run_extractor
from harness.model import Document

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 50) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["doc_id", "entities", "quotes", "figures", "events", "text", "type", "start", "end",
                         "value", "speaker", "trigger", "role", "arguments"]), children, max_size=4),
    max_leaves=12,
)


class Echo(BaseExtractor):
    name = "echo"

    def __init__(self, output):
        super().__init__()
        self.output = output

    def extract(self, document):
        return self.output


@settings(max_examples=150)
@given(json_values)
def test_any_output_gives_predictions_or_an_error(output):
    outcome = run_extractor(Echo(output), Document("d1", "A short text of forty characters or so."))
    assert (outcome.predictions is None) != (outcome.error is None)
    if outcome.error is not None:
        assert outcome.error["doc_id"] == "d1" and outcome.error["kind"]
