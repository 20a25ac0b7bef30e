"""core.metrics' class-blind figures (`petloc evaluate --json` ``ignoring_class``, README's "0.946 ignoring the
class"), on cases small enough to compute by hand: each photo's box against the object it overlaps most,
whatever its class, where best-gt scores a wrong class 0."""

from __future__ import annotations

import pytest

from petloc_gui.core.metrics import class_blind_figures, class_blind_iou, evaluate_objects

SQUARE = (0, 0, 10, 10)  # area 100: a box (0, 0, 10, h) inside it has IoU h / 10 exactly


def test_a_wrong_class_keeps_its_boxs_iou():
    assert class_blind_iou([("cat", SQUARE)], (0, 0, 10, 6)) == pytest.approx(0.6)


def test_the_object_the_box_overlaps_most_is_taken_whatever_its_label():
    # the box is inside the dog (IoU 0.8) and touches the cat's corner only
    photo = [("cat", (8, 0, 18, 10)), ("dog", SQUARE)]
    assert class_blind_iou(photo, (0, 0, 10, 8)) == pytest.approx(0.8)


def test_no_object_and_a_nan_box_score_zero():
    nan = float("nan")
    assert class_blind_iou([], SQUARE) == 0.0
    assert class_blind_iou([("cat", SQUARE)], (nan,) * 4) == 0.0


def test_the_figures_differ_from_best_gt_only_where_the_class_is_wrong():
    photos = [[("cat", SQUARE)], [("dog", SQUARE)], [("cat", SQUARE)], [("dog", SQUARE)]]
    labels = ["cat", "cat", "cat", "dog"]  # the second photo's class is wrong
    boxes = [(0, 0, 10, 9), (0, 0, 10, 8), (0, 0, 10, 4), (0, 0, 10, 7.5)]
    best_gt = evaluate_objects(photos, labels, boxes, ["cat", "dog"])
    blind = class_blind_figures(photos, boxes)
    assert best_gt["mean_iou"] == pytest.approx((0.9 + 0 + 0.4 + 0.75) / 4)
    assert blind == pytest.approx({"mean_iou": (0.9 + 0.8 + 0.4 + 0.75) / 4, "median_iou": (0.75 + 0.8) / 2,
                                   "iou_ge_50": 3 / 4, "iou_ge_75": 3 / 4})  # 0.75 exactly counts


def test_no_photo_gives_no_figure_and_unequal_lengths_are_refused():
    assert class_blind_figures([], []) == dict.fromkeys(("mean_iou", "median_iou", "iou_ge_50", "iou_ge_75"))
    with pytest.raises(ValueError, match="differ in length"):
        class_blind_figures([[("cat", SQUARE)]], [])


def test_a_box_of_iou_exactly_half_counts_in_iou_ge_50():
    # (0, 0, 10, 5) inside the 10x10 square: 50 / 100, IoU 0.5 exactly, which "IoU >= 0.5" counts
    assert class_blind_iou([("cat", SQUARE)], (0, 0, 10, 5)) == 0.5
    figures = class_blind_figures([[("cat", SQUARE)], [("dog", SQUARE)]], [(0, 0, 10, 5), (0, 0, 10, 4)])
    assert figures["iou_ge_50"] == 0.5  # the first photo of two counts, the second (IoU 0.4) does not
