"""The new-classes bar's "Train a model for these classes…" opens the Retrain dialog for the folder's first
model (held-out images, epochs) instead of starting 30 epochs at once; Cancel starts nothing."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.training.retrain_dialog import RetrainDialog

from .test_model_choice import _boxed_folder


def test_the_bars_button_opens_the_first_model_dialog(qtbot, window, tmp_path):
    from petloc_gui.ui.training.retrain_controller import install_retraining

    controller = install_retraining(window)
    _boxed_folder(tmp_path / "mine", [["bird"], ["car"]] * 3)
    assert window.open_folder(tmp_path / "mine", model=None)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    bar = window.models.new_classes
    qtbot.waitUntil(bar.button.isEnabled, timeout=5000)
    assert bar.button.text() == "Train a model for these classes…" and "Retrain dialog" in bar.button.toolTip()
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.windowTitle(), dialog.from_current.isVisible(), dialog.from_scratch.isChecked(),
                     dialog.epochs.value()) if isinstance(dialog, RetrainDialog) else dialog)
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(100, look)
    bar.button.click()
    assert seen == [("Train a model for this folder", False, True, 30)]
    assert not controller.is_running() and window.current_model_spec() == ""
    controller.shutdown()
