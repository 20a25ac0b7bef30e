"""The notes said of predefined_classes.txt's lines that are not offered, word for word: one class and many, of
each kind (no annotation could store it, drawn as nothing), alone and together, and beside the note of the lines
past `MAX_CLASSES`, in the order they are said (`cli.class_file_notes` sets apart the name of the first)."""

from __future__ import annotations

from petloc_gui.app import class_list
from petloc_gui.app.class_list import classes_on_disk, classes_path

UNSTORABLE_ONE = ("predefined_classes.txt: the class on line 2, do\\x00g, is not offered: it holds a character no "
                  "annotation can store (a control character, U+FFFE or U+FFFF), so no box could be saved with it; "
                  "its line stays in the file")
UNSTORABLE_MANY = ("predefined_classes.txt: the class on line 2, do\\x00g, and 1,001 more are not offered: they hold "
                   "a character no annotation can store (a control character, U+FFFE or U+FFFF), so no box could be "
                   "saved with them; their lines stay in the file")
BLANK_ONE = ("predefined_classes.txt: the class on line 3, \\u200b, is not offered: it holds only characters drawn "
             "as nothing, so it would look like a class with no name; its line stays in the file")
BLANK_MANY = ("predefined_classes.txt: the class on line 3, \\u200b, and 1,001 more are not offered: they hold only "
              "characters drawn as nothing, so each would look like a class with no name; their lines stay in the "
              "file")

UNSTORABLE_LINES = [f"do\x00g{n or ''}" for n in range(1002)]  # 1,002 classes: "1,001 more" tells the comma
BLANK_LINES = ["\u200b" * (n + 1) for n in range(1002)]


def _notes(tmp_path, lines: list[str]) -> tuple[str, ...]:
    classes_path(tmp_path).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return classes_on_disk(tmp_path).notes


def test_one_class_of_each_kind_alone(tmp_path):
    assert _notes(tmp_path, ["cat", "do\x00g"]) == (UNSTORABLE_ONE,)
    assert _notes(tmp_path, ["cat", "dog", "\u200b"]) == (BLANK_ONE,)


def test_many_classes_of_each_kind_alone(tmp_path):
    assert _notes(tmp_path, ["cat", *UNSTORABLE_LINES]) == (UNSTORABLE_MANY,)
    assert _notes(tmp_path, ["cat", "dog", *BLANK_LINES]) == (BLANK_MANY,)


def test_both_kinds_the_unstorable_note_first_whichever_line_comes_first(tmp_path):
    assert _notes(tmp_path, ["cat", "do\x00g", "\u200b"]) == (UNSTORABLE_ONE, BLANK_ONE)
    blank_first = ["cat", "\u200b", "do\x00g"]
    assert _notes(tmp_path, blank_first) == (UNSTORABLE_ONE.replace("line 2", "line 3"),
                                             BLANK_ONE.replace("line 3", "line 2"))
    lines = ["cat", UNSTORABLE_LINES[0], BLANK_LINES[0], *UNSTORABLE_LINES[1:], *BLANK_LINES[1:]]
    assert _notes(tmp_path, lines) == (UNSTORABLE_MANY, BLANK_MANY)


def test_a_class_both_unstorable_and_drawn_as_nothing_is_said_as_unstorable(tmp_path):
    assert _notes(tmp_path, ["cat", "\x00\u200b"]) == (UNSTORABLE_ONE.replace("do\\x00g", "\\x00\\u200b"),)


def test_the_notes_of_unoffered_lines_come_before_the_note_of_the_lines_past_the_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(class_list, "MAX_CLASSES", 2)
    notes = _notes(tmp_path, ["cat", "do\x00g", "\u200b", "dog", "bird", "fox"])
    assert notes == (UNSTORABLE_ONE, BLANK_ONE,
                     "predefined_classes.txt lists 4 classes: only its first 2 are offered (Label box, number keys, "
                     "Edit → Classes), the other 2 stay in the file, unused")
