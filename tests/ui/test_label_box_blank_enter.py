"""Enter on a Label box emptied (Ctrl+A, Backspace) or holding spaces alone is a cancel, as Escape: no class can
be blank. Before, the emptied box stayed blank over a "dog" box, unsaid, and spaces + Enter said "not applied:
press Enter in the Label box to apply it", just pressed. And after Enter refused a name drawn as nothing, Tab
advised Enter again, the key just refused: now it says the typing was not applied, no more."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .test_label_box_typing_left import _label, _shown_with_a_dog, _type


@pytest.mark.parametrize("typed", ["", "   "])
def test_enter_on_a_blank_box_shows_the_label_again(qtbot, window, folder, typed):
    _shown_with_a_dog(qtbot, window, folder)  # a.png's box relabelled dog, saved, selected
    said_before = window.statusBar().currentMessage()
    typing_in = _type(qtbot, window, "x")
    qtbot.keyClick(typing_in, Qt.Key_Backspace)  # emptied, as Ctrl+A and Backspace leave it
    if typed:
        qtbot.keyClicks(typing_in, typed)
    assert window.label_combo.currentText() == typed
    qtbot.keyClick(typing_in, Qt.Key_Return)
    assert _label(window) == "dog" and not window.has_unsaved()
    assert window.label_combo.currentText() == "dog"
    assert window.statusBar().currentMessage() == said_before  # a cancel: nothing said
    assert QApplication.focusWidget() is window.panel.gt_pane


def _enter_refused_a_name_drawn_as_nothing(qtbot, window, folder):
    """The Label box over a.png's dog emptied, "\\u200b" pasted and Enter pressed: the widget typed in."""
    _shown_with_a_dog(qtbot, window, folder)
    typing_in = _type(qtbot, window, "x")
    qtbot.keyClick(typing_in, Qt.Key_Backspace)
    QGuiApplication.clipboard().setText("\u200b")
    qtbot.keyClick(typing_in, Qt.Key_V, Qt.ControlModifier)
    qtbot.keyClick(typing_in, Qt.Key_Return)
    return typing_in


def test_leaving_after_a_refused_name_gives_no_enter_advice(qtbot, window, folder):
    typing_in = _enter_refused_a_name_drawn_as_nothing(qtbot, window, folder)
    assert window.statusBar().currentMessage().startswith("A class needs a name that shows")  # refused, said why
    qtbot.keyClick(typing_in, Qt.Key_Tab)
    assert _label(window) == "dog" and window.label_combo.currentText() == "dog"
    assert window.statusBar().currentMessage() == "Typed label '\\u200b' not applied"


def test_a_name_changed_after_a_refusal_is_advised_enter_again(qtbot, window, folder):
    """(The advice is left out for the text Enter refused, not for typing since.)"""
    typing_in = _enter_refused_a_name_drawn_as_nothing(qtbot, window, folder)
    qtbot.keyClick(typing_in, Qt.Key_O)
    qtbot.keyClick(typing_in, Qt.Key_Tab)
    assert window.statusBar().currentMessage() == (
        "Typed label '\\u200bo' not applied and cleared: type it again in the Label box and press Enter to apply it")
