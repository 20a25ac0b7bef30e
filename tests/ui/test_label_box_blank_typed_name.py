"""A class typed or pasted in the Label box (Alt+L, type, Enter) made of nothing but characters drawn as nothing
("\\u200b", "\\u2060\\u200b", a soft hyphen, the Hangul filler U+3164, a lone U+FE0F) is refused, as Edit →
Classes… refuses it (`app.class_list.blank_note`).

Before: a pasted "\\u200b" labelled the box with a class that looked empty, and a saved annotation kept it. Now
the box keeps its label, the status line says why, and the text stays in the field, the keyboard with it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from .label_box_typing import assert_pasted_name_refused, typing_in_the_label_box

WHY = "holds only characters drawn as nothing, so it would look like a class with no name; nothing changed."


@pytest.mark.parametrize(("typed", "said"), [
    ("\u200b", "\\u200b"),
    ("\u2060\u200b", "\\u2060\\u200b"),
    ("\xad", "\\xad"),
    ("\u3164", "\\u3164"),
    ("\ufe0f", "\\ufe0f"),
])
def test_a_pasted_name_drawn_as_nothing_is_refused(qtbot, window, folder, typed, said):
    assert_pasted_name_refused(qtbot, window, folder, typed, f"A class needs a name that shows: {said} {WHY}")


def test_a_name_with_a_letter_beside_the_invisible_one_labels_the_box(qtbot, window, folder):
    typing_in = typing_in_the_label_box(qtbot, window, folder)
    QGuiApplication.clipboard().setText("o\u200bwl")
    qtbot.keyClick(typing_in, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(typing_in, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert window.session.store.document(0).objects[0].name == "o\u200bwl"  # a name that shows: not refused
