"""predefined_classes.txt is read by the lines a text editor shows (`core.list_lines.editor_lines`), the rule of
every list petloc reads (exclude lists, a folder's test list, YOLO's classes.txt): a line ends at \\n, \\r\\n or \\r
only. Before, `str.splitlines` also ended one at U+2028, U+0085 or a form feed, so the note on a class no
annotation can store named a line the editor did not show there, and a line holding one became two classes."""

from __future__ import annotations

import pytest

from petloc_gui.app.class_list import CLASSES_FILE, classes_on_disk, classes_path
from petloc_gui.core.interop.yolo_names import find_class_names
from petloc_gui.core.list_lines import editor_lines


@pytest.mark.parametrize("breaks", ["\u2028", "\x85", "\x0c", "\x1c"], ids=["U+2028", "U+0085", "FF", "FS"])
def test_the_note_names_the_line_the_editor_shows(tmp_path, breaks):
    classes_path(tmp_path).write_text(f"dog{breaks}fox\r\nd\x00g\rcat\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert read == ["dog fox", "cat"]  # the first line's words, spaced by one space
    assert read.notes[0].startswith(f"{CLASSES_FILE}: the class on line 2, d\\x00g,")


def test_the_class_list_and_yolo_class_names_split_one_file_alike(tmp_path):
    text = "cat\u2028kitten\r\ndog\rbird\n"
    (tmp_path / "classes.txt").write_text(text, encoding="utf-8")
    classes_path(tmp_path).write_text(text, encoding="utf-8")
    names, _ = find_class_names(tmp_path)
    assert len(names) == len(classes_on_disk(tmp_path)) == len(editor_lines(text)) - 1 == 3
