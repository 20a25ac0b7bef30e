"""A class typed in Edit → Classes… (Add, Rename) made of nothing but characters drawn as nothing ("\\u200b", a soft
hyphen, the Hangul filler U+3164) is refused, the name escaped, as an empty one is ("A class needs a name."), by the
rule a class of predefined_classes.txt is read by (`app.class_list.blank_note`).

Before: "\\u200b" was added to the file and the list, a row and a number key that looked empty."""

from __future__ import annotations

import pytest

from .class_editor_refusals import assert_add_refused, assert_rename_refused, class_editor
from .class_list_standins import shown_class_list
from .conftest import open_and_wait

REFUSED = "holds only characters drawn as nothing, so it would look like a class with no name; nothing changed."


@pytest.mark.parametrize(("typed", "shown"), [("\u200b", "\\u200b"), ("\u2060\u200b", "\\u2060\\u200b"),
                                              ("\xad", "\\xad"), ("\u3164", "\\u3164"), ("\ufe0f", "\\ufe0f")])
def test_an_added_class_drawn_as_nothing_is_refused(qtbot, window, folder, typed, shown):
    assert_add_refused(qtbot, window, folder, typed, f"A class needs a name that shows: {shown} {REFUSED}")


def test_a_rename_into_such_a_name_is_refused_before_any_box_is_relabelled(qtbot, window, folder):
    assert_rename_refused(qtbot, window, folder, "\u3164", f"A class needs a name that shows: \\u3164 {REFUSED}")


def test_the_dialog_says_why(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dialog = shown_class_list(qtbot, class_editor(window))
    dialog.add("\u200b")
    assert dialog.result_line.text().startswith("A class needs a name that shows: \\u200b holds only")
    assert "\u200b" not in dialog.names()
