"""core/disk_same where the disk ignores case but numbers each spelling apart: on Linux a FAT disk mounted by
FUSE (fusefat) gives ``side`` inode 4 and ``SIDE`` inode 5, so `os.path.samefile` said two folders, and
`petloc convert side --to yolo SIDE/yolo` wrote its export into the dataset (the next `petloc stats side`
counted the copy). The folder's listing decides there: a spelling that is there though not listed is the
listed name it folds to; a case-sensitive disk lists both spellings, two folders."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from petloc_gui.core import disk_same
from petloc_gui.core.annotation_names import folded
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.disk_same import part_below, same_as_listed, same_folder, spelled_as
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop.files import check_outside_dataset
from tests.cli.helpers import write_image


def _listing(folders: dict[str, list[str]]):
    """A fake `os.listdir` over ``folders`` (folder -> its names as listed); a folder not given cannot be listed."""
    def listed(folder: str) -> list[str]:
        if folder not in folders:
            raise PermissionError(13, "Permission denied", folder)
        return folders[folder]
    return listed


def test_a_spelling_not_listed_is_the_listed_name_it_folds_to():
    fat = _listing({"/mnt": ["side", "other"], "/mnt/side": ["Yolo"]})
    assert same_as_listed("/mnt/SIDE", "/mnt/side", fat)
    assert same_as_listed("/mnt/side", "/mnt/Side", fat)  # neither typed as listed: both are side
    assert same_as_listed("/mnt/SIDE/yolo", "/mnt/side/YOLO", fat)  # every part looked up in its own folder


def test_both_spellings_listed_are_two_folders():
    case_sensitive = _listing({"/data": ["Day", "day"]})
    assert not same_as_listed("/data/Day", "/data/day", case_sensitive)
    # DAY there but unlisted, with Day and day both listed: which one the disk took it for cannot be told
    assert not same_as_listed("/data/DAY", "/data/day", case_sensitive)


def test_a_listing_that_cannot_be_read_tells_nothing():
    assert not same_as_listed("/locked/SIDE", "/locked/side", _listing({}))


def test_a_unicode_form_not_listed_is_the_listed_one():
    finder = unicodedata.normalize("NFD", "Café")
    typed = unicodedata.normalize("NFC", "CAFÉ")
    assert same_as_listed(f"/mnt/{typed}", f"/mnt/{finder}", _listing({"/mnt": [finder]}))


def test_relative_spellings_are_listed_from_the_folder_they_are_relative_to():
    assert same_as_listed("SIDE/x", "side/x", _listing({os.curdir: ["side"]}))


@pytest.fixture
def numbered_apart(monkeypatch):
    """`os.path.samefile` as fusefat answers it: two spellings of one name are two files, each its own inode."""
    real = os.path.samefile

    def samefile(a, b) -> bool:
        if os.fspath(a) != os.fspath(b) and folded(os.fspath(a)) == folded(os.fspath(b)):
            return False
        return real(a, b)

    monkeypatch.setattr(disk_same.os.path, "samefile", samefile)


def test_a_folder_typed_in_another_case_is_found_though_numbered_apart(tmp_path, numbered_apart):
    side = tmp_path / "side"
    side.mkdir()
    assert same_folder(tmp_path / "SIDE", side)
    assert part_below(tmp_path / "SIDE" / "yolo", side) == Path("yolo")
    assert spelled_as(tmp_path / "Side", [tmp_path / "other", side]) == side
    (tmp_path / "Side").mkdir()  # now listed too: another folder, as on a case-sensitive disk
    assert not same_folder(tmp_path / "Side", side)
    assert part_below(tmp_path / "Side" / "yolo", side) is None


def test_an_export_into_the_dataset_typed_in_another_case_is_refused(tmp_path, numbered_apart):
    side = tmp_path / "side"
    side.mkdir()
    write_image(side / "a.jpg", 40, 30)
    with pytest.raises(SaveError, match="inside the dataset"):
        check_outside_dataset(tmp_path / "SIDE" / "yolo", open_dataset(side))
    check_outside_dataset(tmp_path / "SIDE2" / "yolo", open_dataset(side))  # beside it: fine
