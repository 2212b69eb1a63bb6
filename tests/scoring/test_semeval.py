"""The four SemEval schemes on small hand-computed cases, and where nervaluate differs."""

from harness.scoring import score_mentions
from harness.scoring.semeval import SemEvalCounts


def test_the_four_schemes_on_one_hand_computed_case():
    gold = [(0, 5, "PER"), (10, 15, "ORG"), (20, 25, "LOC"), (30, 35, "PER")]
    predicted = [
        (0, 5, "PER"),    # exact span, right type
        (10, 15, "PER"),  # exact span, wrong type
        (21, 25, "LOC"),  # shifted span, right type
        (40, 45, "ORG"),  # spurious
    ]                     # (30, 35) missed
    counts = score_mentions(gold, predicted)
    assert counts["strict"] == SemEvalCounts(correct=1, incorrect=2, partial=0, missed=1, spurious=1)
    assert counts["exact"] == SemEvalCounts(correct=2, incorrect=1, partial=0, missed=1, spurious=1)
    assert counts["partial"] == SemEvalCounts(correct=2, incorrect=0, partial=1, missed=1, spurious=1)
    assert counts["type"] == SemEvalCounts(correct=2, incorrect=1, partial=0, missed=1, spurious=1)
    partial = counts["partial"].counts
    assert partial.tp == 2.5 and partial.tp + partial.fp == 4 and partial.tp + partial.fn == 4


def test_order_of_predictions_does_not_matter():
    # nervaluate's issue #40: the first overlapping prediction takes the gold
    gold = [(0, 10, "ORG")]
    a = [(0, 4, "ORG"), (0, 10, "PER")]
    assert score_mentions(gold, a) == score_mentions(gold, list(reversed(a)))


def test_order_dependence_of_nervaluate_is_real():
    from nervaluate import Evaluator

    gold = [[{"label": "ORG", "start": 0, "end": 9}, {"label": "ORG", "start": 10, "end": 14}]]
    first = [[{"label": "ORG", "start": 5, "end": 12}, {"label": "ORG", "start": 0, "end": 9}]]
    second = [list(reversed(first[0]))]
    strict = lambda pred: Evaluator(gold, pred, tags=["ORG"], loader="dict").evaluate()["overall"]["strict"]
    assert strict(first).correct != strict(second).correct
    ours = score_mentions([(0, 10, "ORG"), (10, 15, "ORG")], [(5, 13, "ORG"), (0, 10, "ORG")])
    assert ours["strict"].correct == 1 and ours["strict"].incorrect == 1


def test_one_spurious_prediction_counts_once():
    counts = score_mentions([(0, 5, "PER")], [(0, 5, "PER"), (20, 25, "ORG")])
    assert counts["strict"].spurious == 1 and counts["type"].spurious == 1


def test_duplicate_predictions_count_once():
    gold = [(0, 5, "PER")]
    assert score_mentions(gold, [(0, 5, "PER")] * 3) == score_mentions(gold, [(0, 5, "PER")])
