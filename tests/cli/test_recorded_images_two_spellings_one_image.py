"""Two recorded images differing only in case (images/cat.jpg, images/Cat.jpg) and a folder holding one image
that is either by case alone (images/cat.JPG): which one it is would be a guess, so neither is found by its
name (`find_recorded`), and `petloc evaluate --split` does not score it as the other."""

from __future__ import annotations

from petloc_gui.cli.recorded_images import find_recorded


def test_one_image_matching_two_recorded_spellings_is_not_taken_for_either():
    items = ["images/cat.JPG"]
    found = find_recorded(items, lambda relpath: relpath, ["images/cat.jpg", "images/Cat.jpg"], {},
                          lambda _path: None)

    assert (found.items, found.by_form, found.by_bytes) == ([], [], [])


def test_one_image_matching_one_recorded_spelling_is_found():
    found = find_recorded(["images/cat.JPG"], lambda relpath: relpath, ["images/cat.jpg"], {}, lambda _path: None)

    assert (found.items, found.by_form) == (["images/cat.JPG"], [("images/cat.jpg", "images/cat.JPG")])
