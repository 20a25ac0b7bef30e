"""Ctrl+T while a finished run's new model waits for Use / Discard: it opened a fresh Retrain dialog that
did not mention the waiting model, and the choice was Alt+M then Down four times away, then a Tab walk
round the chart, the log and the table to the buttons. Now Ctrl+T (and Model → Show training progress,
Alt+M then T) brings the Retraining window forward with the keyboard on "Use the new model"; once the
choice is made, Ctrl+T opens the Retrain dialog again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.training import retrain_start as module
from petloc_gui.ui.training.retrain_dialog import RetrainOptions


def _asked(monkeypatch) -> list[str]:
    """Record the Retrain dialogs opened (cancelled at once)."""
    asked: list[str] = []

    def ask_run(parent, spec, *args, **kwargs):
        asked.append(spec)
        return None

    monkeypatch.setattr(module, "ask_run", ask_run)
    return asked


def _finished_and_put_away(qtbot, window, controller):
    window.show()
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
    progress = controller._progress_window()
    qtbot.waitExposed(progress)
    progress.hide()  # Escape: the choice waits
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return progress


def test_ctrl_t_brings_the_waiting_choice_forward_before_any_new_run(qtbot, window, controller, monkeypatch):
    asked = _asked(monkeypatch)
    progress = _finished_and_put_away(qtbot, window, controller)
    assert progress.awaits_choice()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert asked == []  # no Retrain dialog over the model that waits
    assert progress.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is progress.comparison.use_button, timeout=5000)
    assert "waits for your choice" in window.statusBar().currentMessage()
    version = controller.new_version
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Use, by the keyboard
    assert controller.new_version is None and not progress.awaits_choice()
    assert window.adopted == [str(version.path)]
    controller.retrain_action.trigger()  # decided: Ctrl+T asks for the next run
    assert asked == [str(version.path)]


def test_show_training_progress_has_a_key_and_puts_the_keyboard_on_the_choice(qtbot, window, controller):
    progress = _finished_and_put_away(qtbot, window, controller)
    action = controller.show_progress_action
    assert action in window.model_menu.actions()
    assert QKeySequence.mnemonic(action.text()).toString() == "Alt+T"
    action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is progress.comparison.use_button, timeout=5000)
