"""model/image_cache: `petloc train --cache-images` kept every decoded image it ever made (each edit or
touch of a photo, each size, a new .npy) and never removed one: the cache grew without limit. It is now
bounded as the prediction cache is, the entries least recently used removed first."""

from __future__ import annotations

import os
import time

import numpy as np

from petloc_gui.model import image_cache
from petloc_gui.model.image_cache import ImageCache

SHAPE = (8, 8, 3)  # 192 bytes of pixels, 320 with the .npy header


def _entries(root) -> list:
    return sorted(root.rglob(f"*{image_cache.ENTRY_SUFFIX}"))


def _make(value: int, calls: list | None = None):
    def make():
        if calls is not None:
            calls.append(value)
        return np.full(SHAPE, value, np.uint8)
    return make


def _photo(folder, name: str):
    path = folder / name
    path.write_bytes(b"x" * 100)  # never decoded: `make` stands in for the decoding
    return path


def _age(root, seconds: float) -> None:
    """Every entry as last used ``seconds`` ago (a run of yesterday)."""
    when = time.time() - seconds
    for entry in _entries(root):
        os.utime(entry, (when, when))


def test_a_photo_touched_between_runs_leaves_no_more_entries_than_the_bound(tmp_path):
    """The hunt's case: five retrains, the photo touched between them (an EXIF tool, a sync client)."""
    photo = _photo(tmp_path, "a.png")
    cache_dir = tmp_path / "cache"
    stamped: set = set()
    for run in range(5):
        cache = ImageCache(cache_dir, max_files=2)
        assert cache.get(photo, "bounded-448", _make(run))[0, 0, 0] == run
        when = time.time() - 3600 * (5 - run)  # each run a day after the one before (an hour, here)
        for entry in set(_entries(cache_dir)) - stamped:  # this run's entry
            os.utime(entry, (when, when))
            stamped.add(entry)
        later = time.time() + run + 1
        os.utime(photo, (later, later))
    ImageCache(cache_dir, max_files=2)  # the next run opens it
    assert len(_entries(cache_dir)) == 2
    assert sorted(int(np.load(entry)[0, 0, 0]) for entry in _entries(cache_dir)) == [3, 4]  # the latest kept


def test_the_bytes_bound_removes_the_least_recently_used_entries_of_other_runs(tmp_path):
    photos = [_photo(tmp_path, f"{name}.png") for name in "abc"]
    cache_dir = tmp_path / "cache"
    first = ImageCache(cache_dir)
    for i, photo in enumerate(photos[:2]):
        first.get(photo, "bounded-448", _make(i))
    size = _entries(cache_dir)[0].stat().st_size
    _age(cache_dir, 7200)

    second = ImageCache(cache_dir, max_total_bytes=2 * size)
    calls: list = []
    assert second.get(photos[1], "bounded-448", _make(1, calls))[0, 0, 0] == 1 and calls == []  # a hit: b used
    assert second.get(photos[2], "bounded-448", _make(2, calls))[0, 0, 0] == 2 and calls == [2]
    left = {int(np.load(entry)[0, 0, 0]) for entry in _entries(cache_dir)}
    assert left == {1, 2}  # a, least recently used, made room for c
    assert sum(entry.stat().st_size for entry in _entries(cache_dir)) <= 2 * size


def test_a_run_past_the_bound_keeps_its_own_entries_and_decodes_the_rest(tmp_path):
    """Removing the run's own entries would only have them decoded and written again at every epoch."""
    photos = [_photo(tmp_path, f"{i}.png") for i in range(4)]
    cache = ImageCache(tmp_path / "cache", max_files=2)
    for epoch in range(2):
        calls: list = []
        for i, photo in enumerate(photos):
            assert cache.get(photo, "bounded-448", _make(i, calls))[0, 0, 0] == i
        assert calls == ([0, 1, 2, 3] if epoch == 0 else [2, 3])  # the first two from the cache
    assert len(_entries(tmp_path / "cache")) == 2
    assert not [p for p in (tmp_path / "cache").rglob("*.tmp")]  # the entries not kept left nothing behind
