"""An on-disk cache of decoded, downscaled training images (optional: ``TrainConfig.cache_images``).

Decoding a JPEG costs far more than reading its pixels back from a ``.npy``
file, so later epochs and later retrains of the same folder skip it. An entry
is keyed by the image's absolute path, byte size, modification and change
times plus what was made from it (e.g. ``bounded-448``), so an edited or
replaced file is decoded again: on Linux and macOS the change time (ctime,
which no program can set back) catches an EXIF-only edit that keeps the size
and restores the modification time (``exiftool -P``); on Windows st_ctime is
the creation time, which such an edit may keep, so there only the size or the
modification time tells. Entries live in a folder named after the
decoding rules they were made under (``rules-N``, `core.decode_rules`): after
petloc decodes some files differently, an older entry is not found, and the
folders of older rules (and those of the first layout, which had none) are
removed when a cache is opened. Entries are written atomically (temporary
file, then rename): parallel readers and a crash leave no half-written entry.
A broken entry is decoded again; the cache never fails a training run.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from petloc_gui.core.decode_rules import DECODE_RULES_VERSION

RULES_FOLDER = "rules-{}"
# Folders of the cache's root that older petlocs wrote: entries under older rules, and the
# two-hex-digit folders of the first layout (no rules folder). A newer petloc's are kept.
_RULES_NAME = re.compile(r"^rules-(\d+)$")
_FIRST_LAYOUT_NAME = re.compile(r"^[0-9a-f]{2}$")


class ImageCache:
    """``get(path, kind, make)``: the cached array for (file, kind), made by ``make()`` when absent."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.root = Path(folder)
        self.folder = self.root / RULES_FOLDER.format(DECODE_RULES_VERSION)
        self.folder.mkdir(parents=True, exist_ok=True)
        _sweep_older_rules(self.root, DECODE_RULES_VERSION)

    def key(self, path: str | os.PathLike[str], kind: str) -> str | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        text = f"{os.path.abspath(path)}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{kind}"
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


def _sweep_older_rules(root: Path, version: int) -> None:
    """Remove the entries no petloc of these rules or newer will read again (they would only
    fill the disk). A run of an older petloc reading them meanwhile decodes those images again."""
    try:
        with os.scandir(root) as iterator:
            names = [entry.name for entry in iterator if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return
    for name in names:
        rules = _RULES_NAME.match(name)
        if _FIRST_LAYOUT_NAME.match(name) or (rules is not None and int(rules.group(1)) < version):
            shutil.rmtree(root / name, ignore_errors=True)
