"""model/image_cache: once this run's own entries filled the decoded-image cache, every later miss still wrote
its whole decoded array to a temporary file, then deleted it (room was checked after the write): ~5 GB written
and deleted per epoch for a 20,000-photo folder. Room is checked first now. And an entry found damaged and made
again was counted as one more entry, its bytes twice: the cache then thought itself fuller than it was."""

from __future__ import annotations

import numpy as np

from petloc_gui.model import image_cache
from petloc_gui.model.image_cache import ImageCache


def _photos(folder, count: int) -> list:
    paths = []
    for i in range(count):
        path = folder / f"{i}.png"
        path.write_bytes(b"x" * 100)  # never decoded: `make` stands in for the decoding
        paths.append(path)
    return paths


def _on_disk(cache: ImageCache) -> tuple[int, int]:
    entries = list(cache.root.rglob(f"*{image_cache.ENTRY_SUFFIX}"))
    return len(entries), sum(entry.stat().st_size for entry in entries)


def test_a_full_cache_writes_no_entry_it_will_not_keep(tmp_path, monkeypatch):
    saved: list = []
    real = np.save

    def counting(file, array, *args, **kwargs):
        saved.append(array.nbytes)
        return real(file, array, *args, **kwargs)

    monkeypatch.setattr(image_cache.np, "save", counting)
    cache = ImageCache(tmp_path / "cache", max_files=3)
    photos = _photos(tmp_path, 8)
    for epoch in range(2):
        saved.clear()
        for i, photo in enumerate(photos):
            assert cache.get(photo, "bounded-448", lambda i=i: np.full((16, 16, 3), i, np.uint8))[0, 0, 0] == i
        assert len(saved) == (3 if epoch == 0 else 0), f"epoch {epoch}: {len(saved)} entries written"
    assert _on_disk(cache)[0] == 3
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_a_damaged_entry_made_again_is_counted_once(tmp_path):
    photos = _photos(tmp_path, 3)
    earlier = ImageCache(tmp_path / "cache", max_files=3)
    for i, photo in enumerate(photos[:2]):
        earlier.get(photo, "bounded-448", lambda i=i: np.full((16, 16, 3), i, np.uint8))
    key = earlier.key(photos[0], "bounded-448")
    (earlier.folder / key[:2] / f"{key}{image_cache.ENTRY_SUFFIX}").write_bytes(b"not an array")  # a bad block
    cache = ImageCache(tmp_path / "cache", max_files=3)  # the next run
    made: list = []
    assert cache.get(photos[0], "bounded-448", lambda: made.append(0) or np.zeros((16, 16, 3), np.uint8))[0, 0, 0] == 0
    assert made == [0]  # decoded again, stored again
    assert (cache._count, cache._bytes) == _on_disk(cache)  # 2 entries, their bytes, as on disk
    cache.get(photos[2], "bounded-448", lambda: np.full((16, 16, 3), 2, np.uint8))  # room for it: stored
    assert (cache._count, cache._bytes) == _on_disk(cache) and _on_disk(cache)[0] == 3
