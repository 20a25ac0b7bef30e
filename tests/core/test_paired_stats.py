"""The paired statistics the retrain verdict rests on (`core.paired_stats`): no verdict below MIN_IMAGES
images, and above it only a difference the tests tell (hunt_rt 2: "The new model is worse on mean IoU" on
2 images)."""

from __future__ import annotations

import pytest

from petloc_gui.core.paired_stats import (
    BETTER,
    MIN_IMAGES,
    TOO_FEW,
    UNCLEAR,
    WORSE,
    mcnemar_p,
    paired_comparison,
    paired_on,
)


def test_two_images_are_too_few_whatever_they_show():
    # the hunt's run: the current model's mean IoU 0.979 against 0.711, both classes right
    record = paired_comparison([True, True], [True, True], [0.98, 0.978], [0.70, 0.722])
    assert record["evidence"] == {"accuracy": TOO_FEW, "mean_iou": TOO_FEW, "iou_ge_50": TOO_FEW}
    assert record["iou"]["lower"] == 2 and record["class"]["both"] == 2 and record["n_images"] == 2


def test_a_consistent_gain_on_enough_images_is_told():
    n = MIN_IMAGES + 10
    old_iou = [0.60 + 0.01 * (i % 5) for i in range(n)]
    new_iou = [v + 0.05 for v in old_iou]
    old_right = [i % 3 != 0 for i in range(n)]  # the new model also gets the 10 the current one missed
    record = paired_comparison(old_right, [True] * n, old_iou, new_iou)
    assert record["class"] == {"new_only": 10, "old_only": 0, "both": 20, "neither": 0, "p": mcnemar_p(0, 10)}
    assert record["evidence"]["accuracy"] == BETTER and record["evidence"]["mean_iou"] == BETTER
    assert record["evidence"]["iou_ge_50"] == UNCLEAR  # every box is past 0.5 for both
    low, high = record["iou"]["interval"]
    assert low == pytest.approx(0.05) and high == pytest.approx(0.05)
    assert paired_comparison([True] * n, old_right, new_iou, old_iou)["evidence"]["mean_iou"] == WORSE


def test_changes_both_ways_tell_nothing():
    n = MIN_IMAGES + 10
    old_iou = [0.7] * n
    new_iou = [0.7 + (0.1 if i % 2 else -0.1) for i in range(n)]
    right = [i % 2 == 0 for i in range(n)]
    record = paired_comparison(right, [not r for r in right], old_iou, new_iou)
    assert record["evidence"] == {"accuracy": UNCLEAR, "mean_iou": UNCLEAR, "iou_ge_50": UNCLEAR}
    assert record["iou"]["higher"] == record["iou"]["lower"] == n // 2 and record["iou"]["same"] == 0


def test_paired_on_pairs_the_images_both_models_were_scored_on():
    old = {"a": [True, 0.9], "b": [False, 0.1], "c": [True, 0.5]}
    new = {"a": [True, 0.8], "b": [True, 0.7]}  # c could not be predicted by the new model
    record = paired_on(old, new, ["a", "b", "c", "d"])
    assert record["n_images"] == 2 and record["class"]["new_only"] == 1
    assert paired_on(None, new, ["a"]) is None and paired_on(old, new, ["d"]) is None


@pytest.mark.parametrize("new_iou", [
    [0.8002] * 6 + [0.8] * 24,  # review 1's finding 3: every image reads as "the same"
    [0.8 + 1e-7] * 30,  # a shift no figure shows, on every image: its interval excludes 0
    [0.8004] * 30,  # still below what reads as a change
])
def test_an_iou_change_every_image_reads_as_none_is_no_difference(new_iou):
    record = paired_comparison([True] * 30, [True] * 30, [0.8] * 30, new_iou)
    assert record["iou"]["same"] == 30
    assert record["evidence"]["mean_iou"] == UNCLEAR
    # the same shift the other way is no "worse" either
    assert paired_comparison([True] * 30, [True] * 30, new_iou, [0.8] * 30)["evidence"]["mean_iou"] == UNCLEAR


def test_an_iou_change_beyond_what_reads_as_none_on_every_image_is_told():
    record = paired_comparison([True] * 30, [True] * 30, [0.8] * 30, [0.8006] * 30)
    assert record["iou"]["higher"] == 30 and record["evidence"]["mean_iou"] == BETTER
    assert paired_comparison([True] * 30, [True] * 30, [0.8006] * 30, [0.8] * 30)["evidence"]["mean_iou"] == WORSE
