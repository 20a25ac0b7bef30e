"""A run that ends without a model names its ending on the Retraining window's bar: "cancelled", "failed",
"not started" (another folder opened while its saved labels were checked), "not kept" (the new model could not
be stored). The bar was emptied with no word, or read "starting…"/"epoch 3/5 · step 2/6" under the message."""

from __future__ import annotations

import threading

import pytest

from petloc_gui.model.versions import VersionError
from petloc_gui.ui.training import retrain_saved_check
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_saved_check import CANCELLED, FOLDER_CHANGED

from .test_retrain_saved_edits_case_variants import _saving

pytestmark = pytest.mark.slow  # the runs are child processes (the stand-in worker, no TensorFlow)


def _held_check(monkeypatch) -> threading.Event:
    """The saved labels' check waits until the returned event is set (or 10 s)."""
    release = threading.Event()
    real = retrain_saved_check.run_case_variants

    def held(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(retrain_saved_check, "run_case_variants", held)
    return release


def test_a_run_cancelled_mid_run_says_cancelled_on_its_bar(qtbot, window, controller):
    controller.extra_worker_args = ["--steps", "50", "--delay", "0.05"]
    controller.start(RetrainOptions(epochs=20, save_first=False))
    qtbot.waitSignal(controller.process.event, timeout=20000,
                     check_params_cb=lambda e: e.get("event") == "batch").wait()
    progress = controller._progress_window()
    assert progress.progress.text().startswith("epoch 1/20")
    with qtbot.waitSignal(controller.run_finished, timeout=15000) as finished:
        progress.cancel_button.click()
    assert finished.args[0].cancelled
    assert progress.progress.text() == "cancelled"


def test_a_run_cancelled_while_its_saved_labels_are_checked_says_cancelled(qtbot, window, controller, monkeypatch):
    release = _held_check(monkeypatch)
    _saving(window, "bengal")
    try:
        assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
        progress = controller._progress_window()
        assert progress.progress.format() == "starting…"
        progress.cancel_button.click()
        assert progress.status.text() == CANCELLED
        assert progress.progress.text() == "cancelled"
    finally:
        release.set()


def test_a_failed_run_says_failed_on_its_bar(qtbot, window, controller):
    controller.extra_worker_args = ["--delay", "0", "--die-after", "4"]
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        controller.start(RetrainOptions(epochs=3, save_first=False))
    assert finished.args[0].exit_code == 70
    assert controller._progress_window().progress.text() == "failed"


def test_another_folder_opened_while_the_labels_are_checked_says_not_started(qtbot, window, controller,
                                                                              monkeypatch, tmp_path):
    release = _held_check(monkeypatch)
    _saving(window, "bengal")
    try:
        assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
        window._folder = tmp_path / "other"
        controller.folder_opened()
        progress = controller._progress_window()
        assert progress.status.text() == FOLDER_CHANGED
        assert progress.progress.text() == "not started"
    finally:
        release.set()


def test_a_new_model_that_cannot_be_kept_says_not_kept(qtbot, window, controller, monkeypatch):
    def refuse(staging, **record):
        raise VersionError("the disk is full")

    monkeypatch.setattr(controller.store, "commit", refuse)
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        controller.start(RetrainOptions(epochs=1, save_first=False))
    progress = controller._progress_window()
    assert "could not be kept: the disk is full" in progress.status.text()
    assert progress.progress.text() == "not kept"
