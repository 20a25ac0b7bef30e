"""A `petloc train --cache-images` run killed while writing an entry left its temporary file in the
cache for ever: named `.XXXXXXXX.tmp`, which `core.stale` did not take for petloc's, and not counted by
the cache's bounds (only .npy entries are). It is named as petloc's temporaries are now, and a cache
opening a day later removes it (one written meanwhile by a running run is kept)."""

from __future__ import annotations

import contextlib
import os
import time

import numpy as np

from petloc_gui.model.image_cache import ImageCache


def test_a_killed_write_is_swept_a_day_later(tmp_path, monkeypatch):
    cache = ImageCache(tmp_path)
    image = tmp_path / "a.bin"
    image.write_bytes(b"x")
    left: list[str] = []
    real_replace = os.replace

    def killed(src, dst):  # the process dies between writing the temporary and renaming it
        left.append(src)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with contextlib.suppress(KeyboardInterrupt):
        cache.get(image, "kind", lambda: np.zeros((4, 4, 3), np.uint8))
    monkeypatch.setattr(os, "replace", real_replace)
    assert len(left) == 1
    stale = left[0]
    # the finally clause removed it: put one back as a killed process leaves it (no finally ran)
    with open(stale, "wb") as handle:
        handle.write(b"partial")
    fresh = stale[: -len("XXXXXXXX.tmp")] + "abcdefgh.tmp"  # another run's, being written now
    with open(fresh, "wb") as handle:
        handle.write(b"partial")
    day_old = time.time() - 2 * 24 * 3600
    os.utime(stale, (day_old, day_old))
    ImageCache(tmp_path)
    assert not os.path.exists(stale)
    assert os.path.exists(fresh)  # too new to be stale: kept
