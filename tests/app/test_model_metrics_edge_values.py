"""What the window and `petloc models` show of recorded figures at their edges (`app.model_metrics`): a bool
is no figure, a version record with no figures leaves the bundle's shown, and 0.0 images is a count (none)."""

from __future__ import annotations

from petloc_gui.app.model_metrics import headline_metrics, image_count, metrics_text, usable_metrics


def test_a_bool_recorded_as_accuracy_is_not_a_figure():
    assert usable_metrics({"accuracy": True, "mean_iou": 0.5}) == {"mean_iou": 0.5}
    assert metrics_text({"accuracy": True, "mean_iou": 0.5}, "validation") == "IoU 0.500 on validation images"


def test_an_empty_version_record_leaves_the_bundles_figures_shown():
    meta = {"metrics": {"accuracy": 0.9, "mean_iou": 0.5, "split": "test"}}

    metrics, split = headline_metrics(meta, {})

    assert (metrics, split) == ({"accuracy": 0.9, "mean_iou": 0.5}, "test")
    assert metrics_text(metrics, split) == "acc 0.900 · IoU 0.500 on test images"


def test_no_images_written_as_a_float_is_a_count_of_none():
    assert image_count(0.0) == 0
    assert (metrics_text({"accuracy": 0.9, "n_images": 0.0}, "validation", held_out=0)
            == "no validation images: figures not measured")
