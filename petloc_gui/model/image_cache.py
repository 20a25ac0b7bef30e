"""An on-disk cache of decoded, downscaled training images (optional: ``TrainConfig.cache_images``).

Decoding a JPEG costs far more than reading its pixels back from a ``.npy``
file, so later epochs and later retrains of the same folder skip it. An entry
is keyed by the image's absolute path, byte size and modification time plus
what was made from it (e.g. ``bounded-448``), so an edited or replaced file
is decoded again. Entries are written atomically (temporary file, then
rename): parallel readers and a crash leave no half-written entry. A broken
entry is decoded again; the cache never fails a training run.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np


class ImageCache:
    """``get(path, kind, make)``: the cached array for (file, kind), made by ``make()`` when absent."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def key(self, path: str | os.PathLike[str], kind: str) -> str | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        text = f"{os.path.abspath(path)}\0{stat.st_size}\0{stat.st_mtime_ns}\0{kind}"
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def get(self, path: str | os.PathLike[str], kind: str, make: Callable[[], np.ndarray]) -> np.ndarray:
        key = self.key(path, kind)
        if key is None:
            return make()
        entry = self.folder / key[:2] / f"{key}.npy"
        try:
            return np.load(entry, allow_pickle=False)
        except (OSError, ValueError, EOFError):
            pass  # absent or damaged: make it again
        array = make()
        self._store(entry, array)
        return array

    @staticmethod
    def _store(entry: Path, array: np.ndarray) -> None:
        tmp = None
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=entry.parent)
            with os.fdopen(fd, "wb") as handle:
                np.save(handle, array, allow_pickle=False)
            os.replace(tmp, entry)
        except OSError:  # a full or read-only disk only costs speed
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
