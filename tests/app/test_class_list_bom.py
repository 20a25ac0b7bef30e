"""A predefined_classes.txt saved by Notepad as "UTF-8 with BOM" starts with U+FEFF. Read as plain UTF-8, the
first class was "\\ufeffdog": drawn as "dog", offered under number key 1, and every box labelled with it
trained as a class of its own (a second, invisible "dog"); a rename or an add wrote the BOM name back. The
file is read without its BOM now, and written without one (labelImg, whose format it is, reads it as plain
"utf8": a BOM kept would give labelImg the same invisible class)."""

from __future__ import annotations

from petloc_gui.app.class_list import change_classes, classes_on_disk, classes_path, merged_names, read_classes

BOM = b"\xef\xbb\xbf"


def _notepad_file(folder, *names: str) -> None:
    classes_path(folder).write_bytes(BOM + "".join(f"{name}\r\n" for name in names).encode("utf-8"))


def test_the_first_class_of_a_file_with_a_bom_is_the_class_its_name_reads(tmp_path):
    _notepad_file(tmp_path, "dog", "cat", "bird")
    assert read_classes(tmp_path) == ["dog", "cat", "bird"]
    assert classes_on_disk(tmp_path) == ["dog", "cat", "bird"]
    # the class list the number keys follow: "dog" (key 1) is the one the boxes already use
    assert merged_names(read_classes(tmp_path), (), {"dog", "cat"}) == ["dog", "cat", "bird"]


def test_a_change_to_a_file_with_a_bom_keeps_one_dog_and_writes_no_bom(tmp_path):
    _notepad_file(tmp_path, "dog", "cat")
    read, now = change_classes(tmp_path, lambda names: [*names, "rabbit"])
    assert read == ["dog", "cat"] and now == ["dog", "cat", "rabbit"]
    assert classes_path(tmp_path).read_bytes() == b"dog\ncat\nrabbit\n"


def test_adding_the_first_class_again_adds_nothing(tmp_path):
    _notepad_file(tmp_path, "dog", "cat")
    before = classes_path(tmp_path).read_bytes()
    read, now = change_classes(tmp_path, lambda names: [*names, "dog"] if "dog" not in names else names)
    assert read == now == ["dog", "cat"]
    assert classes_path(tmp_path).read_bytes() == before  # nothing to change: not rewritten
