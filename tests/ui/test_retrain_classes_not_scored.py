"""The Retraining window says which classes the figures rest on no image of: in the comparison's note,
and for a folder's first model (shown without that note) too (hunt_fh 2)."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_progress import RetrainProgress

SAID = ("No image of the class star is among the 4 images these figures are on: they say nothing of how the "
        "new model does on it.")


def test_a_first_model_s_result_names_the_classes_it_was_not_measured_on(qtbot):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.begin(1, first_model=True)
    new = {"accuracy": 1.0, "mean_iou": 0.8, "iou_ge_50": 1.0, "n_images": 4}
    progress.on_event({"event": "comparison", "new": new, "old": None, "note": "…",
                       "classes_not_scored": ["star"], "classes_not_scored_note": SAID})
    progress.show_first_model(new)
    assert progress.comparison.summary.text().endswith(SAID)
    progress.begin(1, first_model=True)  # the next run's result does not keep this one's words
    progress.show_first_model(new)
    assert SAID not in progress.comparison.summary.text()
