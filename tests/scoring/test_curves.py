"""Precision-recall curves: agree with scikit-learn, and missed gold keeps recall below one."""

import pytest

from harness.scoring.curves import pr_curve


def test_average_precision_equals_scikit_learn_when_every_gold_is_predicted():
    from sklearn.metrics import average_precision_score

    ranked = [(0.9, True), (0.8, False), (0.7, True), (0.4, True), (0.2, False)]
    curve = pr_curve(ranked, gold_count=3)
    expected = average_precision_score([h for _, h in ranked], [s for s, _ in ranked])
    assert curve.average_precision == pytest.approx(expected)


def test_missed_gold_scales_recall_and_average_precision():
    ranked = [(0.9, True), (0.5, False)]
    curve = pr_curve(ranked, gold_count=2)
    assert max(curve.recall) == 0.5
    assert curve.average_precision == pytest.approx(0.5)


def test_best_threshold_maximises_f1():
    ranked = [(0.9, True), (0.8, True), (0.3, False), (0.2, False)]
    curve = pr_curve(ranked, gold_count=2)
    assert curve.best_threshold == 0.8 and curve.best_f1 == 1.0


def test_no_predictions_no_curve():
    assert pr_curve([], gold_count=3) is None
