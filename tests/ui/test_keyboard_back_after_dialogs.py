"""A dialog opened from the main window and closed gave the keyboard to the image, wherever it was before: an
annotator walking the Images list with the arrows had to click back into it. Edit → Classes gave it to the image
on purpose (`MainWindow.edit_classes`); with the list floating (a window of its own) every dialog did, as the
window system gives the keyboard back to the dialog's parent window, the main window. It now goes back to the
widget that had it when the dialog opened (`ui.keyboard_back`, around each dialog); a folder opened through a
dialog still gives it to the image, on purpose.

The offscreen platform activates no window when a dialog closes: `_escape_in_the_next_dialog` activates the
dialog's parent as the dialog goes, before its ``exec()`` returns, as X11 window managers, Windows and macOS
do (under X the window manager does it: scratch checks ran these under Xvfb + openbox too)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from petloc_gui.core.boxes import Box
from petloc_gui.ui.keyboard_back import keyboard_back
from petloc_gui.ui.training.retrain_controller import install_retraining

from .conftest import edit_b, open_and_wait, write_annotation


def _escape_in_the_next_dialog(opened: list[str], button: QMessageBox.StandardButton | str | None = None,
                               then: Callable[[], None] | None = None) -> None:
    """Escape in the next modal dialog once it has the keyboard (or its ``button`` clicked, a standard one or
    the one with that text; its class and title kept in ``opened``); then its parent window activated, as a
    window system does when a dialog closes (offscreen: nothing does), and ``then`` called (the next dialog's
    answer, for one the first leads to)."""

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or focus.window() is not dialog:
            QTimer.singleShot(20, press)
            return
        opened.append(f"{type(dialog).__name__}: {dialog.windowTitle()}")
        parent = dialog.parentWidget()
        if button is None:
            QTest.keyClick(focus, Qt.Key.Key_Escape)
        else:
            assert isinstance(dialog, QMessageBox)
            if isinstance(button, str):
                next(b for b in dialog.buttons() if b.text() == button).click()
            else:
                dialog.button(button).click()
        if QGuiApplication.platformName() == "offscreen" and parent is not None:
            parent.window().activateWindow()
        if then is not None:
            then()

    QTimer.singleShot(0, press)


def _settled(qtbot) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=5000)
    qtbot.wait(100)  # (the window system's activations, and Qt's focus after them, are events of their own)


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
    "File → Open folder (cancelled)": lambda window: window.act["open_folder"],
}


@pytest.mark.parametrize("floating", [False, True], ids=["docked", "floating"])
@pytest.mark.parametrize("opened_by", list(DIALOGS))
def test_the_keyboard_goes_back_to_the_image_list(qtbot, window, folder, opened_by, floating, monkeypatch):
    controller = install_retraining(window)  # Model → Retrain…, as the application adds it
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(False)
    edit_b(window)  # (Reload asks about it)
    _list_has_the_keyboard(qtbot, window, floating)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", _chooser_answering(""))  # (Qt's own: Escape, "")
    opened: list[str] = []
    _escape_in_the_next_dialog(opened)
    DIALOGS[opened_by](window).trigger()
    _settled(qtbot)
    assert len(opened) == 1  # the dialog opened, and had the keyboard
    assert QApplication.focusWidget() is window.file_dock.view, opened[0]
    assert QApplication.activeWindow() is window.file_dock.window()
    assert window.has_unsaved() and not controller.is_running()  # (Escape: the question's Cancel, no run)
    controller.shutdown()


def _chooser_answering(answer: str):
    """QFileDialog.getExistingDirectory as a modal dialog that takes the keyboard, as Qt's does, and answers
    ``answer`` however it is closed (Qt's own chooser needs a platform's file dialog: not in a test)."""

    def chosen(parent, *_args):
        dialog = QDialog(parent)
        dialog.setWindowTitle("Open image folder")
        QVBoxLayout(dialog).addWidget(QLineEdit(dialog))  # (the chooser's path field)
        dialog.exec()
        dialog.deleteLater()
        return answer

    return chosen


def test_a_folder_opened_from_the_floating_list_gives_the_image_the_keyboard(qtbot, window, folder, monkeypatch):
    # Ctrl+O's folder chosen: the image of the folder opened has the keyboard, as on any opening
    open_and_wait(qtbot, window, folder)
    _list_has_the_keyboard(qtbot, window, floating=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", _chooser_answering(str(folder)))
    opened: list[str] = []
    _escape_in_the_next_dialog(opened)  # (the folder is its answer all the same)
    window.act["open_folder"].trigger()
    _settled(qtbot)
    assert opened == ["QDialog: Open image folder"]
    assert QApplication.focusWidget() is window.panel.gt_pane
    assert QApplication.activeWindow() is window


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.SaveAll],
                         ids=["discard", "save-all"])
def test_a_reload_answered_discard_or_saved_gives_the_image_the_keyboard(qtbot, window, folder, answer):
    # F5 with unsaved edits, Discard or Save All (saved): the folder read again, its image has the keyboard, as on
    # any opening
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(False)
    edit_b(window)
    _list_has_the_keyboard(qtbot, window, floating=True)
    opened: list[str] = []
    _escape_in_the_next_dialog(opened, answer)
    window.act["reload_folder"].trigger()
    _settled(qtbot)
    assert opened == ["QMessageBox: Unsaved changes"] and not window.has_unsaved()
    assert QApplication.focusWidget() is window.panel.gt_pane
    assert QApplication.activeWindow() is window


@pytest.mark.parametrize("conflict_answer", [None, "Take theirs", "Show both"],
                         ids=["escape", "take-theirs", "show-both"])
def test_a_save_all_that_keeps_the_folder_open_gives_the_floating_list_the_keyboard_back(qtbot, window, folder,
                                                                                         conflict_answer):
    # F5 with an edit to b, which another program saved meanwhile: Save All, then the conflict answered Escape
    # (Cancel), Take theirs or Show both: the folder stays open, so the list that had the keyboard has it again
    # (it went to the image, as though a folder had been opened)
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(False)
    edit_b(window)
    write_annotation(folder / "b.png", [("dog", Box(1, 1, 30, 30))])
    session = window.session
    _list_has_the_keyboard(qtbot, window, floating=True)
    opened: list[str] = []
    _escape_in_the_next_dialog(opened, QMessageBox.StandardButton.SaveAll,
                               then=lambda: _escape_in_the_next_dialog(opened, conflict_answer))
    window.act["reload_folder"].trigger()
    _settled(qtbot)
    assert opened == ["QMessageBox: Unsaved changes", "QMessageBox: Changed by another program"]
    assert window.session is session  # (not left)
    view = window.file_dock.view
    assert QApplication.focusWidget() is view
    assert QApplication.activeWindow() is window.file_dock.window()
    row = view.currentIndex().row()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert view.currentIndex().row() == row + 1


def test_the_image_keeps_it_when_it_had_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.setFloating(True)
    qtbot.waitExposed(window.file_dock)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.focus_canvas()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.panel.gt_pane, timeout=5000)
    opened: list[str] = []
    _escape_in_the_next_dialog(opened)
    window.act["help"].trigger()
    _settled(qtbot)
    assert len(opened) == 1 and QApplication.focusWidget() is window.panel.gt_pane


def test_another_window_given_the_keyboard_meanwhile_keeps_it(qtbot, window, folder):
    # a window brought forward on purpose while the dialog was open (the Retraining window, as a run ends)
    open_and_wait(qtbot, window, folder)
    _list_has_the_keyboard(qtbot, window, floating=False)
    other = QWidget()
    qtbot.addWidget(other)
    field = QLineEdit(other)
    with keyboard_back():
        other.show()
        qtbot.waitExposed(other)
        other.activateWindow()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=5000)
    qtbot.wait(50)
    assert QApplication.focusWidget() is field


def test_a_widget_deleted_meanwhile_is_left_alone(qtbot, window, folder):
    # the widget with the keyboard deleted while the dialog was open: nothing to give back, and no error
    open_and_wait(qtbot, window, folder)
    _list_has_the_keyboard(qtbot, window, floating=False)
    field = QLineEdit(window.file_dock)
    field.show()
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=5000)
    with keyboard_back():  # (a RuntimeError here, had it asked the deleted widget whether it is shown)
        shiboken6.delete(field)
    focus = QApplication.focusWidget()
    assert focus is None or shiboken6.isValid(focus)
