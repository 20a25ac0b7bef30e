"""Esc in the Label box after a save: Down relabelled the box (cat to dog), Ctrl+S or the toolbar's Save wrote dog
and left the keyboard in the box, and Esc took the saved relabel back below the saved point: the screen showed cat,
"edited (unsaved)", the file held dog. Esc never takes back what was saved: only the changes made since."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_label_box_escape_after_arrows import _in_the_label_box, _label


def _labels_on_disk(window, row: int = 0) -> list[str]:
    from petloc_gui.core.voc import read_voc

    return [obj.name for obj in read_voc(window.session.store.document(row).annotation_path).objects]


def test_ctrl_s_then_escape_keeps_the_saved_label(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder)
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    qtbot.keyClick(typing_in, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.has_unsaved() and _labels_on_disk(window) == ["dog"]
    assert QApplication.focusWidget() in (window.label_combo, window.label_combo.lineEdit())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert _label(window) == "dog" and window.label_combo.currentText() == "dog"
    assert not window.has_unsaved()


def test_toolbar_save_then_escape_keeps_the_saved_label(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder)
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    window.act["save"].trigger()
    assert not window.has_unsaved()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert _label(window) == "dog" and not window.has_unsaved()


def test_escape_after_a_save_puts_back_the_saved_label(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder)
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    window.act["save"].trigger()
    qtbot.keyClick(typing_in, Qt.Key.Key_Up)  # (after the save: this one Esc takes back)
    assert _label(window) == "cat" and window.has_unsaved()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert _label(window) == "dog" and not window.has_unsaved()
    assert _labels_on_disk(window) == ["dog"]
