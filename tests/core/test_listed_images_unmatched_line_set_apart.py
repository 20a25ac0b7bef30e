"""The line on a list entry that matches no image (`petloc train --exclude-list`'s, the folder's test list's) sets
a Hebrew list path and folder apart (U+2068 … U+2069) with ``set_apart``, for a caller that keeps the isolates
(`cli.output.error`'s ``names_isolated``); the entry is quoted (`repr`) as before.

Before: both paths were put in raw, and in a terminal that lays out bidi text a Hebrew folder took the line's
direction and moved the entry and the words around it.
"""

from __future__ import annotations

from petloc_gui.cli.output import error
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.listed_images import resolve_listed_images
from tests.cli.helpers import write_image

FSI, PDI = "\u2068", "\u2069"


def _said(folder, where, *, set_apart):
    folder.mkdir(parents=True)
    write_image(folder / "a.png", 8, 8)
    said: list[str] = []
    held = resolve_listed_images(open_dataset(folder), ["a", "nope\t\u202e"], where, said.append,
                                 set_apart=set_apart)
    assert held == [str(folder / "a.png")]
    return said


def test_a_hebrew_folder_and_list_are_set_apart(tmp_path, capsys):
    folder = tmp_path / "תמונות"
    where = str(folder / "רשימה.txt")
    (line,) = _said(folder, where, set_apart=True)
    assert line == f"{FSI}{where}{PDI}: 'nope\\t\\u202e' matches no image in {FSI}{folder}{PDI}; ignored"
    error(line, names_isolated=True)
    assert capsys.readouterr().err == (
        f"petloc: {FSI}{where}{PDI}: 'nope\\t\\u202e' matches no image in {FSI}{folder}{PDI}; ignored\n")


def test_an_english_folder_s_line_is_as_it_was(tmp_path):
    folder = tmp_path / "images"
    assert _said(folder, "list.txt", set_apart=True) == [
        f"list.txt: 'nope\\t\\u202e' matches no image in {folder}; ignored"]


def test_without_set_apart_the_line_names_them_as_before(tmp_path):
    folder = tmp_path / "תמונות"
    assert _said(folder, "רשימה.txt", set_apart=False) == [
        f"רשימה.txt: 'nope\\t\\u202e' matches no image in {folder}; ignored"]


def test_petloc_train_s_exclude_list_says_it_set_apart(tmp_path, capsys):
    # `--exclude-list`'s reader passes set_apart and keeps the isolates on stderr
    from petloc_gui.cli.exclude_list import resolve_exclude_list

    folder = tmp_path / "\u05ea\u05de\u05d5\u05e0\u05d5\u05ea"
    folder.mkdir()
    write_image(folder / "a.png", 8, 8)
    listing = tmp_path / "\u05de\u05d1\u05d7\u05df.txt"
    listing.write_text("a\nnope\n", encoding="utf-8")
    assert resolve_exclude_list(folder, listing) == [str(folder / "a.png")]
    err = capsys.readouterr().err
    assert f"{FSI}{listing}{PDI}" in err and f"{FSI}{folder}{PDI}" in err and "\\u2068" not in err, err


def test_the_exclude_list_s_unread_warning_sets_its_path_apart(tmp_path, capsys):
    from petloc_gui.cli.exclude_list import resolve_exclude_list

    folder = tmp_path / "data"
    folder.mkdir()
    write_image(folder / "a.png", 8, 8)
    listing = tmp_path / "\u05de\u05d1\u05d7\u05df.txt"
    listing.write_bytes("a\ncaf\u00e9\n".encode("latin-1"))  # not UTF-8: a warning naming the list
    resolve_exclude_list(folder, listing)
    warning = next(line for line in capsys.readouterr().err.splitlines() if "is not UTF-8" in line)
    assert warning.startswith(f"petloc: warning: {FSI}{listing}{PDI} is not UTF-8"), warning
