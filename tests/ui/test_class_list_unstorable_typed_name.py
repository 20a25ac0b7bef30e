"""A class typed in Edit → Classes… (Add, Rename) that holds a character no annotation can store is refused,
the character named, by the rule a class of predefined_classes.txt is read by (`app.class_list`).

Before: "do\\x00g" (pasted) was added to the file and the list, a box got it, and Ctrl+S failed ("cannot write
annotation: All strings must be XML compatible…"); read again, the file no longer offered it."""

from __future__ import annotations

import pytest

from .class_editor_refusals import assert_add_refused, assert_rename_refused, class_editor
from .class_list_standins import shown_class_list
from .conftest import open_and_wait

UNSTORABLE = "(a control character, U+FFFE or U+FFFF): no box could be saved with that class, so nothing changed."


@pytest.mark.parametrize(("typed", "said"), [
    ("do\x00g", "do\\x00g holds U+0000, a character no annotation can store"),
    ("bad\ufffe", "bad\\ufffe holds U+FFFE, a character no annotation can store"),
    ("a\x01b\x02c\x01", "a\\x01b\\x02c\\x01 holds U+0001 and U+0002, characters no annotation can store"),
])
def test_an_added_class_no_annotation_can_store_is_refused(qtbot, window, folder, typed, said):
    assert_add_refused(qtbot, window, folder, typed, f"{said} {UNSTORABLE} Type the name without it.")


def test_a_rename_into_such_a_name_is_refused_before_any_box_is_relabelled(qtbot, window, folder):
    said = f"ca\\x1bt holds U+001B, a character no annotation can store {UNSTORABLE} Type the name without it."
    editor = assert_rename_refused(qtbot, window, folder, "ca\x1bt", said)
    assert "cat" in editor.names()


def test_the_dialog_says_why(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dialog = shown_class_list(qtbot, class_editor(window))
    dialog.add("do\x00g")
    assert dialog.result_line.text().startswith("do\\x00g holds U+0000")
    assert "do\x00g" not in dialog.names()
