"""core.metrics on cases small enough to compute by hand, each built so that one plausible slip in
the code (``>`` for ``>=``, mean for median, a class's figures taken over every image...) changes
the result: the published figures (README, meta.json, `petloc evaluate`) rest on these lines."""

from __future__ import annotations

import pytest

from petloc_gui.core.metrics import GtMatch, best_gt_match, evaluate, evaluate_objects, per_image_iou

SQUARE = (0, 0, 10, 10)  # area 100: a box (0, 0, 10, h) inside it has IoU h / 10 exactly


def _scores(ious_tenths: list[float]) -> dict:
    """`evaluate` of one-object photos of one class whose right-class boxes have IoU t / 10 each."""
    n = len(ious_tenths)
    return evaluate(["cat"] * n, [SQUARE] * n, ["cat"] * n, [(0, 0, 10, t) for t in ious_tenths], ["cat"])


def test_an_iou_of_exactly_the_threshold_counts():
    # IoU 0.5 and 0.75 exactly (50/100, 75/100: no rounding in binary floating point) and 1.0
    result = _scores([5, 7.5, 10])
    assert result["iou_ge_50"] == 1.0  # 0.5 >= 0.5 counts
    assert result["iou_ge_75"] == pytest.approx(2 / 3)  # 0.75 >= 0.75 counts, 0.5 does not


def test_just_below_the_threshold_does_not_count():
    result = _scores([4.9, 7.4])  # IoU 0.49 and 0.74
    assert result["iou_ge_50"] == 0.5
    assert result["iou_ge_75"] == 0.0


def test_an_image_without_a_predicted_class_is_wrong_and_left_out_of_the_matrix():
    # a model whose output is not a number predicts no class (None) and a NaN box: wrong, IoU 0
    nan = float("nan")
    result = evaluate(["cat", "cat"], [SQUARE] * 2, [None, "cat"], [(nan,) * 4, SQUARE], ["cat"])
    assert result["accuracy"] == 0.5
    assert result["mean_iou"] == 0.5
    assert result["confusion"] == [[1]]


def test_median_of_an_odd_and_an_even_number_of_images():
    # IoU 0, 0.2, 0.9: median 0.2 (the mean is 0.367); a miss (IoU 0) takes its place in the order
    odd = _scores([0, 2, 9])
    assert odd["median_iou"] == pytest.approx(0.2)
    assert odd["mean_iou"] == pytest.approx(1.1 / 3)
    # IoU 0.1, 0.2, 0.6, 1.0: median (0.2 + 0.6) / 2 = 0.4 (the mean is 0.475)
    even = _scores([10, 1, 6, 2])  # not in order: the median sorts
    assert even["median_iou"] == pytest.approx(0.4)
    assert even["mean_iou"] == pytest.approx(0.475)


def test_a_wrong_class_scores_zero_in_every_iou_figure():
    # a perfect box with the wrong class: IoU 0 in the mean, the median and both shares
    result = evaluate(["cat", "dog", "dog"], [SQUARE] * 3, ["cat", "cat", "dog"],
                      [(0, 0, 10, 8), SQUARE, (0, 0, 10, 6)], ["cat", "dog"])
    assert result["accuracy"] == pytest.approx(2 / 3)
    assert result["mean_iou"] == pytest.approx((0.8 + 0 + 0.6) / 3)
    assert result["median_iou"] == pytest.approx(0.6)
    assert result["iou_ge_50"] == pytest.approx(2 / 3)
    assert result["iou_ge_75"] == pytest.approx(1 / 3)


def test_per_class_figures_are_over_that_class_only():
    # cat: IoU 1.0 and 0.5, both right; dog: one wrong (IoU 0) and one right at 0.6
    result = evaluate(["cat", "cat", "dog", "dog"], [SQUARE] * 4, ["cat", "cat", "cat", "dog"],
                      [SQUARE, (0, 0, 10, 5), SQUARE, (0, 0, 10, 6)], ["cat", "dog"])
    assert result["per_class"]["cat"] == {"count": 2, "accuracy": 1.0, "mean_iou": pytest.approx(0.75)}
    assert result["per_class"]["dog"] == {"count": 2, "accuracy": 0.5, "mean_iou": pytest.approx(0.3)}
    assert result["accuracy"] == pytest.approx(0.75)
    assert result["mean_iou"] == pytest.approx(2.1 / 4)
    # rows: truth (cat, dog); columns: predicted (cat, dog)
    assert result["confusion"] == [[2, 0], [1, 1]]
    assert result["class_names"] == ["cat", "dog"]


