"""Esc in the Label box after its box was deleted and brought back: Alt+L on cat, Down (dog), the toolbar's Delete
box (no box selected for a moment, the keyboard still in the box), Undo (the same box back, selected), Esc: dog
stayed, the mark moved to "no box" and then to the box back, as if it had just got the keyboard. The moment with no
box selected keeps the mark: Esc puts back cat (the delete undone, nothing of it to take back)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box

from .conftest import write_annotation, write_image
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


def test_box_deleted_then_next_box_then_up_then_escape_puts_back_dog(qtbot, window, tmp_path):
    # The next box moves up into the deleted one's place (index 0): the old mark, below the delete, was kept, and
    # Esc found the delete among the steps since and put nothing back
    root = tmp_path / "two"
    root.mkdir()
    write_image(root / "a.png", seed=1)
    write_annotation(root / "a.png", [("cat", Box(10, 10, 50, 50)), ("dog", Box(60, 40, 100, 80))])
    _in_the_label_box(qtbot, window, root)
    window.act["delete"].trigger()  # (the toolbar's: no box selected, the keyboard still in the box)
    window.act["next_box"].trigger()  # (the dog box, now the first)
    assert window.edits.selected == 0 and _label(window) == "dog"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert _label(window) == "cat"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert _label(window) == "dog" and window.label_combo.currentText() == "dog"
    assert [o.name for o in window.session.store.document(0).objects] == ["dog"]  # (the delete stays)
