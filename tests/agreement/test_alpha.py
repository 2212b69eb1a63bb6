"""Krippendorff's alpha (nominal) against cases computed by hand."""

import pytest

from harness.agreement import krippendorff_alpha


def test_three_coders_two_units_by_hand():
    # unit 1 (a, a, a): o_aa += 6/2; unit 2 (a, a, b): o_aa += 2/2, o_ab = o_ba += 2/2
    # n_a = 5, n_b = 1, n = 6: alpha = 1 - 5 * 2 / (2 * 5 * 1) = 0
    assert krippendorff_alpha([["a", "a", "a"], ["a", "a", "b"]]) == pytest.approx(0.0)


def test_two_coders_with_a_missing_value_by_hand():
    # units (x, x), (x, y), (y, y), (y, None): the last is not pairable
    # o_xx = 2, o_xy = o_yx = 1, o_yy = 2; n_x = n_y = 3, n = 6
    # alpha = 1 - 5 * 2 / (2 * 3 * 3) = 1 - 10/18 = 4/9
    assert krippendorff_alpha([["x", "x"], ["x", "y"], ["y", "y"], ["y", None]]) == pytest.approx(4 / 9)


def test_krippendorffs_own_nominal_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability": four observers, twelve units,
    # missing values; nominal alpha = 0.743
    observers = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = list(zip(*observers))
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=5e-4)


def test_perfect_agreement_is_one_and_no_variation_is_undefined():
    assert krippendorff_alpha([["a", "a"], ["b", "b", "b"]]) == pytest.approx(1.0)
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) is None
    assert krippendorff_alpha([["a", None]]) is None
