"""A test list or `--exclude-list` saved as UTF-16 (PowerShell's `>`), or with a line that cannot be a path
(``~img2``: no user of that name), is read, and the run goes on.

Before: every such line was resolved as a path: a NUL byte (UTF-16 read as UTF-8) stopped `petloc train`
with "unexpected error: ValueError: embedded null byte", ``~img2`` with "RuntimeError: Could not determine
home directory.", naming neither file nor line, even with no --exclude-list (its check of the folder's
test list); the window's Retrain preview gave up with no word, and its training child failed the same way.
"""

from __future__ import annotations

import pytest

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.model.layout_test_split import layout_test_holdout
from tests.cli.test_train_layout_test_split_said import _said
from tests.model.devkit_test_lists import devkit_listing_c_and_g

NO_USER = "~petloc_no_such_user_4f1c"  # expanduser finds no home for it


def _listed(root):
    return sorted(image.removeprefix(f"{root}/JPEGImages/") for image in layout_test_holdout(root).images)


@pytest.mark.parametrize("mark, encoding", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_a_test_list_in_utf16_with_its_mark_is_read_as_utf16(tmp_path, capsys, mark, encoding):
    root = devkit_listing_c_and_g(tmp_path)
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.write_bytes(mark + "c\r\nday/g\r\n".encode(encoding))  # FF FE: PowerShell's `>`
    held = layout_test_holdout(root)
    assert _listed(root) == ["c.jpg", "day/g.jpg"]
    assert (held.notes, held.problems) == ((), ())
    _said(root)  # `petloc train` without --exclude-list: its check of the folder's test list
    assert "lists 2 test images; this run trains or validates on them" in capsys.readouterr().err
    assert resolve_exclude_list(root, listing) == [str(root / "JPEGImages" / name) for name in ("c.jpg", "day/g.jpg")]
    assert capsys.readouterr().err == ""


def test_utf16_without_its_mark_is_said_to_be_no_utf8(tmp_path, capsys):
    root = devkit_listing_c_and_g(tmp_path)
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.write_bytes("c\nday/g\n".encode("utf-16-le"))
    held = layout_test_holdout(root)
    assert held.images == ()
    assert held.problems == ("is not UTF-8 text (line 1 and 2 others: NUL bytes, as UTF-16 without its byte-order "
                             "mark has): an entry there names no image and that image is trained on; save the list as "
                             "UTF-8",)
    assert held.notes[0] == f"ImageSets/Main/test.txt: 'c\\x00' matches no image in {root}; ignored"
    _said(root)  # `petloc train` says what the window's run says of the list (it warns; nothing stops the run)
    err = capsys.readouterr().err
    assert err.startswith("petloc: warning: the folder's test list (ImageSets/Main/test.txt) is not UTF-8 text "
                          "(line 1 and 2 others: NUL bytes, as UTF-16 without its byte-order mark has): an entry "
                          "there names no image and that image is trained on; save the list as UTF-8\n"), err
    assert "'c\\x00' matches no image" in err
    assert resolve_exclude_list(root, listing) == []
    err = capsys.readouterr().err
    assert err.startswith(f"petloc: warning: {listing} is not UTF-8 text (line 1 and 2 others: NUL bytes"), err


def test_a_line_that_cannot_be_a_path_matches_no_image(tmp_path, capsys):
    root = devkit_listing_c_and_g(tmp_path)
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.write_text(f"c\n{NO_USER}\nday/g\n", encoding="utf-8")
    held = layout_test_holdout(root)
    assert _listed(root) == ["c.jpg", "day/g.jpg"]
    assert held.notes == (f"ImageSets/Main/test.txt: {NO_USER!r} matches no image in {root}; ignored",)
    _said(root)
    assert "lists 2 test images" in capsys.readouterr().err
    listing.write_text(f"c\n{NO_USER}/x.jpg\nbad\0name\n", encoding="utf-8")
    assert resolve_exclude_list(root, listing) == [str(root / "JPEGImages" / "c.jpg")]
    assert capsys.readouterr().err.splitlines() == [
        f"petloc: warning: {listing} is not UTF-8 text (line 3: NUL bytes, as UTF-16 without its byte-order mark "
        "has): an entry there names no image and that image is trained on; save the list as UTF-8",
        f"petloc: {listing}: '{NO_USER}/x.jpg' matches no image in {root}; ignored",
        f"petloc: {listing}: 'bad\\x00name' matches no image in {root}; ignored"]
