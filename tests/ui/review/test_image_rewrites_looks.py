"""`image_rewrites`' looks: an image rewritten in place is found by the rolling stat within a round of it
(`ROLL` images a look), one renamed over at the next look (its folder's time moved), and one that cannot be
looked at now (deleted) is no news, its stamp kept."""

from __future__ import annotations

import os

from petloc_gui.ui.review import image_rewrites
from petloc_gui.ui.review.image_rewrites import changed_images, first_stamps


def _files(tmp_path, count: int) -> list[str]:
    paths = []
    for i in range(count):
        path = tmp_path / f"{i}.png"
        path.write_bytes(b"old")
        paths.append(str(path))
    return paths


def test_a_rewrite_in_place_is_found_within_one_round_of_the_rolling_stat(tmp_path, monkeypatch):
    monkeypatch.setattr(image_rewrites, "ROLL", 2)
    paths = _files(tmp_path, 5)
    seen = first_stamps(paths)
    folder_time = os.stat(tmp_path).st_mtime_ns
    with open(paths[4], "r+b") as file:  # in place: the folder's time stays
        file.write(b"new!")
    assert os.stat(tmp_path).st_mtime_ns == folder_time
    found = []
    for _look in range(3):  # rows 0-1, 2-3, then 4 (and 0)
        changed, seen = changed_images(seen)
        found.append([path for path, _stamp in changed])
    assert found == [[], [], [paths[4]]]
    assert changed_images(seen)[0] == []  # said once


def test_a_file_renamed_over_an_image_is_found_at_the_next_look(tmp_path, monkeypatch):
    monkeypatch.setattr(image_rewrites, "ROLL", 1)  # the rolling stat alone would reach it in 4 looks
    paths = _files(tmp_path, 4)
    seen = first_stamps(paths)
    (tmp_path / "tmp").write_bytes(b"another picture")
    os.replace(tmp_path / "tmp", paths[3])
    changed, seen = changed_images(seen)
    assert [path for path, _stamp in changed] == [paths[3]]
    assert changed[0][1].size == len(b"another picture")


def test_a_deleted_image_is_no_news_and_its_stamp_stays(tmp_path):
    paths = _files(tmp_path, 2)
    seen = first_stamps(paths)
    os.remove(paths[1])
    changed, after = changed_images(seen)
    assert changed == [] and after.known == seen.known
