"""Two class files Notepad saved as "UTF-8 with BOM", joined (`cat a.txt b.txt`), hold the second one's
byte-order mark at the start of a later line. predefined_classes.txt (the window, `petloc stats`, `petloc
train`) dropped only the mark starting the file and YOLO's classes.txt (`petloc convert --from yolo`) kept
both (`str.strip` keeps U+FEFF): each read an invisible class "\\ufeffdog" beside a typed "dog". The lists'
one line rule, `core.list_lines.editor_lines`, drops the mark for every reader now."""

from __future__ import annotations

import codecs

from petloc_gui.app.class_list import classes_on_disk, classes_path, read_classes
from petloc_gui.core.interop.yolo_names import find_class_names
from petloc_gui.core.list_lines import editor_lines

JOINED = codecs.BOM_UTF8 + b"cat\r\n" + codecs.BOM_UTF8 + b"dog\r\n"


def test_the_line_rule_drops_a_mark_starting_any_line_and_keeps_one_inside_a_line():
    assert editor_lines("\ufeffcat\r\n\ufeffdog\nbi\ufeffrd") == ["cat", "dog", "bi\ufeffrd"]


def test_predefined_classes_joined_from_two_notepad_files_read_dog(tmp_path):
    classes_path(tmp_path).write_bytes(JOINED)
    assert read_classes(tmp_path) == classes_on_disk(tmp_path) == ["cat", "dog"]


def test_yolo_classes_joined_from_two_notepad_files_read_dog(tmp_path):
    (tmp_path / "classes.txt").write_bytes(JOINED)
    assert find_class_names(tmp_path) == (["cat", "dog"], tmp_path / "classes.txt")
