"""Esc in the Label box after an undo below the save: Alt+L on cat, Down (dog), Up (cat), a save (the file cat),
then Ctrl+Z (dog, unsaved), by the window's Undo or in the box itself. Esc put nothing back: the box stayed dog,
since the rule "never below the saved point" took the saved point to lie at or below where the image stands.
The saved point above it is no floor: Esc takes back the label changes down to where the box got the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_label_box_escape_after_a_save import _labels_on_disk
from .test_label_box_escape_after_arrows import _in_the_label_box, _label


def _saved_on_cat_then_undone_to_dog(qtbot, window, folder, undo) -> None:
    typing_in = _in_the_label_box(qtbot, window, folder)
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)  # dog
    qtbot.keyClick(typing_in, Qt.Key.Key_Up)  # cat
    qtbot.keyClick(typing_in, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.has_unsaved() and _labels_on_disk(window) == ["cat"]
    undo(typing_in)
    assert _label(window) == "dog" and window.has_unsaved()
    assert window.edits.stack().index() < window.edits.stack().cleanIndex()  # (below the save)


def test_window_undo_past_the_save_then_escape_puts_back_cat(qtbot, window, folder):
    _saved_on_cat_then_undone_to_dog(qtbot, window, folder, lambda _in: window.act["undo"].trigger())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert _label(window) == "cat" and window.label_combo.currentText() == "cat"
    assert _labels_on_disk(window) == ["cat"]


def test_ctrl_z_in_the_box_past_the_save_then_escape_puts_back_cat(qtbot, window, folder):
    _saved_on_cat_then_undone_to_dog(
        qtbot, window, folder, lambda typing_in: qtbot.keyClick(typing_in, Qt.Key.Key_Z,
                                                                 Qt.KeyboardModifier.ControlModifier))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert _label(window) == "cat" and window.label_combo.currentText() == "cat"
    assert _labels_on_disk(window) == ["cat"]
