"""model/image_cache: an entry is only used under the decoding rules and file state it was made from."""

from __future__ import annotations

import os
import time

import numpy as np
from PIL import Image

from petloc_gui.core.images import load_image
from petloc_gui.model import image_cache
from petloc_gui.model.image_cache import ImageCache


def _counting(value):
    calls = []

    def make():
        calls.append(1)
        return np.full((2, 2, 3), value, np.uint8)
    return make, calls


def test_an_entry_written_under_other_decoding_rules_is_not_used_and_is_swept(tmp_path, monkeypatch):
    photo = tmp_path / "a.png"
    Image.new("RGB", (4, 4)).save(photo)
    monkeypatch.setattr(image_cache, "DECODE_RULES_VERSION", 1)
    old_make, _ = _counting(10)
    ImageCache(tmp_path / "cache").get(photo, "bounded-448", old_make)  # what an older petloc decoded

    monkeypatch.setattr(image_cache, "DECODE_RULES_VERSION", 2)
    new_make, calls = _counting(200)
    cache = ImageCache(tmp_path / "cache")
    assert cache.get(photo, "bounded-448", new_make)[0, 0, 0] == 200 and calls == [1]
    assert cache.get(photo, "bounded-448", new_make)[0, 0, 0] == 200 and calls == [1]  # kept under the new rules
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["rules-2"]  # the old entries are gone


def test_entries_of_the_first_layout_are_swept_and_those_of_newer_rules_kept(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    (root / "ab").mkdir(parents=True)  # the layout before rules folders: <2 hex digits>/<key>.npy
    np.save(root / "ab" / ("ab" + "0" * 62 + ".npy"), np.zeros((2, 2, 3), np.uint8))
    (root / "rules-9").mkdir()  # a newer petloc shares the cache
    (root / "notes.txt").write_text("not the cache's", encoding="utf-8")
    monkeypatch.setattr(image_cache, "DECODE_RULES_VERSION", 3)
    ImageCache(root)
    assert sorted(p.name for p in root.iterdir()) == ["notes.txt", "rules-3", "rules-9"]


def test_an_exif_only_edit_that_keeps_the_size_and_the_modification_time_is_decoded_again(tmp_path):
    photo = tmp_path / "a.jpg"
    exif = Image.Exif()
    exif[0x0112] = 1  # upright
    Image.new("RGB", (40, 20), (200, 0, 0)).save(photo, exif=exif)
    cache = ImageCache(tmp_path / "cache")
    assert cache.get(photo, "full", lambda: load_image(photo)).shape == (20, 40, 3)

    before = os.stat(photo)
    data = bytearray(photo.read_bytes())
    entry = b"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x01"  # the orientation tag = 1 (Pillow writes big-endian)
    at = data.index(entry)
    data[at + 9] = 6  # rotated 90 degrees, edited in place (exiftool -P keeps the time)
    with open(photo, "r+b") as handle:
        handle.write(data)
    os.utime(photo, ns=(before.st_atime_ns, before.st_mtime_ns))
    while os.stat(photo).st_ctime_ns == before.st_ctime_ns:  # the clock of file times ticks coarsely
        time.sleep(0.005)
        os.utime(photo, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(photo)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    assert cache.get(photo, "full", lambda: load_image(photo)).shape == (40, 20, 3)
