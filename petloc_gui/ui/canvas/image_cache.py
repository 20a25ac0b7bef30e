"""Decoded images for display: an LRU cache filled by background decoding only.

Images are decoded with core.images.load_image (EXIF applied, so boxes line
up) and downscaled to at most MAX_DISPLAY_SIDE for speed; the canvas scales
the picture back to the full displayed size, so box coordinates are never
affected. QImage (unlike QPixmap) may be built outside the UI thread.

The UI thread never reads an image file (a hostile one could hold it for
seconds): it asks ``cached`` (no I/O but a stat), and on a miss ``request``s
a decode; every decode, asked for or prefetched, ends in the ``decoded``
signal, delivered on the UI thread, whose receiver ignores images the user
has already left. Decodes run as ui.background workers on the cache's own
one-thread pool (one decode at a time: the UI thread keeps the CPU it needs).

Only the image last asked for and the last prefetch's images are still worth
decoding: a queued job for any other image ends without decoding it (and
without a ``decoded``). Stepping quickly past ten 8000x6000 photos otherwise
decoded every one of them, a second each, before the one stopped on. A decode
already running is left to finish.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QImage

from petloc_gui.app.file_key import FileKey, file_key, may_cache
from petloc_gui.ui import background

MAX_DISPLAY_SIDE = 2048
CACHE_ITEMS = 24
CACHE_BYTES = 192 * 1024 * 1024  # a 2048 x 1536 RGB preview is 9 MB
URGENT, PREFETCH = 1, 0  # thread-pool priorities: the image asked for goes first


@dataclass(frozen=True)
class DisplayImage:
    """A decoded picture (or the reason it could not be decoded)."""

    image: QImage | None
    size: tuple[int, int]  # displayed full size (w, h): the box coordinate system
    error: str | None = None


def decode(path: Path) -> DisplayImage:
    """Decode one image; never raises (the error is returned for display)."""
    from petloc_gui.core import images

    try:
        full_w, full_h = images.image_size(path)
        array = images.load_image(path, max_size=MAX_DISPLAY_SIDE)
        h, w = array.shape[:2]
        image = QImage(array.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        return DisplayImage(image, (int(full_w), int(full_h)))
    except Exception as exc:  # noqa: BLE001 - hostile files must not crash the window
        return DisplayImage(None, (0, 0), str(exc))


class ImageCache(QObject):
    """LRU of decoded images keyed by app.file_key (path and file stamp); decoding runs in one pool thread."""

    # image path (str), DisplayImage: emitted on the UI thread. The path crosses as a Python object: a
    # QString drops the surrogate escapes that hold a file name's bytes that are not UTF-8 (os.fsdecode),
    # and such an image, its decode taken for another's, stayed on "Loading…"
    decoded = Signal(object, object)

    def __init__(self, max_items: int = CACHE_ITEMS, max_bytes: int = CACHE_BYTES, parent=None) -> None:
        super().__init__(parent)
        self.max_items = max_items
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._items: OrderedDict[FileKey, DisplayImage] = OrderedDict()
        self._queued: set[str] = set()
        self._wanted: str | None = None  # the image last `request`ed
        self._prefetching: frozenset[str] = frozenset()  # the last `prefetch`'s images
        self._closed = False
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)  # one decode at a time: the UI thread keeps the CPU it needs

    def _peek(self, key):
        with self._lock:
            return self._items.get(key)

    def _put(self, key, value: DisplayImage) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > 1 and (len(self._items) > self.max_items or self._bytes() > self.max_bytes):
                self._items.popitem(last=False)

    def _bytes(self) -> int:
        return sum(v.image.sizeInBytes() for v in self._items.values() if v.image is not None)

    def cached(self, path: Path) -> DisplayImage | None:
        """The decoded image if it is cached (current file version), else None; reads no image."""
        key = file_key(Path(path))
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def request(self, path: Path) -> None:
        """Decode this one before any prefetch; ``decoded`` tells when it is there.

        It supersedes the image asked for before: if that one's decode has not started, it never will
        (unless it is asked for again or is among the last prefetch's images).
        """
        with self._lock:
            self._wanted = str(path)
        self._start(Path(path), URGENT)

    def prefetch(self, paths: list[Path]) -> None:
        """Decode these in the background (neighbours of the current image), instead of those of the
        previous call that have not started."""
        paths = paths[: self.max_items // 2]
        with self._lock:
            self._prefetching = frozenset(str(path) for path in paths)
        for path in paths:
            key = file_key(Path(path))
            with self._lock:
                if key in self._items or str(path) in self._queued:
                    continue
                self._queued.add(str(path))
            self._start(Path(path), PREFETCH)

    def _start(self, path: Path, priority: int) -> None:
        background.start(self._decode_into_cache, path, pool=self._pool, priority=priority,
                         returned=self._announce)

    def _decode_into_cache(self, path: Path) -> tuple[str, DisplayImage] | None:
        """In the pool's thread: decode unless a fresh copy arrived meanwhile; None (nothing to
        announce) for an image no longer wanted."""
        key = file_key(path)
        try:
            value = self._peek(key)
            if value is None:
                if not self._still_wanted(str(path)):
                    return None
                value = decode(path)
                if may_cache(path, key, failed=bool(value.error)):
                    self._put(key, value)
        finally:
            with self._lock:
                self._queued.discard(str(path))
        return str(path), value

    def _still_wanted(self, path: str) -> bool:
        """The image last asked for, or one of the last prefetch's (the user has not stepped past it)."""
        with self._lock:
            return path == self._wanted or path in self._prefetching

    def _announce(self, result: tuple[str, DisplayImage] | None) -> None:
        """On the UI thread: tell the receivers, unless the cache was shut down meanwhile or the decode
        was skipped."""
        with self._lock:
            closed = self._closed
        if result is not None and not closed:
            self.decoded.emit(*result)

    def is_idle(self) -> bool:
        """No decode running or waiting."""
        return self._pool.activeThreadCount() == 0

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
        background.cancel_queued(self._pool)  # released here: `clear()` would keep them for ever
        self._pool.waitForDone(10_000)
