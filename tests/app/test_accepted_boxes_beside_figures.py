"""A retrained version's own figures (meta.json ``metrics``) whose images hold boxes a person accepted unchanged
from a model say so wherever the window shows them (`app.model_metrics.metrics_text`: the status line, the
Dataset panel), from meta.json ``metrics_accepted_boxes`` (ADR 0013). Before, the status line read "acc 0.938 ·
IoU 0.839 on 16 validation images (too few …)" with no word that 15 of the 16 held its parent's boxes, while
`petloc models` warned of them."""

from __future__ import annotations

from petloc_gui.app.model_metrics import ACCEPTED_KEY, accepted_of, headline_metrics, metrics_text

FIGURES = {"n_images": 16, "accuracy": 0.9375, "mean_iou": 0.8394, "split": "validation (report part: did not "
           "choose the epoch)"}
RECORD = {"n_scored": 16, "n_images": 15, "from": {"model digits (d-1)": 15}, "relation": {"model digits (d-1)":
          "parent"}, "own": 0, "parent": 15, "warning": "15 of the 16 scored validation images have boxes accepted "
          "unchanged from model digits (d-1), which the new model was fine-tuned from: its figures on them flatter "
          "it", "person_drawn": {"n_images": 1, "n_labelled": 1, "accuracy": 1.0, "mean_iou": 0.855,
                                 "iou_ge_50": 1.0, "iou_ge_75": 1.0}}
META = {"version_id": "d-2", "parent": "digits", "metrics": FIGURES, ACCEPTED_KEY: RECORD}


def test_a_run_s_own_figures_say_how_many_of_their_images_hold_accepted_boxes():
    metrics, split = headline_metrics(META)
    assert accepted_of(metrics) == RECORD
    assert metrics_text(metrics, split) == ("acc 0.938 · IoU 0.839 on 16 validation images (15 of 16 hold boxes "
                                            "accepted from a model; too few images to tell models apart)")


def test_a_version_stored_by_petloc_train_shows_the_same():
    # a version `petloc train` put in the store: its record's figures are meta.json's own
    metrics, split = headline_metrics(META, dict(FIGURES))
    assert "15 of 16 hold boxes accepted from a model" in metrics_text(metrics, split)


def test_every_image_holding_accepted_boxes_is_said_as_all():
    record = {**RECORD, "n_scored": 5, "n_images": 5}
    metrics, split = headline_metrics({**META, "metrics": {**FIGURES, "n_images": 5}, ACCEPTED_KEY: record})
    assert "(all 5 hold boxes accepted from a model; too few" in metrics_text(metrics, split)


def test_the_comparison_s_figures_of_a_version_kept_in_the_window_carry_no_such_mark():
    # other images (its basis.hedges say it of them): the run's record is not about these figures
    compared = {"n_images": 24, "accuracy": 0.9, "mean_iou": 0.8, "basis": {"n_validation": 24, "hedges": []}}
    metrics, split = headline_metrics(META, compared)
    assert accepted_of(metrics) is None and "accepted" not in metrics_text(metrics, split)


def test_no_record_or_a_damaged_one_adds_nothing():
    for record in (None, {}, {"n_images": 0}, {"n_images": "many"}, {"n_images": 3, "x": float("nan")}):
        metrics, split = headline_metrics({**META, ACCEPTED_KEY: record})
        assert metrics_text(metrics, split) == "acc 0.938 · IoU 0.839 on 16 validation images (too few images to " \
                                               "tell models apart)"
