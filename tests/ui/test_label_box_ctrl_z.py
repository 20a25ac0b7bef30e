"""Ctrl+Z in the Label box: with "cat" typed over a box labelled dog, it left "cat" on screen and did nothing,
neither the text field's undo (the box's completion leaves its line edit no undo history) nor the window's Undo
(the line edit takes Ctrl+Z as a text field's key). Now, as in a text field, it takes the typing back: the box
shows the box's label again, unsaid, the keyboard still in it; with nothing typed there, it is the window's
Undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_label_box_typing_left import NOT_APPLIED, _label, _shown_with_a_dog, _type


def test_ctrl_z_takes_the_typing_back(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)  # (its last undo step: cat relabelled dog)
    typing_in = _type(qtbot, window, "cat")
    qtbot.keyClick(typing_in, Qt.Key_Z, Qt.ControlModifier)
    assert window.label_combo.currentText() == "dog" and _label(window) == "dog"  # the typing, not the relabel
    assert QApplication.focusWidget() is typing_in
    assert window.statusBar().currentMessage() != NOT_APPLIED.format("cat")
    qtbot.keyClicks(typing_in, "x")  # (the box's label selected: typing replaces it)
    assert window.label_combo.currentText() == "x"


def test_ctrl_z_with_nothing_typed_is_the_windows_undo(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    qtbot.mouseClick(window.label_combo.lineEdit(), Qt.LeftButton)
    typing_in = QApplication.focusWidget()
    assert window.label_combo.currentText() == "dog"
    qtbot.keyClick(typing_in, Qt.Key_Z, Qt.ControlModifier)
    assert _label(window) == "cat" and window.label_combo.currentText() == "cat"
