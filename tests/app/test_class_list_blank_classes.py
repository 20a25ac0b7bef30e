"""A class of predefined_classes.txt made of nothing but characters drawn as nothing ("\\u200b", a word joiner and
a zero-width space, a lone soft hyphen, the Hangul filler U+3164, a lone variation selector) is not offered, as an
empty line offers none: said once, the line and the name escaped, and its line written back by a change of the list.

Before: each was offered, a row, a number key and a box label that all looked empty."""

from __future__ import annotations

import pytest

from petloc_gui.app.class_list import CLASSES_FILE, blank_note, change_classes, classes_on_disk, classes_path

BLANK = ["\u200b", "\u2060\u200b", "\xad", "\u3164", "\ufe0f", " \u200b "]


@pytest.mark.parametrize("blank", BLANK, ids=[ascii(name) for name in BLANK])
def test_a_class_drawn_as_nothing_is_not_offered_and_said(tmp_path, blank):
    classes_path(tmp_path).write_text(f"cat\n{blank}\ndog\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert read == ["cat", "dog"]
    shown = blank.strip().encode("ascii", "backslashreplace").decode("ascii")  # "\u200b", as escaped
    assert read.notes == (f"{CLASSES_FILE}: the class on line 2, {shown}, is not offered: it holds only characters "
                          "drawn as nothing, so it would look like a class with no name; its line stays in the file",)
    assert read.unstorable == ()  # (no character an annotation cannot store: said by its own note, not this one)


def test_its_line_is_written_back_by_a_change_of_the_list(tmp_path):
    classes_path(tmp_path).write_text("cat\n\u200b\ndog\n\u3164\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert read.notes[0].startswith(f"{CLASSES_FILE}: the class on line 2, \\u200b, and 1 more are not offered")
    change_classes(tmp_path, lambda names: [name for name in names if name != "cat"] + ["bird"])
    # each after the class it followed; the one after "cat", gone, at the end
    assert classes_path(tmp_path).read_text(encoding="utf-8") == "dog\n\u3164\nbird\n\u200b\n"


def test_both_notes_when_the_file_holds_both_kinds(tmp_path):
    classes_path(tmp_path).write_text("do\x00g\n\xad\ncat\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert read == ["cat"] and len(read.notes) == 2
    assert read.notes[0].startswith(f"{CLASSES_FILE}: the class on line 1, do\\x00g, is not offered: it holds a")
    assert read.notes[1].startswith(f"{CLASSES_FILE}: the class on line 2, \\xad, is not offered: it holds only")


def test_a_class_that_shows_something_is_offered_as_before(tmp_path):
    # an invisible character beside a letter, an emoji's variation selector: each name shows
    classes_path(tmp_path).write_text("cat\u200b\n\u2764\ufe0f\n\u0e41\u200b\u0e21\u0e27\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert read == ["cat\u200b", "\u2764\ufe0f", "\u0e41\u200b\u0e21\u0e27"] and read.notes == ()


@pytest.mark.parametrize("blank", BLANK, ids=[ascii(name) for name in BLANK])
def test_a_typed_name_drawn_as_nothing_is_refused_in_words(blank):
    shown = blank.encode("ascii", "backslashreplace").decode("ascii")
    assert blank_note(blank) == (f"A class needs a name that shows: {shown} holds only characters drawn as nothing, "
                                 "so it would look like a class with no name; nothing changed.")
    assert blank_note("cat\u200b") == blank_note("cat") == ""
