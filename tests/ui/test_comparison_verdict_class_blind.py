"""The Retraining window's verdict says when the boxes were compared class-blind: on images whose classes
the current model lacks, the table scores its boxes IoU 0 however well they fit (hunt: "its box fits better
on 32 … it lifts 32 to IoU ≥ 0.5" credited the new model with boxes that were only a class change)."""

from __future__ import annotations

from petloc_gui.core.paired_stats import MIN_IMAGES
from petloc_gui.model.comparison_class_blind import paired_class_blind
from petloc_gui.ui.training.comparison_verdict import verdict

N = MIN_IMAGES + 12


def _figures(accuracy, mean_iou, iou_ge_50):
    return {"accuracy": accuracy, "mean_iou": mean_iou, "iou_ge_50": iou_ge_50, "n_images": N}


def _paired(blind):
    images = [f"{i}.png" for i in range(N)]
    old = {image: [False, 0.0, 0.9] for image in images}  # the digits model: right boxes, no such class
    new = {image: [True, 0.85, 0.85] for image in images}
    return paired_class_blind(old, new, images, set(images[:blind]))


def test_all_images_of_a_class_it_lacks():
    text = verdict(_figures(0.0, 0.0, 0.0), _figures(1.0, 0.85, 1.0), _paired(N))
    # the boxes fit worse, though the table's mean IoU is 0 for the current model: said as class-blind
    assert text.startswith(f"Mixed: on these {N} images the new model is better on accuracy but worse on "
                           "class-blind mean IoU, beyond chance;")
    assert f"its box fits better on 0, worse on {N} and the same on 0" in text
    assert "it lifts 0 to IoU ≥ 0.5" in text
    assert (f"All {N} images are of classes the current model lacks: on them this box comparison is class-blind "
            "(each model's box against the object it overlaps most, whatever its class), where the table scores "
            "the current model's boxes IoU 0 for the class alone.") in text


def test_some_images_of_a_class_it_lacks_are_counted():
    text = verdict(_figures(0.0, 0.0, 0.0), _figures(1.0, 0.85, 1.0), _paired(5))
    assert "better on accuracy, mean IoU (class-blind on 5 images) and IoU ≥ 0.5 (class-blind on 5 images)" in text
    assert "5 of them are of classes the current model lacks: on them this box comparison is class-blind" in text
    assert "class-blind" not in verdict(_figures(0.0, 0.0, 0.0), _figures(1.0, 0.85, 1.0), _paired(0))
