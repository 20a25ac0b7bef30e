"""Discard in the comparison asks before it deletes the new model.

Before (a keyboard hunt): Alt+D, or Shift+Tab from Use then Space, deleted the trained model at once, with no
question and no undo: one stray keystroke lost a run that may have taken hours (the quit question's Discard has
Cancel as its safe default). Now "Discard the new model?" is asked, Cancel the default and Escape's.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from petloc_gui.ui.training.retrain_dialog import RetrainOptions

pytestmark = pytest.mark.slow  # starts a child process


def _finished(qtbot, controller):
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
    assert controller.awaits_choice()
    return controller._progress_window().comparison


def _answer(qtbot, seen: dict, key: Qt.Key | None = None, button=None) -> None:
    """The question, once asked: what it says and its default noted, then answered by ``key`` or ``button``."""

    tries = [40]  # 2 s: then none was asked (the test says so), and no timer lingers into the next test

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] -= 1
            if tries[0]:
                QTimer.singleShot(50, answer)  # not open yet (a busy machine): looked at again
            return
        seen.update(title=box.windowTitle(), text=box.text(), parent=box.parentWidget(),
                    default=box.defaultButton() and box.standardButton(box.defaultButton()))
        if key is not None:
            qtbot.keyClick(box, key)
        else:
            box.button(button).click()

    QTimer.singleShot(100, answer)


def test_discard_answered_cancel_keeps_the_new_model(qtbot, window, controller):
    comparison = _finished(qtbot, controller)
    version = controller.new_version
    seen: dict = {}
    _answer(qtbot, seen, button=QMessageBox.StandardButton.Cancel)
    comparison.discard_button.click()
    assert seen.get("text") == "Discard the new model? Its files are deleted; this cannot be undone."
    assert seen["default"] == QMessageBox.StandardButton.Cancel  # Enter deletes nothing
    assert seen["parent"] is controller._progress_window()  # over the comparison it is about
    assert version.path.is_dir() and controller.new_version is version
    assert controller.awaits_choice() and comparison.use_button.isEnabled()  # the choice still waits


def test_escape_keeps_it_and_discard_deletes_it(qtbot, window, controller):
    comparison = _finished(qtbot, controller)
    version = controller.new_version
    seen: dict = {}
    _answer(qtbot, seen, key=Qt.Key.Key_Escape)
    comparison.discard_button.click()
    assert seen.get("title") and version.path.is_dir() and controller.new_version is version
    seen.clear()
    _answer(qtbot, seen, button=QMessageBox.StandardButton.Discard)
    comparison.discard_button.click()
    assert seen.get("title")
    assert not version.path.exists() and controller.new_version is None
    assert controller.store.list() == [] and window.set_model_calls == []
