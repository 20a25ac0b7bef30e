"""The Retraining window gives a verdict only where the paired record holds one, and the image-by-image
counts always. Before: "The new model is worse on mean IoU" on 2 images, and "better on accuracy, mean
IoU and IoU ≥ 0.5" for accuracy 1.0 against 0.5 on 2 images, with no uncertainty (hunt_rt 2)."""

from __future__ import annotations

import pytest

from petloc_gui.core.paired_stats import MIN_IMAGES, paired_comparison
from petloc_gui.ui.training.model_comparison import ModelComparison
from petloc_gui.ui.training.retrain_progress import RetrainProgress


def _figures(accuracy, mean_iou, iou_ge_50, n_images):
    return {"accuracy": accuracy, "mean_iou": mean_iou, "iou_ge_50": iou_ge_50, "n_images": n_images}


@pytest.fixture
def table(qtbot):
    widget = ModelComparison()
    qtbot.addWidget(widget)
    return widget


def test_two_images_give_no_verdict_but_the_counts(table):
    paired = paired_comparison([True, True], [True, True], [0.98, 0.978], [0.70, 0.722])
    table.set_metrics(_figures(1.0, 0.979, 1.0, 2), _figures(1.0, 0.711, 1.0, 2), paired=paired)
    text = table.summary.text()
    assert text.startswith("Too few validation images to tell whether the new model is better or worse (2; a "
                           f"verdict needs at least {MIN_IMAGES}).")
    assert "The new model is worse" not in text and "interval" not in text
    assert ("Image by image: the new model gets the class right on 0 images the current one gets wrong, and wrong "
            "on 0 it gets right. Box fit, class aside") in text
    assert "the new model's box fits better on 0, worse on 2 and the same on 0" in text


def test_two_images_without_a_paired_record_give_no_verdict_either(table):
    table.set_metrics(_figures(0.5, 0.5, 0.5, 2), _figures(1.0, 0.9, 1.0, 2))
    assert table.summary.text().startswith("Too few validation images to tell whether the new model is better")
    assert "The new model is better" not in table.summary.text()


def test_a_difference_the_tests_tell_is_a_verdict_with_its_p_and_interval(table):
    n = MIN_IMAGES + 10
    old_iou = [0.60 + 0.01 * (i % 5) for i in range(n)]
    paired = paired_comparison([i % 3 != 0 for i in range(n)], [True] * n, old_iou, [v + 0.05 for v in old_iou])
    table.set_metrics(_figures(0.667, 0.62, 1.0, n), _figures(1.0, 0.67, 1.0, n), paired=paired)
    text = table.summary.text()
    # the class by its own test, the boxes class-blind: each said by the rule it follows
    assert text.startswith(f"The new model is better, beyond chance on these {n} images: its classes are right on "
                           "more images (accuracy) and its boxes fit better (box fit, class aside); no clear "
                           "difference on boxes at IoU ≥ 0.5 (class aside).")
    # the test's p beside the verdict, the interval named as the bootstrap's
    assert "(mean IoU change +0.050, sign-flip p < 0.001, bootstrap 95% interval +0.050 to +0.050)" in text


def test_differences_that_could_be_chance_are_said_so(table):
    n = MIN_IMAGES + 10
    right = [i % 2 == 0 for i in range(n)]
    paired = paired_comparison(right, [not r for r in right], [0.7] * n,
                               [0.7 + (0.1 if i % 2 else -0.1) for i in range(n)])
    table.set_metrics(_figures(0.5, 0.7, 1.0, n), _figures(0.5, 0.7, 1.0, n), paired=paired)
    assert table.summary.text().startswith(f"No clear difference between the two models on these {n} images")


def test_the_window_takes_the_paired_record_from_the_comparison_event(qtbot):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.begin(1)
    paired = paired_comparison([True, True], [True, True], [0.98, 0.978], [0.70, 0.722])
    old, new = _figures(1.0, 0.979, 1.0, 2), _figures(1.0, 0.711, 1.0, 2)
    progress.on_event({"event": "comparison", "old": old, "new": new, "note": "N.", "paired": paired})
    progress.show_result(old, new, "N.")
    text = progress.comparison.summary.text()
    assert text.startswith("Too few validation images to tell")
    # the counts come from the event's paired record only: without it the summary has the verdict's start alone
    assert "Image by image: the new model gets the class right on 0 images" in text
    assert "the new model's box fits better on 0, worse on 2 and the same on 0" in text


def test_no_verdict_on_mean_iou_when_every_image_reads_as_the_same(table):
    # review 1's finding 3: "better on mean IoU, beyond chance" above "the same on 30 ... +0.000 to +0.000"
    paired = paired_comparison([True] * 30, [True] * 30, [0.8] * 30, [0.8002] * 6 + [0.8] * 24)
    table.set_metrics(_figures(1.0, 0.8, 1.0, 30), _figures(1.0, 0.8, 1.0, 30), paired=paired)
    text = table.summary.text()
    assert text.startswith("No clear difference between the two models on these 30 images")
    assert "the same on 30" in text and "better" not in text.split("Image by image")[0]
