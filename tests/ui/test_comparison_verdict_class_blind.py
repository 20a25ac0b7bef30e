"""The Retraining window's verdict compares the boxes class-blind and says so: on images whose classes the
current model lacks, the table scores its boxes IoU 0 however well they fit (hunt: "its box fits better
on 32 … it lifts 32 to IoU ≥ 0.5" credited the new model with boxes that were only a class change). Every
image's boxes are compared so now (thirty-fourth session, D1), and the verdict counts the images where the
table's rule puts a box below its fit."""

from __future__ import annotations

from petloc_gui.core.paired_stats import MIN_IMAGES
from petloc_gui.model.comparison_class_blind import paired_class_blind
from petloc_gui.ui.training.comparison_verdict import verdict

N = MIN_IMAGES + 12


def _figures(accuracy, mean_iou, iou_ge_50):
    return {"accuracy": accuracy, "mean_iou": mean_iou, "iou_ge_50": iou_ge_50, "n_images": N}


def _paired(lacking):
    """The digits model with right boxes (0.9), of a class it lacks on the first ``lacking`` images; the new
    model with the class right everywhere and looser boxes (0.85)."""
    images = [f"{i}.png" for i in range(N)]
    old = {image: [False, 0.0, 0.9] if i < lacking else [True, 0.9, 0.9] for i, image in enumerate(images)}
    new = {image: [True, 0.85, 0.85] for image in images}
    return paired_class_blind(old, new, images)


def test_all_images_of_a_class_it_lacks():
    text = verdict(_figures(0.0, 0.0, 0.0), _figures(1.0, 0.85, 1.0), _paired(N))
    # the boxes fit worse, though the table's mean IoU is 0 for the current model: said as box fit, class aside
    assert text.startswith(f"Mixed: on these {N} images the new model's classes are right on more images "
                           "(accuracy), but its boxes fit worse (box fit, class aside), beyond chance;")
    assert f"the new model's box fits better on 0, worse on {N} and the same on 0" in text
    assert "it lifts 0 to IoU ≥ 0.5" in text
    assert ("The table's mean IoU and IoU ≥ 0.5 score each box only against an object of its class (IoU 0 when "
            f"there is none), so they score the current model's box below its fit on {N} images.") in text


def test_some_images_of_a_class_it_lacks_are_counted():
    text = verdict(_figures(0.0, 0.0, 0.0), _figures(1.0, 0.85, 1.0), _paired(5))
    assert "its boxes fit worse (box fit, class aside)" in text  # on every image, not the 5 alone
    assert "so they score the current model's box below its fit on 5 images." in text
    same_classes = verdict(_figures(1.0, 0.9, 1.0), _figures(1.0, 0.85, 1.0), _paired(0))
    assert "The table's mean IoU" not in same_classes and "its boxes fit worse" in same_classes
