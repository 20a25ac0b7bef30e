"""core.metrics against hand-computed cases."""

from __future__ import annotations

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.metrics import evaluate, per_image_iou


def test_iou_hand_computed():
    gt = [Box(0, 0, 10, 10), (0, 0, 10, 10), (0, 0, 10, 10), (0, 0, 10, 10)]
    pred = [Box(0, 0, 10, 10), (5, 0, 15, 10), (20, 20, 30, 30), (0, 0, 5, 5)]
    # identical; half overlap: 50 / 150; disjoint (a miss counts, as 0); contained: 25 / 100
    assert per_image_iou(gt, pred).tolist() == pytest.approx([1.0, 1 / 3, 0.0, 0.25])


def test_degenerate_boxes_give_zero_not_nan():
    assert per_image_iou([(0, 0, 0, 0)], [(0, 0, 0, 0)]).tolist() == [0.0]


def test_evaluate_is_per_image_not_batch_summed():
    # A batch-summed IoU would weight the big box: (100 + 0) / (100 + 2) ~ 0.98.
    gt = [(0, 0, 10, 10), (0, 0, 1, 1)]
    pred = [(0, 0, 10, 10), (5, 5, 6, 6)]
    result = evaluate(["cat", "dog"], gt, ["cat", "cat"], pred, ["cat", "dog"])
    assert result["n_images"] == 2
    assert result["mean_iou"] == pytest.approx(0.5)
    assert result["accuracy"] == pytest.approx(0.5)
    assert result["iou_ge_50"] == pytest.approx(0.5)
    assert result["iou_ge_75"] == pytest.approx(0.5)
    assert result["confusion"] == [[1, 0], [1, 0]]  # rows GT, columns predicted
    assert result["per_class"]["cat"] == {"count": 1, "accuracy": 1.0, "mean_iou": 1.0}
    assert result["per_class"]["dog"] == {"count": 1, "accuracy": 0.0, "mean_iou": 0.0}


def test_class_without_examples_and_unknown_labels():
    result = evaluate(["cat", "bird"], [(0, 0, 2, 2)] * 2, ["cat", "cat"], [(0, 0, 2, 2)] * 2, ["cat", "dog"])
    assert result["per_class"]["dog"]["count"] == 0
    assert result["per_class"]["dog"]["accuracy"] is None
    assert result["accuracy"] == pytest.approx(0.5)  # "bird" is unknown to the model: wrong
    assert result["confusion"] == [[1, 0], [0, 0]]


def test_empty_and_mismatched_inputs():
    empty = evaluate([], [], [], [], ["a"])
    assert empty["n_images"] == 0 and empty["mean_iou"] is None
    with pytest.raises(ValueError):
        evaluate(["a"], [(0, 0, 1, 1)], [], [], ["a"])


def test_best_gt_match_picks_the_predicted_class_with_the_highest_iou():
    from petloc_gui.core.metrics import best_gt_match

    objects = [("cat", (0, 0, 10, 10)), ("dog", (0, 0, 10, 10)), ("cat", (20, 0, 30, 10))]
    match = best_gt_match(objects, "cat", (21, 0, 30, 10))
    assert (match.index, match.label, match.same_class) == (2, "cat", True)
    assert match.iou == pytest.approx(0.9)
    # the dog overlaps as well as the first cat, but only the dog has the predicted class
    match = best_gt_match(objects, "dog", (0, 0, 10, 5))
    assert (match.index, match.iou) == (1, pytest.approx(0.5))


def test_best_gt_match_other_class_only_scores_zero_against_the_best_overlap():
    from petloc_gui.core.metrics import best_gt_match

    objects = [("cat", (0, 0, 10, 10)), ("cat", (20, 0, 30, 10))]
    match = best_gt_match(objects, "dog", (20, 0, 30, 10))
    assert (match.index, match.label, match.iou, match.same_class) == (1, "cat", 0.0, False)
    assert best_gt_match([], "dog", (0, 0, 1, 1)).index is None


def test_evaluate_objects_two_animals_and_wrong_class():
    from petloc_gui.core.metrics import evaluate_objects

    two_cats = [("cat", (0, 0, 10, 10)), ("cat", (20, 0, 30, 10))]
    one_dog = [("dog", (0, 0, 10, 10))]
    # photo 1: the box on the second cat counts fully (not against the first object);
    # photo 2: a perfect box with the wrong class scores IoU 0 and is a cat-for-dog error.
    result = evaluate_objects([two_cats, one_dog], ["cat", "cat"], [(20, 0, 30, 10), (0, 0, 10, 10)], ["cat", "dog"])
    assert result["matching"] == "best-gt"
    assert result["mean_iou"] == pytest.approx(0.5)
    assert result["accuracy"] == pytest.approx(0.5)
    assert result["confusion"] == [[1, 0], [1, 0]]
    with pytest.raises(ValueError):
        evaluate_objects([[]], ["cat"], [(0, 0, 1, 1)], ["cat"])
