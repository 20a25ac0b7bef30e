"""Typing in the Label box survives a menu reached by the keyboard: "cat" typed over a box labelled dog, then
Alt+G (or Alt alone, or a menu opened with the mouse and closed with Escape) put the keyboard in the menu bar
(Qt's MenuBarFocusReason), and the box went back to "dog", the status line saying the typed label was not
applied. A menu opened and closed with the mouse kept it; so does the keyboard now, and Enter applies it on
return. Leaving the menu bar for another widget (a click on the image) is leaving the box: dropped and said."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from .test_label_box_typing_left import NOT_APPLIED, _click_image, _label, _shown_with_a_dog, _type


def test_typing_kept_while_the_menu_bar_has_the_keyboard(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    typing_in = _type(qtbot, window, "cat")
    window.menuBar().setFocus(Qt.FocusReason.MenuBarFocusReason)  # as Alt alone, or Escape out of a menu
    assert window.label_combo.currentText() == "cat" and _label(window) == "dog"
    window.label_combo.setFocus(Qt.FocusReason.MenuBarFocusReason)  # Escape in the menu bar gives it back
    assert window.label_combo.currentText() == "cat" and _label(window) == "dog"
    assert window.statusBar().currentMessage() != NOT_APPLIED.format("cat")
    qtbot.keyClick(typing_in, Qt.Key_Return)
    assert _label(window) == "cat"


def test_alt_g_then_escape_twice_keeps_the_typing_and_enter_applies_it(qtbot, window, folder):
    """Real keys: Alt+G opens the Go menu, Escape closes it (the menu bar keeps the keyboard), Escape again
    gives the keyboard back to the box."""
    _shown_with_a_dog(qtbot, window, folder)
    typing_in = _type(qtbot, window, "cat")
    seen = {}

    def in_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        seen["menu"] = menu.title() if menu is not None else None
        QTest.keyClick(menu, Qt.Key_Escape)

    QTimer.singleShot(100, in_the_menu)  # (the menu opens before the key click returns)
    QTest.keyClick(typing_in, Qt.Key_G, Qt.AltModifier)
    qtbot.waitUntil(lambda: "menu" in seen and QApplication.activePopupWidget() is None, timeout=5000)
    assert seen["menu"] == "&Go" and QApplication.focusWidget() is window.menuBar()
    assert window.label_combo.currentText() == "cat" and _label(window) == "dog"
    QTest.keyClick(window.menuBar(), Qt.Key_Escape)
    assert QApplication.focusWidget() is window.label_combo
    assert window.label_combo.currentText() == "cat"
    assert window.statusBar().currentMessage() != NOT_APPLIED.format("cat")
    qtbot.keyClick(typing_in, Qt.Key_Return)
    assert _label(window) == "cat"


def test_a_click_on_the_image_from_the_menu_bar_drops_the_typing_and_says_so(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    _type(qtbot, window, "cat")
    window.menuBar().setFocus(Qt.FocusReason.MenuBarFocusReason)
    _click_image(window, 5, 5)
    assert QApplication.focusWidget() is window.panel.gt_pane
    assert window.label_combo.currentText() == "dog" and _label(window) == "dog"
    assert window.statusBar().currentMessage() == NOT_APPLIED.format("cat")
