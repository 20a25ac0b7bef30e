"""Up/Down in the Label box step from the label it shows. The box showed the new image's (or box's) label as its
text alone when the image or the selected box changed while it kept the keyboard (a toolbar button, Go → Next
image, Select next box): its current item stayed the old label's, and the arrows stepped from there. Next image
onto a dog, the cat item still current: Up did nothing (already the first class), Down gave the dog it was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box

from .test_label_box_escape_after_arrows import _in_the_label_box, _label


def test_up_after_next_image_steps_from_the_label_shown(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder, row=0)
    assert window.label_combo.currentText() == "cat"
    window.act["next_image"].trigger()  # (a toolbar button: the keyboard stays in the box)
    assert window.session.current == 1 and window.label_combo.currentText() == "dog"
    qtbot.keyClick(typing_in, Qt.Key.Key_Up)
    assert _label(window, 1) == "cat" and window.label_combo.currentText() == "cat"


def test_down_after_next_image_from_the_menu_steps_from_the_label_shown(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder, row=1)
    window.menuBar().setFocus(Qt.FocusReason.MenuBarFocusReason)  # Alt+G: the menu bar has the keyboard
    window.act["next_image"].trigger()  # Next image: a cat, the dog's item current until now
    window.label_combo.setFocus(Qt.FocusReason.MenuBarFocusReason)  # the menu closed: back to the box
    assert QApplication.focusWidget() is typing_in and window.label_combo.currentText() == "cat"
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    assert _label(window, 2) == "dog"


def test_up_after_another_box_selected_steps_from_its_label(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder, row=0)
    window.edits.add_box(Box(60, 50, 100, 80), "dog")
    window.edits.select(0)
    window.act["next_box"].trigger()  # Select next box: the dog
    qtbot.keyClick(typing_in, Qt.Key.Key_Up)
    assert [obj.name for obj in window.session.store.document(0).objects] == ["cat", "cat"]
