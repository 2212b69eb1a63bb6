"""Entity scoring on the example article: forms, grounding, entity level, leakage, confusion."""

from harness.predictions import PredictedEntity, Predictions
from harness.scoring import ScoringOptions, evaluate


def entities(corpus, annotations, *predicted, options=None):
    record = Predictions(annotations.doc_id, entities=tuple(predicted))
    return evaluate(corpus, {annotations.doc_id: record}, options or ScoringOptions(resamples=20)).categories["entities"]


def test_pronoun_and_nominal_predictions_are_ignored_by_default(example_corpus, example_annotations):
    she = PredictedEntity("She", "PERSON", 204, 207, form="pronoun")
    company = PredictedEntity("the company", "ORG", 93, 104)  # no form given, but gold marks it nominal
    result = entities(example_corpus, example_annotations, she, company)
    assert (result.tp, result.fp) == (0, 0)


def test_include_pronouns_scores_every_form(example_corpus, example_annotations):
    she = PredictedEntity("She", "PERSON", 204, 207, form="pronoun")
    result = entities(example_corpus, example_annotations, she, options=ScoringOptions(include_pronouns=True, resamples=20))
    assert result.tp == 1
    document = example_annotations.document
    outside = [m for e in example_annotations.entities for m in e.mentions if not document.in_boilerplate(m.start, m.end)]
    assert result.tp + result.fn == len(outside)


def test_boilerplate_mentions_are_leakage_not_recall(example_corpus, example_annotations):
    text = example_annotations.document.text
    start = text.index("Omar Field")  # in the "Read more" promo
    promo = PredictedEntity("Omar Field", "PERSON", start, start + len("Omar Field"))
    result = entities(example_corpus, example_annotations, promo)
    assert (result.tp, result.fp) == (0, 1)
    assert result.leakage.in_boilerplate == 1
    skipped = entities(example_corpus, example_annotations)
    assert skipped.fn == result.fn  # skipping page furniture costs no recall


def test_text_only_entity_stands_for_every_occurrence(example_corpus, example_annotations):
    result = entities(example_corpus, example_annotations, PredictedEntity("Berlin", "GPE"))
    assert (result.tp, result.fp) == (3, 0)


def test_text_inside_a_longer_text_only_prediction_is_not_counted_again(example_corpus, example_annotations):
    result = entities(example_corpus, example_annotations,
                      PredictedEntity("Jane Doe", "PERSON"), PredictedEntity("Doe", "PERSON"))
    assert (result.tp, result.fp) == (2, 0)  # "Jane Doe" and the later "Doe"


def test_hallucinated_entity_is_ungrounded_false_positive(example_corpus, example_annotations):
    result = entities(example_corpus, example_annotations, PredictedEntity("Angela Merkel", "PERSON"))
    assert (result.fp, result.ungrounded) == (1, 1)


def test_wrong_type_is_one_false_positive_and_one_miss(example_corpus, example_annotations):
    result = entities(example_corpus, example_annotations, PredictedEntity("Jane Doe", "ORG", 63, 71))
    assert (result.tp, result.fp) == (0, 1)
    assert result.subscores["exact"].tp == 1
    assert result.confusion_matrix() == (["ORG", "PERSON"], [[0, 0], [1, 0]])


def test_entity_level_matches_names_after_normalisation(example_corpus, example_annotations):
    result = entities(example_corpus, example_annotations,
                      PredictedEntity("Doe", "PERSON", 184, 187, canonical_name="JANE DOE's"),
                      PredictedEntity("harbour tech", "ORG"))
    level = result.subscores["entity_level"]
    assert level.tp == 2 and level.fp == 0
    assert result.groups["entity_level"]["PERSON"].tp == 1


def test_boilerplate_false_positive_is_leakage(example_corpus, example_annotations):
    text = example_annotations.document.text
    start = text.index("Markets")
    result = entities(example_corpus, example_annotations, PredictedEntity("Markets", "ORG", start, start + 7))
    assert result.fp == 1
    assert result.leakage.in_boilerplate == 1 and result.leakage.false_positives == 1
    items = evaluate(example_corpus, {example_annotations.doc_id: Predictions(
        example_annotations.doc_id, entities=(PredictedEntity("Markets", "ORG", start, start + 7),))})
    statuses = [i.status for i in items.items(example_annotations.doc_id, "entities") if i.predicted]
    assert statuses == ["boilerplate"]
