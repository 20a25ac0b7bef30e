"""The classes of predefined_classes.txt an annotation cannot store (lxml refuses them: C0 control characters
but tab, newline and carriage return; U+FFFE, U+FFFF) are not offered, and a change of the list writes their
lines back where they were: they are the user's, to mend in an editor."""

from __future__ import annotations

import pytest
from lxml import etree

from petloc_gui.app.class_list import CLASSES_FILE, change_classes, classes_on_disk, classes_path


def _refused_by_lxml(char: str) -> bool:
    try:
        etree.Element("name").text = f"a{char}b"
    except ValueError:
        return True
    return False


REFUSED = [chr(code) for code in [*range(0x20), 0x7F, 0x85, 0xD7FF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF]
           if _refused_by_lxml(chr(code))]


def test_the_characters_lxml_refuses_are_those_looked_for():
    assert len(REFUSED) == 29 + 2  # the C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(char):04X}" for char in REFUSED])
def test_no_class_offered_holds_a_character_an_annotation_cannot_store(tmp_path, char):
    classes_path(tmp_path).write_text(f"dog\na{char}b\ncat\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert not any(_refused_by_lxml(name) for name in read)
    # a line break or a space to the reader (\x0b, \x0c, \x1c to \x1f) leaves classes made of "a" and "b"
    assert read[0] == "dog" and read[-1] == "cat" and set(read[1:-1]) <= {"a", "b", "a b"}
    if read == ["dog", "cat"]:  # the line was one class, not offered: said, and kept in the file
        assert read.unstorable == (("dog", f"a{char}b"),)
        assert read.notes[0].startswith(f"{CLASSES_FILE}: the class on line 2, a\\")
        change_classes(tmp_path, lambda names: [*names, "zebra"])
        assert classes_path(tmp_path).read_text(encoding="utf-8") == f"dog\na{char}b\ncat\nzebra\n"


def test_each_line_kept_after_the_class_it_followed_or_last_when_that_class_is_gone(tmp_path):
    classes_path(tmp_path).write_text("\x01first\ndog\nx\x02\n  y\x03  \ncat\nbird\nz\x04\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert read == ["dog", "cat", "bird"]
    assert len(read.notes) == 1 and read.notes[0] == (
        f"{CLASSES_FILE}: the class on line 1, \\x01first, and 3 more are not offered: they hold a character no "
        "annotation can store (a control character, U+FFFE or U+FFFF), so no box could be saved with them; their "
        "lines stay in the file")
    _, now = change_classes(tmp_path, lambda names: [n for n in names if n != "dog"] + ["zebra"])
    assert now == ["cat", "bird", "zebra"]
    assert classes_path(tmp_path).read_text(encoding="utf-8").split("\n") == [
        "\x01first", "cat", "bird", "z\x04", "zebra", "x\x02", "  y\x03  ", ""]
