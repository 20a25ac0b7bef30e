"""A class typed or pasted in the Label box (Alt+L, type, Enter) that holds a character no annotation can store
is refused, the character named, as Edit → Classes… refuses it (`app.unstorable_class.unstorable_note`).

Before: "do\\x00g" (pasted) labelled the box, and Ctrl+S failed ("cannot write annotation: All strings must
be XML compatible…") without naming the label. Now the box keeps its label, the status line says why, and
the text stays in the field, the keyboard with it, for the user to correct."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait

WHY = ("(a control character, U+FFFE or U+FFFF): no box could be saved with that class, so nothing changed. "
       "Type the name without it.")


def _typing_in_the_label_box(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: a cat
    window.focus_canvas()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    window.label_combo.lineEdit().selectAll()
    return QApplication.focusWidget()


@pytest.mark.parametrize(("typed", "said"), [
    ("do\x00g", "do\\x00g holds U+0000, a character no annotation can store"),
    ("bad\ufffe", "bad\\ufffe holds U+FFFE, a character no annotation can store"),
    ("a\x01b\x02c\x01", "a\\x01b\\x02c\\x01 holds U+0001 and U+0002, characters no annotation can store"),
])
def test_a_pasted_name_no_annotation_can_store_is_refused(qtbot, window, folder, typed, said):
    typing_in = _typing_in_the_label_box(qtbot, window, folder)
    QGuiApplication.clipboard().setText(typed)
    qtbot.keyClick(typing_in, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.label_combo.currentText() == typed  # (pasted whole)
    qtbot.keyClick(typing_in, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert window.session.store.document(0).objects[0].name == "cat"  # the box keeps its label
    assert not window.has_unsaved()
    assert window.edits.default_label != typed  # nor is it the next box's
    assert window.statusBar().currentMessage() == f"{said} {WHY}"
    assert window.label_combo.currentText() == typed  # there to be corrected
    assert QApplication.focusWidget() in (window.label_combo, window.label_combo.lineEdit())


def test_the_name_corrected_then_labels_the_box(qtbot, window, folder):
    typing_in = _typing_in_the_label_box(qtbot, window, folder)
    QGuiApplication.clipboard().setText("do\x00g")
    qtbot.keyClick(typing_in, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(typing_in, Qt.Key.Key_Return)
    line = window.label_combo.lineEdit()
    line.setCursorPosition(3)  # after the NUL
    qtbot.keyClick(typing_in, Qt.Key.Key_Backspace)
    assert window.label_combo.currentText() == "dog"
    qtbot.keyClick(typing_in, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert window.session.store.document(0).objects[0].name == "dog"
    assert QApplication.focusWidget() is window.panel.gt_pane  # back to the image, as after any label typed
