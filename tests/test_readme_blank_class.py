"""The README's class-list paragraph says what `app.class_list` does with a class of `predefined_classes.txt` made
of nothing but characters drawn as nothing ("\\u200b", a soft hyphen, U+3164): not offered, said once, its line
kept, as a class no annotation can store. Before, it named only the latter."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.class_list import CLASSES_FILE, classes_on_disk

ROOT = Path(__file__).resolve().parents[1]
PROSE = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
# the paragraph's sentence on the classes file, up to the next kind of file it speaks of
CLASS_FILE = PROSE.split("The class list is the folder's `predefined_classes.txt`", 1)[1].split(
    "`predefined_classes.txt` that is not a regular file", 1)[0]


def test_the_readme_says_a_class_drawn_as_nothing_is_not_offered_once_its_line_kept():
    assert ("or made of nothing but characters drawn as nothing (a zero-width space, a soft hyphen, the Hangul "
            "filler U+3164: it would look like a class with no name), is not offered, said there once, its line "
            "kept where it is") in CLASS_FILE
    assert CLASS_FILE.count("is not offered") == 1  # said once, for both kinds


def test_what_it_says_is_what_the_class_list_does(tmp_path):
    (tmp_path / CLASSES_FILE).write_text("cat\n\u200b\n\xad\n\u3164\ndog\n", encoding="utf-8")
    read = classes_on_disk(tmp_path)
    assert list(read) == ["cat", "dog"]  # not offered
    assert len(read.notes) == 1 and "its line" not in read.notes[0] and "their lines stay in the file" in read.notes[0]
    assert [line for _, line in read.unoffered] == ["\u200b", "\xad", "\u3164"]  # kept, written back by a change
