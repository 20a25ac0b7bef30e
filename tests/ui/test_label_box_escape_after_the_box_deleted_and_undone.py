"""Esc in the Label box after its box was deleted and brought back: Alt+L on cat, Down (dog), the toolbar's Delete
box (no box selected for a moment, the keyboard still in the box), Undo (the same box back, selected), Esc: dog
stayed, the mark moved to "no box" and then to the box back, as if it had just got the keyboard. The moment with no
box selected keeps the mark: Esc puts back cat (the delete undone, nothing of it to take back)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_label_box_escape_after_arrows import _in_the_label_box, _label


def test_box_deleted_and_undone_then_escape_puts_back_cat(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder)
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    assert _label(window) == "dog"
    window.act["delete"].trigger()
    assert window.edits.selected == -1
    window.act["undo"].trigger()
    assert window.edits.selected == 0 and _label(window) == "dog"
    assert QApplication.focusWidget() in (window.label_combo, window.label_combo.lineEdit())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert _label(window) == "cat" and window.label_combo.currentText() == "cat"
    assert not window.has_unsaved()


def test_box_deleted_then_escape_undoes_nothing(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder)
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    window.act["delete"].trigger()
    depth = window.edits.stack().index()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # (no box selected: no label to put back)
    assert window.edits.stack().index() == depth and window.session.store.document(0).objects == []
