"""meta.json "metrics" (`training_inputs.report_metrics`) holds no loss, whichever images its figures are on.

Before: the report part's figures dropped it, while a run with a single validation image (figures on the
selection set) kept the selection's loss and a run without validation images wrote "loss": null, the one
case a script met the key without a figure. The selection's loss stays in meta.json "selection_metrics"."""

from __future__ import annotations

from petloc_gui.model.training_inputs import SELECTION_ONLY, report_metrics

# `training_loop.EpochMonitor.restore_best`'s records (not imported: it loads keras)
NONE_HELD_OUT = {"split": "none (no validation images held out)", "n_images": 0, "loss": None}
ONE_IMAGE = {"split": "validation (selection: chose the best epoch)", "n_images": 1, "accuracy": 1.0,
             "mean_iou": 0.75, "loss": 0.3125}


def test_a_run_without_validation_images_records_no_loss():
    metrics = report_metrics(None, None, None, None, [], NONE_HELD_OUT)  # no report part: nothing is validated
    assert metrics == {"split": "none (no validation images held out)", "n_images": 0}


def test_figures_on_the_selection_set_record_no_loss():
    metrics = report_metrics(None, None, None, None, [], ONE_IMAGE)
    assert metrics == {"split": SELECTION_ONLY, "n_images": 1, "accuracy": 1.0, "mean_iou": 0.75}
    assert ONE_IMAGE["loss"] == 0.3125  # the selection's record (meta.json "selection_metrics") keeps it
