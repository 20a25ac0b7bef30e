"""A list's line is tried as written before it is stripped: a file's name may start or end with a space.

Before: each line was stripped as it was read, so in a folder holding " a.jpg" and "a.jpg" (both annotated)
the line " a.jpg" held out a.jpg, and the listed " a.jpg" was trained on with no word said, by `petloc train
--exclude-list` and the window's Retrain (the folder's test list) alike."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.core.list_lines import entry_forms, read_list_lines
from petloc_gui.model.layout_test_split import layout_test_holdout
from tests.cli.test_train_layout_test_split_said import _devkit


def _images(root: Path, *ids: str) -> list[str]:
    return sorted(str(root / "JPEGImages" / f"{relative}.jpg") for relative in ids)


def test_a_name_with_a_leading_or_trailing_space_holds_out_that_image_not_its_namesake(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", [" a", "a", "b ", "b", "c"], [" a", "b "])
    listing = root / "ImageSets" / "Main" / "test.txt"
    assert resolve_exclude_list(root, listing) == _images(root, " a", "b ")
    assert capsys.readouterr().err == ""
    # the window's Retrain holds out the same images of the folder's test list
    assert sorted(layout_test_holdout(root).images) == _images(root, " a", "b ")


def test_file_names_with_spaces_each_listed_by_their_name(tmp_path):
    root = _devkit(tmp_path / "voc", [" a", "a", "b ", "b", "c"], [])
    listing = tmp_path / "exclude.txt"
    listing.write_text(" a.jpg\nb .jpg\n", encoding="utf-8")
    assert resolve_exclude_list(root, listing) == _images(root, " a", "b ")


def test_a_line_spaced_by_a_sloppy_editor_still_names_the_image_without_the_spaces(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", ["a", "b", "c"], [])
    listing = tmp_path / "exclude.txt"
    listing.write_text("  a.jpg\nb.jpg \t\n\tc  # why\n", encoding="utf-8")
    assert resolve_exclude_list(root, listing) == _images(root, "a", "b", "c")
    assert capsys.readouterr().err == ""


def test_an_indented_comment_is_said_of_as_a_comment_is(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", ["a", "b"], [])
    listing = tmp_path / "exclude.txt"
    listing.write_text("   # test images\na\n", encoding="utf-8")
    assert resolve_exclude_list(root, listing) == _images(root, "a")
    assert capsys.readouterr().err == ""


def test_the_reader_keeps_each_line_as_written_and_the_forms_try_it_first(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("\ufeff a.jpg\n\n  \nb.jpg \r\n", encoding="utf-8")
    lines = read_list_lines(path)
    assert lines == [" a.jpg", "b.jpg "]
    assert lines.numbers == (1, 4)
    assert entry_forms(" a.jpg") == [" a.jpg", "a.jpg"]
    assert entry_forms(" cat #1.jpg  # first ") == [" cat #1.jpg  # first ", "cat #1.jpg  # first", "cat #1.jpg",
                                                     "cat"]
    assert entry_forms("  # a comment") == ["  # a comment", "# a comment"]
