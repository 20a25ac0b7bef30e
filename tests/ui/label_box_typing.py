"""The Label box typed in (Alt+L over a.png's cat, its text selected), and a pasted name it refuses, for the
tests of names the box cannot take (drawn as nothing, or holding a character no annotation can store)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def typing_in_the_label_box(qtbot, window, folder):
    """The widget the keyboard types in once Alt+L has moved it to the Label box over a.png's cat."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: a cat
    window.focus_canvas()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    window.label_combo.lineEdit().selectAll()
    return QApplication.focusWidget()


def assert_pasted_name_refused(qtbot, window, folder, typed: str, said: str) -> None:
    """``typed`` pasted in the Label box and Enter pressed: refused, ``said`` on the status line, nothing changed,
    the text left in the field with the keyboard for the user to correct."""
    typing_in = typing_in_the_label_box(qtbot, window, folder)
    QGuiApplication.clipboard().setText(typed)
    qtbot.keyClick(typing_in, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.label_combo.currentText() == typed  # (pasted whole)
    qtbot.keyClick(typing_in, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert window.session.store.document(0).objects[0].name == "cat"  # the box keeps its label
    assert not window.has_unsaved()
    assert window.edits.default_label != typed  # nor is it the next box's
    assert window.statusBar().currentMessage() == said
    assert window.label_combo.currentText() == typed  # there to be corrected
    assert QApplication.focusWidget() in (window.label_combo, window.label_combo.lineEdit())
