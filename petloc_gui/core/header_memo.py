"""Image sizes read from file headers, remembered while their files stay as they were (in memory
only: nothing is written to disk).

The Dataset panel computes a folder's statistics again after every save (``core.stats.compute_stats``
with ``headers``), and reading every image's header again was half of that time (2.1 s of ~4.5 s at
10,000 images on a busy 2-core machine) though a save changes one annotation file. A size is kept
under its file's stamp (path, size in bytes, modification and change time) and read again once the
stamp differs: an image replaced or edited on disk. The change time is in the stamp because a
program may edit a file and set its modification time back (``exiftool -P`` turning a photo by its
EXIF orientation, which swaps the displayed width and height); no program can set the change time
back (on Windows st_ctime is the creation time, so there such an edit is seen only with a new size).
A file rewritten twice within one tick of the file system's clock, to the same length, keeps the
first size until it changes again, as the window's other caches (``app.file_key``) do.
"""

from __future__ import annotations

import os
import threading
from typing import NamedTuple

from petloc_gui.core.images import image_size

# About 300 bytes each: at most ~60 MB for the images of two walks over a very large folder.
DEFAULT_MAX_ENTRIES = 100_000


class _Stamp(NamedTuple):
    """What changes when a file does."""

    size: int
    mtime_ns: int
    ctime_ns: int


class HeaderMemo:
    """``image_size(path)`` as ``core.images.image_size`` gives it, each header read once while its
    file is unchanged.

    Its memory is bounded two ways: ``new_pass()`` (called as each walk over a folder starts) forgets
    the sizes not asked for during the walk before it (files removed or renamed, another folder's),
    and a walk remembers at most ``max_entries`` sizes (the images past those are read every time,
    rather than evicting the ones the same walk will ask for next). Errors are not remembered: an
    unreadable file, perhaps still being copied, is read again the next time. A lock guards the
    sizes, so the background worker that uses it and a caller that starts a walk may overlap.
    """

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._this_pass: dict[str, tuple[_Stamp, tuple[int, int]]] = {}
        self._last_pass: dict[str, tuple[_Stamp, tuple[int, int]]] = {}

    def __len__(self) -> int:
        with self._lock:
            return len(self._this_pass) + len(self._last_pass)

    def new_pass(self) -> None:
        """A walk over a folder starts: what the walk before did not ask for is forgotten when the
        next one starts."""
        with self._lock:
            self._last_pass, self._this_pass = self._this_pass, {}

    def image_size(self, path: str | os.PathLike[str]) -> tuple[int, int]:
        """``(width, height)`` of the image as displayed; raises as ``core.images.image_size`` does."""
        key = os.fspath(path)
        try:
            info = os.stat(key)
        except OSError:
            return image_size(path)  # gone or not reachable: the reader says so in its own words
        # Taken before the read: a file that changes while it is read is read again next time.
        stamp = _Stamp(info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        with self._lock:
            known = self._this_pass.get(key) or self._last_pass.pop(key, None)
            if known is not None and known[0] == stamp:
                self._this_pass[key] = known
                return known[1]
        size = image_size(path)
        with self._lock:
            if key in self._this_pass or len(self._this_pass) < self.max_entries:
                self._this_pass[key] = (stamp, size)
        return size
