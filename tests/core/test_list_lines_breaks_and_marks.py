"""A list's lines end where a text editor ends them, a byte-order mark starting any line is no part of it, and
a line said back is never the whole of a huge one.

Before: `str.splitlines` also split at U+2028, U+0085, a form feed and the other separators, so a file whose
name held one ("b\\u2028c.jpg") could not be listed and the lines after it were counted one off the editor's;
two Notepad files joined kept the second one's BOM in its line ("'\\ufeffimg2' matches no image", img2 trained
on); and a 100 MB line of one name was said whole on stderr (half a gigabyte, 13 s)."""

from __future__ import annotations

import codecs

import pytest

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.core.list_lines import entry_forms, quoted, read_list_lines
from tests.cli.test_train_layout_test_split_said import _devkit

SEPARATORS = ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e"]


def _image(root, relative: str) -> str:
    return str(root / "JPEGImages" / f"{relative}.jpg")


@pytest.mark.parametrize("separator", SEPARATORS)
def test_a_name_holding_a_character_splitlines_breaks_at_is_listed_and_lines_count_as_an_editor_counts(
        tmp_path, capsys, separator):
    name = f"b{separator}c"
    root = _devkit(tmp_path / "voc", ["a", name, "d"], [])
    listing = tmp_path / "exclude.txt"
    listing.write_text(f"a\n{name}.jpg\nD\n", encoding="utf-8")
    assert resolve_exclude_list(root, listing) == sorted([_image(root, "a"), _image(root, name), _image(root, "d")])
    assert capsys.readouterr().err == (f"petloc: {listing}: line 3: 'D' taken as 'd', the name it differs from only "
                                       "in case\n")


def test_lines_end_at_a_newline_a_carriage_return_or_both(tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes(b"a\r\nb\rc\n\r\nd\n\ne")
    lines = read_list_lines(path)
    assert lines == ["a", "b", "c", "d", "e"]
    assert lines.numbers == (1, 2, 3, 5, 7)  # \r\n is one line end; the blank lines counted


def test_two_notepad_files_joined_hold_out_both_first_lines(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", ["img1", "img2", "img3"], [])
    listing = tmp_path / "exclude.txt"
    listing.write_bytes(codecs.BOM_UTF8 + b"img1\r\n" + codecs.BOM_UTF8 + b"img2\r\n")
    assert resolve_exclude_list(root, listing) == [_image(root, "img1"), _image(root, "img2")]
    assert capsys.readouterr().err == ""


def test_two_utf16_lists_joined_hold_out_both_first_lines(tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes(("img1\r\n".encode("utf-16")) + "img2\r\n".encode("utf-16"))  # each with its mark
    lines = read_list_lines(path)
    assert lines == ["img1", "img2"] and lines.problems == ()


def test_a_huge_line_is_said_shortened_with_its_length(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", ["a"], [])
    listing = tmp_path / "exclude.txt"
    line = "x" * 100_000 + "#y" + "z" * 100_000
    listing.write_text(f"a\n{line}\n", encoding="utf-8")
    assert resolve_exclude_list(root, listing) == [_image(root, "a")]
    err = capsys.readouterr().err
    assert len(err) < 1000
    assert err == (f"petloc: {listing}: {'x' * 150!r}…{'z' * 150!r} (a line of 200,002 characters, its "
                   f"middle left out) matches no image in {root}; ignored\n")


def test_a_short_line_is_said_whole_and_forms_still_cut_at_a_comment():
    assert quoted("a" * 300) == repr("a" * 300)
    assert entry_forms("a.jpg  #x #y") == ["a.jpg  #x #y", "a.jpg  #x", "a.jpg"]
    assert entry_forms("cat#1.jpg") == ["cat#1.jpg"]  # a '#' inside a name starts no comment
    assert entry_forms("a\u3000#b") == ["a\u3000#b", "a"]  # after any whitespace
