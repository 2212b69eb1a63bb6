"""Gold offsets that are not whole numbers: ``evaluate`` stops with one message naming them, no traceback."""

from dataclasses import replace

import pytest

from harness.errors import HarnessError
from harness.predictions import PredictedEntity, Predictions
from harness.scoring import ScoringOptions, evaluate
from harness.scoring.gold_offsets import offset_problem

from .builders import entity_gold, figure_gold

OPTIONS = ScoringOptions(resamples=10)
TEXT = "Alice met Bob in Paris."


def _entity_gold_with(**mention_fields):
    gold = entity_gold(TEXT, [(0, 5, "PER"), (10, 13, "PER")], "d1")
    second = gold.entities[1]
    bad = replace(second, mentions=(replace(second.mentions[0], **mention_fields),))
    return replace(gold, entities=(gold.entities[0], bad))


@pytest.mark.parametrize("fields, named", [
    ({"start": 10.0}, "has start 10.0 (float); offsets are whole numbers of characters: write 10."),
    ({"end": 12.5}, "has end 12.5 (float); offsets are whole numbers of characters: "
                    "give the character offset as an int."),
    ({"end": "13"}, "has end '13' (str)"),
])
def test_a_gold_mention_offset_that_is_not_an_int_is_named_with_its_document_and_entity(fields, named):
    record = Predictions("d1", entities=(PredictedEntity("Alice", "PER", 0, 5),))
    with pytest.raises(HarnessError) as raised:
        evaluate([_entity_gold_with(**fields)], {"d1": record}, OPTIONS)
    assert str(raised.value).startswith("gold document 'd1': entity 'E1' mention 0 ('Bob') ")
    assert named in str(raised.value)


def test_offset_problem_names_a_figure_span_offset_and_nothing_in_sound_gold():
    gold = figure_gold("12 drones came.", [("12 drones", 12.0, 0)])
    assert offset_problem(gold, "figures") is None
    figure = gold.figures[0]
    gold = replace(gold, figures=(replace(figure, span=replace(figure.span, end=9.0)),))
    assert offset_problem(gold, "figures") == ("gold document 'doc': figure 'F0' span has end 9.0 (float); "
                                               "offsets are whole numbers of characters: write 9.")


def test_whole_number_offsets_of_other_integer_types_are_scored():
    import numpy as np

    gold = _entity_gold_with(start=np.int32(10), end=True + 12)
    record = Predictions("d1", entities=(PredictedEntity("Bob", "PER", 10, 13),))
    assert evaluate([gold], {"d1": record}, OPTIONS).categories["entities"].tp == 1
