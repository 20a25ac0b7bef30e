"""A dialog opened from the main window and closed gave the keyboard to the image, wherever it was before: an
annotator walking the Images list with the arrows had to click back into it. Edit → Classes gave it to the image
on purpose (`MainWindow.edit_classes`); with the list floating (a window of its own) every dialog did, as the
window system gives the keyboard back to the dialog's parent window, the main window. It now goes back to the
widget that had it when the dialog opened (`ui.keyboard_after_dialogs`); a folder opened through a dialog still
gives it to the image, on purpose.

The offscreen platform activates no window when a dialog closes: `_closed_as_a_window_system_does` activates the
dialog's parent, as X11 window managers, Windows and macOS do (these tests pass under Xvfb + openbox too)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QVBoxLayout

from petloc_gui.ui.training.retrain_controller import install_retraining

from .conftest import edit_b, open_and_wait
from .escape_in_dialog import escape_in_the_next_dialog


def _closed_as_a_window_system_does(qtbot, window) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    if QApplication.activeWindow() is None:  # (offscreen: nothing active once the dialog is gone)
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=5000)
    qtbot.wait(50)  # (the keyboard is given back at a later turn of the event loop)


def _list_has_the_keyboard(qtbot, window, floating: bool) -> None:
    dock = window.file_dock
    if floating:
        dock.setFloating(True)
        qtbot.waitExposed(dock)
    dock.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dock.window(), timeout=5000)
    dock.view.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dock.view, timeout=5000)


DIALOGS = {  # the action that opens each (its menu entry and its keys)
    "Edit → Classes": lambda window: window.act["classes"],
    "Help → Keyboard shortcuts": lambda window: window.act["help"],
    "Help → About": lambda window: window.act["about"],
    "File → Reload with unsaved edits (the save question)": lambda window: window.act["reload_folder"],
    "Model → Retrain": lambda window: window.retrain_controller.retrain_action,
}


@pytest.mark.parametrize("floating", [False, True], ids=["docked", "floating"])
@pytest.mark.parametrize("opened_by", list(DIALOGS))
def test_the_keyboard_goes_back_to_the_image_list(qtbot, window, folder, opened_by, floating):
    controller = install_retraining(window)  # Model → Retrain…, as the application adds it
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(False)
    edit_b(window)  # (Reload asks about it)
    _list_has_the_keyboard(qtbot, window, floating)
    opened: list[str] = []
    escape_in_the_next_dialog(opened)
    DIALOGS[opened_by](window).trigger()
    _closed_as_a_window_system_does(qtbot, window)
    assert len(opened) == 1  # the dialog opened, and had the keyboard
    assert QApplication.focusWidget() is window.file_dock.view, opened[0]
    assert QApplication.activeWindow() is window.file_dock.window()
    assert window.has_unsaved() and not controller.is_running()  # (Escape: the question's Cancel, no run)
    controller.shutdown()


def test_the_image_keeps_it_when_it_had_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.setFloating(True)
    qtbot.waitExposed(window.file_dock)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.focus_canvas()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.panel.gt_pane, timeout=5000)
    opened: list[str] = []
    escape_in_the_next_dialog(opened)
    window.act["help"].trigger()
    _closed_as_a_window_system_does(qtbot, window)
    assert len(opened) == 1 and QApplication.focusWidget() is window.panel.gt_pane


def test_a_folder_opened_from_the_floating_list_gives_the_image_the_keyboard(qtbot, window, folder, monkeypatch):
    # Ctrl+O's folder chosen: the image of the folder opened has the keyboard, as on any opening
    open_and_wait(qtbot, window, folder)
    _list_has_the_keyboard(qtbot, window, floating=True)
    opened: list[str] = []

    def chosen(parent, *_args):
        dialog = QDialog(parent)  # a modal dialog that takes the keyboard, as the folder chooser does
        dialog.setWindowTitle("Open image folder")
        QVBoxLayout(dialog).addWidget(QLineEdit(dialog))  # (the chooser's path field)
        escape_in_the_next_dialog(opened)  # (the folder is its answer all the same)
        dialog.exec()
        dialog.deleteLater()
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", chosen)
    window.act["open_folder"].trigger()
    _closed_as_a_window_system_does(qtbot, window)
    assert opened == ["QDialog: Open image folder"]
    assert QApplication.focusWidget() is window.panel.gt_pane
    assert QApplication.activeWindow() is window
