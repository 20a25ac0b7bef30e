"""A class typed in Edit → Classes… (Add, Rename) made of nothing but characters drawn as nothing ("\\u200b", a soft
hyphen, the Hangul filler U+3164) is refused, the name escaped, as an empty one is ("A class needs a name."), by the
rule a class of predefined_classes.txt is read by (`app.class_list.blank_note`).

Before: "\\u200b" was added to the file and the list, a row and a number key that looked empty."""

from __future__ import annotations

import pytest

from petloc_gui.app.class_list import classes_path

from .class_list_standins import shown_class_list
from .conftest import open_and_wait

REFUSED = "holds only characters drawn as nothing, so it would look like a class with no name; nothing changed."


def _editor(window):
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info
    return ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)


@pytest.mark.parametrize(("typed", "shown"), [("\u200b", "\\u200b"), ("\u2060\u200b", "\\u2060\\u200b"),
                                              ("\xad", "\\xad"), ("\u3164", "\\u3164"), ("\ufe0f", "\\ufe0f")])
def test_an_added_class_drawn_as_nothing_is_refused(qtbot, window, folder, typed, shown):
    classes_path(folder).write_text("cat\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    assert editor.add(typed) == f"A class needs a name that shows: {shown} {REFUSED}"
    assert classes_path(folder).read_text(encoding="utf-8") == "cat\n"
    assert typed not in editor.names() and typed not in window.labels.names()


def test_a_rename_into_such_a_name_is_refused_before_any_box_is_relabelled(qtbot, window, folder):
    classes_path(folder).write_text("cat\ndog\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    assert editor.rename("cat", "\u3164") == f"A class needs a name that shows: \\u3164 {REFUSED}"
    assert not window.has_unsaved()  # no box relabelled
    assert window.session.classes.rows_labelled("cat")
    assert classes_path(folder).read_text(encoding="utf-8") == "cat\ndog\n"


def test_the_dialog_says_why(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dialog = shown_class_list(qtbot, _editor(window))
    dialog.add("\u200b")
    assert dialog.result_line.text().startswith("A class needs a name that shows: \\u200b holds only")
    assert "\u200b" not in dialog.names()
