"""Up/Down in the Label box after its class list changed while a box's label was shown: the list is refilled (a
folder scan finding a class, Edit → Classes… renaming one) and its first item became the current one, the box
still showing the label: shown "hound" (dog renamed), cat current, Up did nothing; shown dog, the list grown by
zebra, Down gave dog again. The item of the label shown is current after a refill, and the arrows step from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_label_box_escape_after_arrows import _in_the_label_box, _label


def _alt_l(qtbot, window):
    qtbot.keyClick(window.panel.gt_pane, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    return QApplication.focusWidget()


def test_dog_renamed_while_shown_then_up_gives_cat(qtbot, window, folder):
    from petloc_gui.ui.review.class_editor import ClassEditor

    _in_the_label_box(qtbot, window, folder, row=1)  # a dog
    window.focus_canvas()
    ClassEditor(window.session, window.edits, lambda: (), host=window).rename("dog", "hound")
    combo = window.label_combo
    assert _label(window, 1) == "hound" and combo.currentText() == "hound"
    assert window.labels.label_at(combo.currentIndex()) == "hound"
    qtbot.keyClick(_alt_l(qtbot, window), Qt.Key.Key_Up)
    assert _label(window, 1) == "cat" and combo.currentText() == "cat"


def test_class_list_grown_while_dog_shown_then_down_gives_the_next_class(qtbot, window, folder):
    _in_the_label_box(qtbot, window, folder, row=1)  # a dog
    window.focus_canvas()
    names = window.labels.names()
    assert names[-1] == "dog"
    window.labels.set_names([*names, "zebra"])  # (as folder_classes.refresh does when a scan finds one)
    assert window.labels.label_at(window.label_combo.currentIndex()) == "dog"
    qtbot.keyClick(_alt_l(qtbot, window), Qt.Key.Key_Down)
    assert _label(window, 1) == "zebra" and window.label_combo.currentText() == "zebra"
