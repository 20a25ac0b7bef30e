"""A run that ends without a model leaves no "starting…" or "epoch 3/5 · step 2/6" on the Retraining window's bar."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_progress import RetrainProgress

CANCELLED = "Training was cancelled; the current model is unchanged."
FAILED = "Training failed in epoch 3: out of memory.\nThe current model is unchanged."


def _window(qtbot) -> RetrainProgress:
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.begin(5)
    return progress


def test_a_run_cancelled_before_its_first_step_no_longer_says_starting(qtbot):
    progress = _window(qtbot)
    assert progress.progress.format() == "starting…"  # busy bar: text() is empty until a range is set
    progress.show_failure(CANCELLED)
    assert progress.status.text() == CANCELLED
    assert "starting" not in progress.progress.format()
    assert progress.progress.text() == ""


def test_a_run_failed_in_epoch_3_no_longer_shows_its_last_step(qtbot):
    progress = _window(qtbot)
    progress.on_event({"event": "start", "epochs": 5, "steps_per_epoch": 6, "n_train": 30, "n_val": 5})
    progress.on_event({"event": "batch", "epoch": 3, "step": 2, "steps": 6})
    assert progress.progress.text() == "epoch 3/5 · step 2/6"
    progress.show_failure(FAILED)
    assert progress.progress.text() == ""
    assert progress.progress.value() == 0


def test_a_caller_may_name_the_ending_on_the_bar(qtbot):
    progress = _window(qtbot)
    progress.show_failure(CANCELLED, bar_text="cancelled")
    assert progress.progress.text() == "cancelled"
