"""A label typed in the Label box that names a class apart from case (and the spaces around it) is that
class: "Abyssinian" typed on a folder of "abyssinian" made a second class, without a word, which then
counted as a class the model did not know (labelImg and labelme users hit this all the time)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box import LabelBox

from .conftest import open_and_wait


@pytest.mark.parametrize("typed", ["Dog", "DOG", "Dog ", "  dOg"])
def test_a_class_typed_in_another_case_is_that_class(qtbot, window, folder, typed):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: a cat
    qtbot.mouseClick(window.label_combo.lineEdit(), Qt.LeftButton)
    typing_in = QApplication.focusWidget()
    window.label_combo.lineEdit().selectAll()
    qtbot.keyClicks(typing_in, typed)
    qtbot.keyClick(typing_in, Qt.Key_Return)
    qtbot.wait(50)
    assert window.session.store.document(0).objects[0].name == "dog" and window.edits.stack().count() == 1
    assert window.label_combo.currentText() == "dog"
    qtbot.wait(50)  # the folder's classes are counted again
    assert [name for name in window.labels.names() if name.casefold() == "dog"] == ["dog"]  # no second class


def _box(qtbot, names: list[str]) -> tuple[LabelBox, QWidget]:
    """A Label box listing ``names``, and the window it is on (kept: the box goes with it)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    box = LabelBox(EditController(parent), parent)
    box.set_names(names)
    return box, parent


def test_the_class_of_a_typed_text_ignores_case_and_spaces_but_an_exact_name_wins(qtbot):
    box, _window = _box(qtbot, ["abyssinian", "bengal cat", "Dog", "dog"])
    assert box.label_of_text("Abyssinian") == "abyssinian"
    assert box.label_of_text(" ABYSSINIAN  ") == "abyssinian"
    assert box.label_of_text("Bengal   Cat") == "bengal cat"
    assert box.label_of_text("Dog") == "Dog" and box.label_of_text("dog") == "dog"  # both are classes: as typed
    assert box.label_of_text("DOG") == "Dog"  # neither exactly: the first in the list
    assert box.label_of_text(" New  class ") == "New class"  # no class: a new one, its spaces tidied
    # full-width letters (an East Asian input method) are the class too, as petloc train's refusal sees them
    assert box.label_of_text("\uff41\uff42\uff59\uff53\uff53\uff49\uff4e\uff49\uff41\uff4e") == "abyssinian"


def test_the_label_box_says_case_does_not_make_a_new_class(qtbot):
    box, _window = _box(qtbot, ["abyssinian"])
    assert "case" in box.combo.toolTip() and "Classes" in box.combo.toolTip()
