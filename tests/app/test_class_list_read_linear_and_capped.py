"""predefined_classes.txt is read in one pass, and a file of absurdly many classes offers its first
`MAX_CLASSES`, said, the others kept in the file by a change of the list.

Before: each line's class was looked for in the list read so far (`name not in names`): 10,000 lines took
1.4 s, 40,000 lines 15.5 s, `petloc stats` with 100,000 lines 110 s, and the window read the file on its own
thread at each opening of a folder and twice per change in Edit → Classes. (The speed is measured, not
asserted here: speed targets live in benchmarks/, not in timed tests; the figures are in the commit.)"""

from __future__ import annotations

from petloc_gui.app.class_list import (
    CLASSES_FILE,
    MAX_CLASSES,
    change_classes,
    classes_on_disk,
    classes_path,
    merged_names,
    read_classes,
)


def test_a_file_of_many_repeated_lines_is_read_at_once_in_file_order(tmp_path):
    names = [f"class_{i}" for i in range(MAX_CLASSES - 2)]  # with dog and cat: MAX_CLASSES
    # every class again, 30 times over, spaced otherwise: 150,000 lines whose classes are all known
    repeats = [f"  {name} " for _ in range(30) for name in names]
    classes_path(tmp_path).write_text("\n".join(["dog", *names, "dog", *repeats, "cat"]) + "\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert read == ["dog", *names, "cat"]
    assert read.notes == () and read.rest == ()


def test_past_max_classes_the_first_are_offered_and_the_rest_said(tmp_path):
    lines = [f"class_{i}" for i in range(MAX_CLASSES + 10)]
    classes_path(tmp_path).write_text("\n".join([*lines, "class_0"]) + "\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert read == lines[:MAX_CLASSES]
    assert read_classes(tmp_path) == lines[:MAX_CLASSES]  # `petloc stats`, `petloc train` and the window alike
    assert read.notes == (f"{CLASSES_FILE} lists {MAX_CLASSES + 10:,} classes: only its first {MAX_CLASSES:,} are "
                          "offered (Label box, number keys, Edit → Classes), the other 10 stay in the file, unused",)


def test_a_change_of_a_capped_list_keeps_the_lines_past_the_cap_as_written(tmp_path):
    offered = [f"class_{i}" for i in range(MAX_CLASSES)]
    past = ["  late  one", "", "class_0", "late_two"]
    classes_path(tmp_path).write_text("\n".join([*offered, *past]) + "\n", encoding="utf-8")
    read, now = change_classes(tmp_path, lambda names: [n for n in names if n != "class_1"] + ["zebra"])
    assert read == offered
    assert now == [n for n in offered if n != "class_1"] + ["zebra"]
    written = classes_path(tmp_path).read_text(encoding="utf-8").split("\n")
    assert written == [*now, "  late  one", "class_0", "late_two", ""]  # (a blank line is no class: not kept)


def test_the_class_list_merges_in_one_pass_in_order():
    assert merged_names(["b", "a"], ("c", "a", "c"), {"d", "b", "e"}) == ["b", "a", "c", "d", "e"]
    many = [f"p{i}" for i in range(MAX_CLASSES)]
    found = {f"f{i}" for i in range(20_000)}
    merged = merged_names(many, tuple(many[:100]), found | set(many[:100]))
    assert merged == [*many, *sorted(found)]
