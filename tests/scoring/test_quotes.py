"""Quote scoring on the example article: matching modes, attribution, end to end, kinds."""

from harness.predictions import PredictedQuote, Predictions, TextSpan
from harness.scoring import ScoringOptions, evaluate


def quotes(corpus, annotations, *predicted, **options):
    record = Predictions(annotations.doc_id, quotes=tuple(predicted))
    return evaluate(corpus, {annotations.doc_id: record}, ScoringOptions(resamples=20, **options)).categories["quotes"]


def test_quotation_marks_and_whitespace_are_ignored(example_corpus, example_annotations):
    said = PredictedQuote('  \u201cWe are growing faster than ever,\u201d ', speaker=TextSpan("Jane Doe"))
    result = quotes(example_corpus, example_annotations, said, quote_match="exact")
    assert result.tp == 1 and result.subscores["direct"].tp == 1


def test_overlap_mode_accepts_half_the_tokens_exact_does_not(example_corpus, example_annotations):
    shorter = PredictedQuote("the company would hire nearly 200 engineers")
    assert quotes(example_corpus, example_annotations, shorter).tp == 1
    assert quotes(example_corpus, example_annotations, shorter, quote_match="exact").tp == 0
    too_short = PredictedQuote("hire nearly")
    assert quotes(example_corpus, example_annotations, too_short).tp == 0


def test_pronoun_speaker_resolves_through_the_gold_mention(example_corpus, example_annotations):
    right = PredictedQuote("the office would open in March", speaker=TextSpan("She", 204, 207))
    wrong = PredictedQuote("the office would open in March", speaker=TextSpan("She"))
    assert quotes(example_corpus, example_annotations, right).subscores["attribution"].rate == 1.0
    assert quotes(example_corpus, example_annotations, wrong).subscores["attribution"].rate == 0.0


def test_end_to_end_needs_the_speaker(example_corpus, example_annotations):
    by_doe = PredictedQuote("We are growing faster than ever,", speaker=TextSpan("Ms. Doe"))
    by_police = PredictedQuote("the office would open in March", speaker=TextSpan("Police"))
    result = quotes(example_corpus, example_annotations, by_doe, by_police)
    assert result.tp == 2
    assert result.subscores["end_to_end"].tp == 1
    assert result.subscores["attribution"].tp == 1 and result.subscores["attribution"].fp == 1


def test_described_speaker_matches_by_containment(example_corpus, example_annotations):
    police = PredictedQuote("Police in Berlin arrested two men after a protest outside the office",
                            speaker=TextSpan("spokesman"))
    assert quotes(example_corpus, example_annotations, police).subscores["attribution"].rate == 1.0
