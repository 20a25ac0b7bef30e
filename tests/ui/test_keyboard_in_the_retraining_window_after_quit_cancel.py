"""Quit with a run going (or a new model waiting for Use / Discard), Cancel the question: `confirm_quit` brings the
Retraining window forward with the keyboard on its log (or on Use), as the question promised. The watcher that
gives the keyboard back after a dialog (`ui.keyboard_after_dialogs`) took that for a landing in the wrong window
and, a turn of the event loop later, gave the keyboard back to the Images list (or the image) where it was when
the question opened: the Retraining window went inactive, keys meant for the log went to the list. Bringing the
Retraining window forward is a move made on purpose (`given_on_purpose`), as a folder opened is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.training.retrain_controller import install_retraining
from petloc_gui.ui.training.retrain_dialog import RetrainOptions

from .conftest import open_and_wait
from .escape_in_dialog import escape_in_the_next_dialog


def test_cancel_at_the_quit_question_leaves_the_keyboard_in_the_retraining_window(qtbot, window, folder):
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder)
    controller.worker_module = "tests.standin_worker"
    controller.extra_worker_args = ["--steps", "500", "--delay", "0.05"]
    window.file_dock.setFloating(True)  # the list a window of its own, with the keyboard
    qtbot.waitExposed(window.file_dock)
    listing = window.file_dock.view
    listing.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is listing.window(), timeout=5000)
    listing.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is listing, timeout=5000)
    assert controller.start(RetrainOptions(epochs=5, save_first=False))
    try:
        progress = controller._progress_window()
        seen: list[str] = []
        escape_in_the_next_dialog(seen)
        window.close()
        assert [title.split(": ", 1)[1] for title in seen] == ["Training in progress"]
        assert window.isVisible() and controller.is_running()
        qtbot.wait(300)  # (the watcher gave the keyboard back at a later turn of the event loop)
        assert QApplication.activeWindow() is progress
        assert QApplication.focusWidget() is progress.log
    finally:
        controller.shutdown()
