"""In Edit → Classes…, Enter on a focused button presses that button, as everywhere else in Qt; no
button is the dialog's default, so Enter on the list renames (test_class_list_rename_keys.py).

The buttons were taken out of Enter's reach to stop Enter on the list opening "Add a class", and then
Enter on a focused Add…, Rename… or Delete fell through to the dialog's default, Close, and shut it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from .test_class_list_rename_keys import dialog  # noqa: F401 (the fixture)


def _focus(qtbot, button) -> None:
    button.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(button.hasFocus, timeout=2000)


@pytest.mark.parametrize("key", [Qt.Key_Return, Qt.Key_Enter])
@pytest.mark.parametrize("which, asked, names", [
    ("add_button", ["Add a class"], ["cat", "dog", "bird"]),
    ("rename_button", ["Rename a class"], ["cat", "bird"]),
    ("delete_button", [], ["cat"]),
])
def test_enter_on_a_focused_button_presses_it(qtbot, dialog, key, which, asked, names):  # noqa: F811
    _focus(qtbot, getattr(dialog, which))
    qtbot.keyClick(getattr(dialog, which), key, Qt.KeypadModifier if key == Qt.Key_Enter else Qt.NoModifier)
    assert dialog.asked == asked and dialog.names() == names
    assert dialog.isVisible()  # not closed by Enter


def test_enter_on_the_focused_close_button_closes(qtbot, dialog):  # noqa: F811
    close = dialog.close_button
    _focus(qtbot, close)
    qtbot.keyClick(close, Qt.Key_Return)
    assert not dialog.isVisible() and dialog.asked == []


def test_no_button_is_the_default_even_after_one_had_the_focus(qtbot, dialog):  # noqa: F811
    def defaults():
        return [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault()]

    assert defaults() == []
    _focus(qtbot, dialog.add_button)
    dialog.list.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(dialog.list.hasFocus, timeout=2000)
    assert defaults() == []
    qtbot.keyClick(dialog.list, Qt.Key_Return)  # still the list's: rename, never Add
    assert dialog.asked == ["Rename a class"]
