"""In Edit → Classes…, Enter, F2 or a double-click on a class renames it (as file managers and
labelme's label list do); Add… keeps its own key (Alt+A).

Add… was the dialog's default button, so Enter on the selected class opened "Add a class", and
nothing renamed from the list itself.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_accessible_names import FakeClasses


@pytest.fixture
def dialog(qtbot, monkeypatch):
    from petloc_gui.ui.editing.class_list_dialog import ClassListDialog

    dialog = ClassListDialog(FakeClasses())
    qtbot.addWidget(dialog)
    dialog.asked = []

    def ask_text(title, label, text=""):
        dialog.asked.append(title)
        return "bird", True

    monkeypatch.setattr(dialog, "_ask_text", ask_text)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    dialog.list.setCurrentRow(1)  # dog
    dialog.list.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(dialog.list.hasFocus, timeout=5000)
    return dialog


@pytest.mark.parametrize("key", [Qt.Key_Return, Qt.Key_Enter, Qt.Key_F2])
def test_a_key_on_the_selected_class_renames_it(qtbot, dialog, key):
    qtbot.keyClick(dialog.list, key)
    assert dialog.asked == ["Rename a class"]
    assert dialog.names() == ["cat", "bird"]
    assert dialog.isVisible()  # Enter did not close the dialog either


def test_a_double_click_renames_it(qtbot, dialog):
    viewport = dialog.list.viewport()
    rect = dialog.list.visualItemRect(dialog.list.item(0))
    qtbot.mouseClick(viewport, Qt.LeftButton, pos=rect.center())  # a double-click starts with a press
    qtbot.mouseDClick(viewport, Qt.LeftButton, pos=rect.center())
    # QTest's double-click leaves the button down in Qt's own button state, which made the next tests
    # (a dock floated "by its button", tests/ui/test_floating_image_list.py) take a drag for the user's
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=rect.center())
    assert dialog.asked == ["Rename a class"]
    assert dialog.names() == ["bird", "dog"]


def test_add_keeps_its_own_key_and_is_not_enters_default(qtbot, dialog):
    assert not dialog.add_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key_A, Qt.AltModifier)
    qtbot.waitUntil(lambda: dialog.asked == ["Add a class"], timeout=2000)  # a mnemonic animates its click
    assert dialog.names() == ["cat", "dog", "bird"]
