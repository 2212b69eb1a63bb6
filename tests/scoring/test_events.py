"""Event scoring, ACE style: triggers, arguments by entity, span or name, roles, modality."""

from harness.predictions import PredictedArgument, PredictedEvent, Predictions, TextSpan
from harness.scoring import ScoringOptions, evaluate


def events(corpus, annotations, *predicted):
    record = Predictions(annotations.doc_id, events=tuple(predicted))
    return evaluate(corpus, {annotations.doc_id: record}, ScoringOptions(resamples=20)).categories["events"]


def test_wrong_type_is_identified_not_classified(example_corpus, example_annotations):
    result = events(example_corpus, example_annotations, PredictedEvent("Conflict.Attack", TextSpan("arrested")))
    assert result.subscores["trigger_identification"].tp == 1
    assert result.tp == 0 and result.fp == 1


def test_arguments_match_by_entity_mention_name_or_span(example_corpus, example_annotations):
    hire = PredictedEvent("Personnel.Start-Position", TextSpan("hire"), (
        PredictedArgument("Entity", "Harbour Tech"),          # a name of the gold entity E1
        PredictedArgument("Agent", "nearly 200 engineers", 116, 136),  # right span, wrong role
        PredictedArgument("Place", "Tuesday"),                 # no such argument
    ), modality="reported")
    result = events(example_corpus, example_annotations, hire)
    assert result.tp == 1
    identification = result.subscores["argument_identification"]
    classification = result.subscores["argument_classification"]
    assert (identification.tp, identification.fp) == (2, 1)
    assert (classification.tp, classification.fp) == (1, 2)
    assert result.subscores["modality_agreement"].rate == 1.0


def test_missing_modality_counts_as_asserted(example_corpus, example_annotations):
    result = events(example_corpus, example_annotations, PredictedEvent("Conflict.Demonstrate", TextSpan("protest")))
    assert result.tp == 1 and result.subscores["modality_agreement"].rate == 0.0
