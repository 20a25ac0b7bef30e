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

from .label_box_typing import assert_pasted_name_refused, typing_in_the_label_box

WHY = ("(a control character, U+FFFE or U+FFFF): no box could be saved with that class, so nothing changed. "
       "Type the name without it.")


@pytest.mark.parametrize(("typed", "said"), [
    ("do\x00g", "do\\x00g holds U+0000, a character no annotation can store"),
    ("bad\ufffe", "bad\\ufffe holds U+FFFE, a character no annotation can store"),
    ("a\x01b\x02c\x01", "a\\x01b\\x02c\\x01 holds U+0001 and U+0002, characters no annotation can store"),
])
def test_a_pasted_name_no_annotation_can_store_is_refused(qtbot, window, folder, typed, said):
    assert_pasted_name_refused(qtbot, window, folder, typed, f"{said} {WHY}")


def test_the_name_corrected_then_labels_the_box(qtbot, window, folder):
    typing_in = typing_in_the_label_box(qtbot, window, folder)
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
