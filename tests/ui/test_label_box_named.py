"""The toolbar's Label box is named for a screen reader and reached by its key: its "Label:" text was a
QLabel of its own, linked to nothing, so the box (and the line edit typed into) was announced without a
name. The text is now the box's buddy ("&Label:", Alt+L) and the box and its line edit are named Label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel


def _name(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_the_label_box_has_a_name_and_its_caption_is_its_buddy(qtbot, window):
    combo = window.label_combo
    [caption] = [label for label in window.findChildren(QLabel) if label.buddy() is combo]
    assert caption.text().replace("&", "").strip() == "Label:" and caption.isVisible()
    assert _name(combo) == "Label" and _name(combo.lineEdit()) == "Label"


def test_alt_l_puts_the_keyboard_in_the_label_box_and_escape_gives_it_back(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.focus_canvas()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() in (window.label_combo, window.label_combo.lineEdit())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.panel.gt_pane
