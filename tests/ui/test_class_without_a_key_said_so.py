"""Edit → Classes after renaming the digits model's class 3 to "three" (s4, v6): every row read "N    key N" but
three's, which had nothing where its key goes, and the result said "The number keys moved: three has no key"
though no key moved (key 3 still gave 3, listed at the end as the model's class)."""

from __future__ import annotations

from petloc_gui.ui.review.class_editor import keys_moved, keys_note

from .conftest import class_list_dialog, open_and_wait

DIGITS = [str(digit) for digit in range(10)]


def test_a_rename_that_only_leaves_its_class_without_a_key_says_no_key_moved():
    now = ["0", "1", "2", "three", *DIGITS[4:], "3"]  # 3 stays listed: the model still predicts it
    moved = keys_moved(DIGITS, now, "3", "three")
    assert moved == [("three", None)]
    said = keys_note(moved)
    assert "moved" not in said
    assert said == " three has no number key (Edit → Classes… and F1 list every class's key)."


def test_keys_that_moved_are_still_said_with_a_class_left_without_one():
    said = keys_note([("fish", "1"), ("owl", None)])
    assert said == (" The number keys moved: key 1 gives fish, owl has no key (Edit → Classes… and F1 list every "
                    "class's key).")


def test_a_class_past_the_number_keys_says_so_in_its_row(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("\n".join(DIGITS) + "\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)  # then the model's cat and dog: the ten keys are the digits'
    dialog = class_list_dialog(qtbot, window)
    shown = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert shown == [f"{digit}    key {digit}" for digit in DIGITS] + ["cat    no key", "dog    no key"]
    assert dialog.names()[-2:] == ["cat", "dog"]
