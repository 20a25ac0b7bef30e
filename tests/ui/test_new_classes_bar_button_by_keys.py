"""The new-classes bar's "Train a model for these classes…" button takes Tab focus, but Space on it went to
the next image (Space is the window's Next to review) and Return/Enter did nothing: from the keyboard the
offer could not be taken. Space, Return and Enter press it now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def test_space_return_and_enter_press_the_train_button(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    bar = window.models.new_classes
    bar.show_for(frozenset({"abyssinian"}), frozenset())
    bar.button.setEnabled(True)  # as with three boxes per class (the counts are not the point here)
    pressed = []
    bar.train_requested.connect(lambda: pressed.append(True))
    for key in (Qt.Key_Space, Qt.Key_Return, Qt.Key_Enter):
        bar.button.setFocus(Qt.TabFocusReason)
        qtbot.waitUntil(bar.button.hasFocus, timeout=2000)
        qtbot.keyClick(bar.button, key)
        assert pressed == [True], key
        assert window.session.current == 0, key  # no other image shown
        pressed.clear()
