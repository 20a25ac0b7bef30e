"""Up/Down in the Label box (Alt+L) relabel the selected box at each press (Qt's combo box keys, the box seen
changing as they go), and Esc, which the README calls a cancel, left the last of them applied: only Ctrl+Z, once
per press, took them back. Now Esc puts back the label the box had when the Label box got the keyboard (the
undo steps of those presses taken back: the image as it was, saved or not), and gives the keyboard back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def _in_the_label_box(qtbot, window, folder, row: int = 0):
    """Image ``row`` shown, the keyboard moved to the Label box with Alt+L; the widget it is in."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(row)
    window.focus_canvas()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    typing_in = QApplication.focusWidget()
    assert typing_in in (window.label_combo, window.label_combo.lineEdit())
    return typing_in


def _label(window, row: int = 0) -> str:
    return window.session.store.document(row).objects[0].name


def test_escape_puts_back_the_label_the_arrows_changed(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder)
    assert _label(window) == "cat"
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    assert _label(window) == "dog" and window.has_unsaved()  # (the arrows relabel as they go)
    qtbot.keyClick(typing_in, Qt.Key.Key_Up)
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    qtbot.keyClick(typing_in, Qt.Key.Key_Escape)
    assert _label(window) == "cat" and window.label_combo.currentText() == "cat"
    assert not window.has_unsaved()
    assert not window.edits.stack().canUndo()  # nothing left to undo: the image as it was
    assert QApplication.focusWidget() is window.panel.gt_pane


def test_escape_keeps_the_edits_made_before_the_label_box_got_the_keyboard(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.labels.pick(2)  # (the second class, dog: an edit made before the box got the keyboard)
    assert _label(window) == "dog"
    window.focus_canvas()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    typing_in = QApplication.focusWidget()
    qtbot.keyClick(typing_in, Qt.Key.Key_Up)
    assert _label(window) == "cat"
    qtbot.keyClick(typing_in, Qt.Key.Key_Escape)
    assert _label(window) == "dog" and window.edits.stack().index() == 1  # the pick stays, Ctrl+Z takes it back


def test_enter_after_the_arrows_keeps_their_label(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder)
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    qtbot.keyClick(typing_in, Qt.Key.Key_Return)
    assert _label(window) == "dog"
    assert QApplication.focusWidget() is window.panel.gt_pane
    qtbot.keyClick(window.panel.gt_pane, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # (a new visit to the box: nothing to put back)
    assert _label(window) == "dog"


def test_enter_on_an_emptied_box_after_the_arrows_is_a_cancel_as_escape(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder)
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    assert _label(window) == "dog"
    window.label_combo.lineEdit().selectAll()
    qtbot.keyClick(typing_in, Qt.Key.Key_Delete)
    qtbot.keyClick(typing_in, Qt.Key.Key_Return)
    assert _label(window) == "cat" and window.label_combo.currentText() == "cat"
    assert not window.has_unsaved()
    assert QApplication.focusWidget() is window.panel.gt_pane