def test_confusion_follows_the_class_names_order():
    result = evaluate(["cat", "dog", "dog"], [SQUARE] * 3, ["dog", "dog", "dog"], [SQUARE] * 3, ["dog", "cat"])
    assert result["confusion"] == [[2, 0], [1, 0]]  # rows and columns: dog, cat


def test_best_gt_ties_go_to_the_first_object_and_other_class_to_the_best_overlap():
    two_cats = [("cat", SQUARE), ("cat", SQUARE)]
    assert best_gt_match(two_cats, "cat", (0, 0, 10, 5)).index == 0
    # no dog: the object the box overlaps most (the second) is the truth, with IoU 0
    objects = [("cat", (0, 0, 10, 2)), ("bird", (0, 0, 10, 9))]
    match = best_gt_match(objects, "dog", SQUARE)
    assert (match.index, match.label, match.iou, match.same_class) == (1, "bird", 0.0, False)


def test_a_photo_is_right_when_any_object_has_the_predicted_class():
    # a cat and a dog: predicting "dog" on the dog scores the dog, not the first (cat) object
    photo = [("cat", (0, 0, 10, 5)), ("dog", (0, 5, 10, 10))]
    result = evaluate_objects([photo], ["dog"], [(0, 5, 10, 10)], ["cat", "dog"])
    assert result["accuracy"] == 1.0
    assert result["mean_iou"] == 1.0
    assert result["per_class"]["dog"]["count"] == 1 and result["per_class"]["cat"]["count"] == 0
    assert result["confusion"] == [[0, 0], [0, 1]]


def test_no_image_gives_no_figure_not_nan():
    empty = evaluate([], [], [], [], ["cat"])
    assert empty["n_images"] == 0
    assert all(empty[key] is None for key in ("accuracy", "mean_iou", "median_iou", "iou_ge_50", "iou_ge_75"))
    assert empty["per_class"]["cat"] == {"count": 0, "accuracy": None, "mean_iou": None}


def test_a_photo_without_an_object_is_refused():
    # it would count as a miss of nothing; callers skip such photos with a reason
    with pytest.raises(ValueError, match="at least one"):
        evaluate_objects([[("cat", SQUARE)], []], ["cat", "cat"], [SQUARE, SQUARE], ["cat"])


def test_lengths_that_differ_are_refused():
    # refused by name, not by whatever zip() or numpy say further down
    with pytest.raises(ValueError, match="differ in length"):
        evaluate(["cat"], [SQUARE], ["cat"], [], ["cat"])
    with pytest.raises(ValueError, match="differ in length"):
        evaluate_objects([[("cat", SQUARE)]], ["cat", "cat"], [SQUARE, SQUARE], ["cat"])
    with pytest.raises(ValueError, match="1 ground-truth boxes but 3 predicted boxes"):
        per_image_iou([SQUARE], [SQUARE] * 3)  # one row would broadcast against three
    with pytest.raises(ValueError, match="differ in length"):
        evaluate(["cat", "cat"], [SQUARE], ["cat", "cat"], [SQUARE, SQUARE], ["cat"])


def test_box_objects_and_plain_sequences_mix_in_one_frame():
    from petloc_gui.core.boxes import Box

    # a tall Box against a wide tuple: 10 x 10 shared of 200 + 200
    assert per_image_iou([Box(0, 0, 10, 20)], [(0, 0, 20, 10)]).tolist() == pytest.approx([1 / 3])


def test_a_photo_without_objects_matches_nothing_and_scores_zero():
    match = best_gt_match([], "cat", SQUARE)
    assert match == GtMatch(None, None, 0.0, False)
