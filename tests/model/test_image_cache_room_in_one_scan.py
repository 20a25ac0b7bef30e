"""model/image_cache: a second folder's first epoch into a decoded-image cache full of an earlier run's entries
scanned the whole cache folder (256 subfolders, a stat per file, under the lock the input pipeline's threads
wait on) for every image it stored, and freed one slot each time: 2,001 scans for 2,000 images, a minute
instead of a second, ~20 minutes at the real 4 GiB bound. The folder is scanned once, room made from that."""

from __future__ import annotations

import os
import time

import numpy as np

from petloc_gui.model import image_cache
from petloc_gui.model.image_cache import ImageCache

STORES = 60


def _photos(folder, first: int, count: int) -> list:
    paths = []
    for i in range(first, first + count):
        path = folder / f"{i}.png"
        path.write_bytes(b"x" * 100)  # never decoded: `make` stands in for the decoding
        paths.append(path)
    return paths


def _entries(root) -> list:
    return sorted(root.rglob(f"*{image_cache.ENTRY_SUFFIX}"))


def _value(entry) -> int:
    return int(np.load(entry)[0, 0, 0])


def _counting_scans(monkeypatch) -> list:
    scans: list = []
    real = image_cache.cached_files

    def counting(*args, **kwargs):
        scans.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(image_cache, "cached_files", counting)
    return scans


def _fill(cache_dir, photos) -> None:
    """An earlier run's entries (values 0, 1, 2...), as last used an hour ago, the first photo's the oldest."""
    first = ImageCache(cache_dir, max_files=len(photos))
    for i, photo in enumerate(photos):
        first.get(photo, "bounded-448", lambda i=i: np.full((8, 8, 3), i % 256, np.uint8))
    for i, photo in enumerate(photos):
        key = first.key(photo, "bounded-448")
        when = time.time() - 3600 + i
        os.utime(first.folder / key[:2] / f"{key}{image_cache.ENTRY_SUFFIX}", (when, when))


def test_storing_into_a_cache_full_of_another_runs_entries_scans_it_once(tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    _fill(cache_dir, _photos(tmp_path, 0, STORES))
    scans = _counting_scans(monkeypatch)
    second = ImageCache(cache_dir, max_files=STORES)
    assert len(scans) == 1  # opening scans it (the bound kept since the last run)
    new = _photos(tmp_path, STORES, STORES)
    for i, photo in enumerate(new):
        value = 100 + i % 100
        assert second.get(photo, "bounded-448", lambda v=value: np.full((8, 8, 3), v, np.uint8))[0, 0, 0] == value
    # room made from the open's scan: the first store scanned the folder a second time, seconds after the open
    assert len(scans) == 1, f"{len(scans)} scans of the cache folder, the open's included, for {STORES} entries stored"
    left = _entries(cache_dir)
    assert len(left) == STORES  # the bound kept, every entry this run's
    assert sorted(_value(entry) for entry in left) == sorted(100 + i % 100 for i in range(STORES))


def test_room_is_made_from_the_least_recently_used_and_never_from_what_this_run_read(tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    old = _photos(tmp_path, 0, 4)
    _fill(cache_dir, old)  # values 0..3, photo 0's the least recently used
    second = ImageCache(cache_dir, max_files=4)
    calls: list = []
    second.get(new := _photos(tmp_path, 10, 1)[0], "bounded-448", lambda: np.full((8, 8, 3), 10, np.uint8))
    assert sorted(_value(entry) for entry in _entries(cache_dir)) == [1, 2, 3, 10]  # 0 made room
    # photo 1 read (a hit) after the scan: kept, though it is the least recently used left
    assert second.get(old[1], "bounded-448", lambda: calls.append(1) or np.zeros((8, 8, 3), np.uint8))[0, 0, 0] == 1
    assert calls == []
    second.get(_photos(tmp_path, 11, 1)[0], "bounded-448", lambda: np.full((8, 8, 3), 11, np.uint8))
    assert sorted(_value(entry) for entry in _entries(cache_dir)) == [1, 3, 10, 11]  # 2 made room, not 1
    assert second.get(new, "bounded-448", lambda: calls.append(10) or np.zeros((8, 8, 3), np.uint8))[0, 0, 0] == 10
    assert calls == []


def test_once_only_this_runs_entries_are_left_it_stores_no_more(tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    _fill(cache_dir, _photos(tmp_path, 0, 3))
    second = ImageCache(cache_dir, max_files=3)
    new = _photos(tmp_path, 10, 6)
    for i, photo in enumerate(new):
        second.get(photo, "bounded-448", lambda i=i: np.full((8, 8, 3), 10 + i, np.uint8))
    assert sorted(_value(entry) for entry in _entries(cache_dir)) == [10, 11, 12]  # its first three, kept


def test_the_folder_is_scanned_again_only_once_the_opens_list_is_used_up(tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    _fill(cache_dir, _photos(tmp_path, 0, 3))
    scans = _counting_scans(monkeypatch)
    second = ImageCache(cache_dir, max_files=3)
    new = _photos(tmp_path, 10, 5)
    for i, photo in enumerate(new[:3]):  # room from the open's list: the earlier run's three entries
        second.get(photo, "bounded-448", lambda i=i: np.full((8, 8, 3), 10 + i, np.uint8))
    assert len(scans) == 1
    second.get(new[3], "bounded-448", lambda: np.full((8, 8, 3), 13, np.uint8))  # the list used up: scanned again
    second.get(new[4], "bounded-448", lambda: np.full((8, 8, 3), 14, np.uint8))  # full of its own: no scan
    assert len(scans) == 2
    assert sorted(_value(entry) for entry in _entries(cache_dir)) == [10, 11, 12]
