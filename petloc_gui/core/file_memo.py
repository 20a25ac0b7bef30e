"""Values computed from a file, remembered while the file stays as it was (no Qt, no TensorFlow).

Choosing and listing models look at every candidate's meta.json each time a folder opens, and a
digits version's is ~1 MB: what they take from it (the class names, the second stage's file) is
remembered per file state. A rewrite by atomic rename (a new inode) or an edit in place (mtime,
size) changes the key; a computation that raises is not remembered (a file being written is read
again next time). Safe across threads: the window chooses a folder's model in a worker while the UI
thread lists models with the same memos.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


class FileMemo(Generic[T]):
    """``get(path, compute)``: ``compute(path)``, or what it gave for the same file state."""

    def __init__(self, limit: int = 512) -> None:
        self._limit = limit
        self._values: dict[tuple[str, int, int, int], T] = {}
        self._lock = threading.Lock()  # (compute runs outside it: two threads may compute one file twice)

    def get(self, path: Path, compute: Callable[[Path], T]) -> T:
        """Raises what ``path.stat()`` or ``compute`` raise (nothing is remembered then)."""
        stat = path.stat()
        key = (str(path.absolute()), stat.st_ino, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if key in self._values:
                return self._values[key]
        value = compute(path)
        with self._lock:
            # another thread's eviction between two steps raised KeyError ("the oldest entry" gone already)
            while len(self._values) >= self._limit:
                self._values.pop(next(iter(self._values)))  # the oldest entry
            self._values[key] = value
        return value
