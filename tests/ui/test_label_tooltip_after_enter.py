"""After a class typed in the Label box and Enter, the box's tooltip (there to show a long name whole) still
named the class before: the box ignores the document's change while its line edit has the keyboard, which is
when Enter applies the label. It now names the class shown, and the line shows the name's start, as after a
pick."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def _tooltip_first_line(combo) -> str:
    """The tooltip's first line as the user reads it (it is rich text that shows the name literally)."""
    text = QTextDocument()
    text.setHtml(combo.toolTip())
    return text.toPlainText().splitlines()[0]


@pytest.mark.parametrize(("typed", "shown"), [
    ("Dog", "dog"),  # a class apart from case: that class, named as the list names it
    ("english_cocker_spaniel_of_the_longest_kind", "english_cocker_spaniel_of_the_longest_kind"),  # a new one
])
def test_enter_in_the_label_box_names_the_new_class_in_its_tooltip(qtbot, window, folder, typed, shown):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: a cat
    combo = window.label_combo
    qtbot.mouseClick(combo.lineEdit(), Qt.LeftButton)
    typing_in = QApplication.focusWidget()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(typing_in, typed)
    qtbot.keyClick(typing_in, Qt.Key_Return)
    qtbot.wait(50)
    assert window.session.store.document(0).objects[0].name == shown
    assert combo.currentText() == shown
    assert _tooltip_first_line(combo) == shown  # the class now on the box, not "cat"
    assert combo.lineEdit().cursorPosition() == 0  # the name from its start
