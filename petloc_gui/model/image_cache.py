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

Bounded as the prediction cache is (`core.cache_bounds`): when a cache is opened, the entries
least recently used go first until at most `MAX_FILES` of at most `MAX_TOTAL_BYTES` together are
left (a photo edited, moved or decoded under another size made a new entry each time, and nothing
was ever removed). A hit renews its entry's time once a run. A run that would pass the bounds
removes other runs' entries, least recently used first, to make room (listed by the scan the open
made, the folder scanned again only once they are used up, not once per entry stored); once its own
entries fill the cache, the images left are decoded each time, as without a cache (removing this
run's own would only have them decoded again, and written again, at every epoch).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

import numpy as np

from petloc_gui.core.cache_bounds import CachedFile, cached_files, least_recent_first, remove_in_order
from petloc_gui.core.decode_rules import DECODE_RULES_VERSION

RULES_FOLDER = "rules-{}"
ENTRY_SUFFIX = ".npy"
MAX_FILES = 50_000
MAX_TOTAL_BYTES = 4 * 1024**3  # ~9,000 photos at 448 px (~450 KB each)
# Folders of the cache's root that older petlocs wrote: entries under older rules, and the
# two-hex-digit folders of the first layout (no rules folder). A newer petloc's are kept.
_RULES_NAME = re.compile(r"^rules-(\d+)$")
_FIRST_LAYOUT_NAME = re.compile(r"^[0-9a-f]{2}$")


class ImageCache:
    """``get(path, kind, make)``: the cached array for (file, kind), made by ``make()`` when absent."""

    def __init__(self, folder: str | os.PathLike[str], max_files: int = MAX_FILES,
                 max_total_bytes: int = MAX_TOTAL_BYTES) -> None:
        self.root = Path(folder)
        self.folder = self.root / RULES_FOLDER.format(DECODE_RULES_VERSION)
        self.folder.mkdir(parents=True, exist_ok=True)
        _sweep_older_rules(self.root, DECODE_RULES_VERSION)
        _sweep_stale(self.folder)
        self.max_files = max_files
        self.max_total_bytes = max_total_bytes
        self._lock = threading.Lock()  # the input pipeline's threads store at once
        self._used: set[str] = set()  # entries this run read or wrote: their time renewed, never made room with
        self._full = False  # this run's own entries fill the cache: no more are written
        # other runs' entries, least recently used first: what room is made with, taken from one scan of
        # the folder (scanning it for every entry stored, a stat per file under the lock, cost minutes)
        self._removable: deque[CachedFile] = deque()
        self._count, self._bytes = 0, 0
        self._scan()  # nothing used yet: every entry another run's
        self._count, self._bytes = remove_in_order(self._removable, self._count, self._bytes, max_files,
                                                   max_total_bytes)

    def _scan(self) -> None:
        """Count the entries on disk, and list other runs' as those room is made with."""
        found = cached_files(self.folder, ENTRY_SUFFIX, self._used, depth=1)  # rules-N/<2 hex>/<key>.npy
        self._count, self._bytes = len(found), sum(file.size for file in found)
        self._removable = least_recent_first(file for file in found if not file.in_use)

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
        entry = self.folder / key[:2] / f"{key}{ENTRY_SUFFIX}"
        damaged = False
        try:
            array = np.load(entry, allow_pickle=False)
        except FileNotFoundError:
            pass  # absent: make it
        except (OSError, ValueError, EOFError):
            damaged = True  # make it again
        else:
            if entry.name not in self._used:  # used: not the first to go when a later run makes room
                self._used.add(entry.name)
                with contextlib.suppress(OSError):
                    os.utime(entry)
            return array
        array = make()
        if damaged:
            self._remove(entry)  # replaced below, or not: either way, one entry fewer until then
        self._store(entry, array)
        return array

    def _store(self, entry: Path, array: np.ndarray) -> None:
        """Write ``entry`` when there is room for it, checked before anything is written: once the cache
        is full, each epoch used to write every image decoded again (~5 GB for 20,000 photos) to delete it."""
        size = _saved_size(array)
        if not self._room_for(size):
            return
        tmp = None
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            # named as `core.stale` knows petloc's temporaries (.NAME.XXXXXXXX.tmp, NAME cut to 32
            # characters): one a killed run left is swept when a cache opens a day later (`_sweep_stale`)
            fd, tmp = tempfile.mkstemp(prefix=f".{entry.name[:32]}.", suffix=".tmp", dir=entry.parent)
            with os.fdopen(fd, "wb") as handle:
                np.save(handle, array, allow_pickle=False)
            os.replace(tmp, entry)
            tmp = None
            self._used.add(entry.name)
        except OSError:  # a full or read-only disk only costs speed
            self._uncount(size)
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def _remove(self, entry: Path) -> None:
        """Remove a damaged entry, uncounted: the one made again in its place is counted as new (it was
        counted twice, its bytes too). Marked this run's, so that room is never made with it again."""
        self._used.add(entry.name)
        try:
            size = entry.stat().st_size
            entry.unlink()
        except OSError:
            return
        self._uncount(size)

    def _uncount(self, size: int) -> None:
        """One entry of ``size`` bytes fewer (removed, or not written after all)."""
        with self._lock:
            self._count, self._bytes = self._count - 1, self._bytes - size

    def _room_for(self, size: int) -> bool:
        """Whether an entry of ``size`` bytes may be added (counted when it may): past the bounds,
        other runs' entries are removed to make room, least recently used first."""
        with self._lock:
            if self._full:
                return False
            if not self._fits(size):
                self._make_room(size)
                self._full = not self._fits(size)
                if self._full:
                    self._removable.clear()
                    return False
            self._count, self._bytes = self._count + 1, self._bytes + size
            return True

    def _make_room(self, size: int) -> None:
        """Remove other runs' entries, least recently used first, until one of ``size`` bytes fits. The folder
        is scanned again only when the list of those is used up (the open's scan listed them first): a second
        folder's first epoch into a cache full of the first's used to scan it once per entry."""
        if not self._removable:
            self._scan()
        self._count, self._bytes = remove_in_order(
            self._removable, self._count, self._bytes, self.max_files - 1, self.max_total_bytes - size,
            kept=lambda file: os.path.basename(file.path) in self._used)  # read by this run since the scan

    def _fits(self, size: int) -> bool:
        return self._count + 1 <= self.max_files and self._bytes + size <= self.max_total_bytes


def _saved_size(array: np.ndarray) -> int:
    """The bytes of ``array`` in a ``.npy`` file, as `np.save` writes it: its header, then its data."""
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, np.lib.format.header_data_from_array_1_0(array))
    return header.tell() + array.nbytes


def _sweep_stale(folder: Path) -> None:
    """Remove the temporary files runs killed while writing an entry left, a day old (`core.stale`)."""
    from petloc_gui.core.stale import remove_stale_in

    try:
        with os.scandir(folder) as iterator:
            subfolders = [entry.path for entry in iterator if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return
    remove_stale_in(subfolders)


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
