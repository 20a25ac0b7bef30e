"""Esc in the Label box puts back the label the box had when the box got the keyboard (the arrows relabel as they
go). The image, or the selected box, can change while the keyboard stays there: Go → Next image from the menu (the
keyboard back in the box with the menu's focus reason, which keeps the mark), a toolbar button (no focus change at
all), Select next box. The mark stayed the old image's (or box's), and Esc after Down on the new one undid nothing:
the new image stayed "edited (unsaved)" with the arrows' label, though README and the box's tooltip say "Esc: the
label it had back". The mark now follows the image and the box shown while the box has the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box

from .test_label_box_escape_after_arrows import _in_the_label_box, _label


def test_next_image_by_a_toolbar_button_then_down_then_escape(qtbot, window, folder):
    _in_the_label_box(qtbot, window, folder, row=1)
    window.act["next_image"].trigger()  # (a toolbar button: the keyboard stays in the box)
    row = window.session.current
    assert row == 2 and _label(window, row) == "cat"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert _label(window, row) == "dog" and window.has_unsaved()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert _label(window, row) == "cat" and window.label_combo.currentText() == "cat"
    assert not window.has_unsaved()
    assert QApplication.focusWidget() is window.panel.gt_pane


def test_next_image_from_the_menu_then_up_then_escape(qtbot, window, folder):
    typing_in = _in_the_label_box(qtbot, window, folder, row=1)
    assert _label(window, 1) == "dog"
    window.menuBar().setFocus(Qt.FocusReason.MenuBarFocusReason)  # Alt+G: the menu bar has the keyboard
    window.act["next_image"].trigger()  # Next image
    window.label_combo.setFocus(Qt.FocusReason.MenuBarFocusReason)  # the menu closed: back to the box
    row = window.session.current
    assert row == 2 and _label(window, row) == "cat"
    qtbot.keyClick(typing_in, Qt.Key.Key_Down)
    assert _label(window, row) == "dog"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert _label(window, row) == "cat" and not window.has_unsaved()
    assert _label(window, 1) == "dog"  # (the image left: untouched)


def test_another_box_selected_then_up_then_escape(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    typing_in = _in_the_label_box(qtbot, window, folder, row=0)
    window.edits.add_box(Box(60, 50, 100, 80), "dog")  # (a second box, selected; then the first again)
    window.edits.select(0)
    assert QApplication.focusWidget() is typing_in
    window.act["next_box"].trigger()  # Select next box: the dog, the keyboard still in the Label box
    assert window.edits.selected == 1
    qtbot.keyClick(typing_in, Qt.Key.Key_Up)
    assert window.session.store.document(0).objects[1].name == "cat"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    objects = window.session.store.document(0).objects
    assert [obj.name for obj in objects] == ["cat", "dog"]
    assert window.edits.stack().index() == 1  # the box added stays (Ctrl+Z takes it back)
