"""core/disk_same: two spellings are one folder where they differ in case or Unicode form alone and the disk
holds them as one; a case-sensitive disk's ``Day`` and ``day`` stay two folders."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from petloc_gui.core.disk_same import part_below, same_folder, spelled_as
from tests.core.caseless import alias


def test_a_spelling_the_disk_holds_as_the_folder_is_it(tmp_path):
    pets = tmp_path / "Pets"
    pets.mkdir()
    assert same_folder(pets, tmp_path / "Pets")
    assert same_folder(alias(pets, "pets"), pets)  # one folder, by the disk's word (here a link)
    cafe = tmp_path / unicodedata.normalize("NFD", "Café")  # as Finder names it
    cafe.mkdir()
    assert same_folder(alias(cafe, unicodedata.normalize("NFC", "CAFÉ")), cafe)  # as Terminal types it


def test_two_folders_of_a_case_sensitive_disk_stay_two(tmp_path):
    (tmp_path / "Day").mkdir()
    (tmp_path / "day").mkdir()
    assert not same_folder(tmp_path / "Day", tmp_path / "day")
    assert not same_folder(tmp_path / "DAY", tmp_path / "day")  # no such folder
    assert not same_folder(tmp_path / "a\x00b", tmp_path / "A\x00B")  # a name no disk holds


def test_another_name_of_the_folder_is_not_a_spelling_of_it(tmp_path):
    """A link by an unrelated name is the folder to the disk, but not a spelling of it: nothing compared by name
    takes it for the folder (what links resolve to is the caller's `os.path.realpath`)."""
    (tmp_path / "pets").mkdir()
    (tmp_path / "other").symlink_to("pets")
    assert not same_folder(tmp_path / "other", tmp_path / "pets")


def test_the_part_below_a_folder_by_any_spelling_of_it(tmp_path):
    side = tmp_path / "side"
    side.mkdir()
    upper = alias(side, "SIDE")
    assert part_below(upper / "yolo" / "images", side) == Path("yolo/images")
    assert part_below(upper, side) == Path(".")
    assert part_below(side / "yolo", upper) == Path("yolo")
    assert part_below(tmp_path / "side2" / "yolo", side) is None  # a name prefix is not inside
    assert part_below(tmp_path, side) is None
    (tmp_path / "Side").mkdir()  # another folder on a case-sensitive disk
    assert part_below(tmp_path / "Side" / "yolo", side) is None


def test_the_spelling_of_a_folder_among_several(tmp_path):
    day, other = tmp_path / "day", tmp_path / "Day"
    day.mkdir()
    other.mkdir()
    typed = alias(day, "DAY")
    assert spelled_as(typed, [other, day]) == day
    assert spelled_as(tmp_path / "night", [other, day]) is None
