"""Values computed from a file, remembered while the file stays as it was (no Qt, no TensorFlow).

Choosing and listing models look at every candidate's meta.json each time a folder opens, and a
digits version's is ~1 MB; a walk up a chain of fine-tunes reads every ancestor's. What is taken from
such a file is remembered by its state (`settled_state`: path, inode, size, modification and change
times): a rewrite by atomic rename (a new inode), an edit in place (mtime, size) or a copy with its time
kept (`cp -p`: ctime) changes the key. A file written within `SETTLED_NS` of its read is computed but
not remembered: on a file system whose clock ticks coarsely (FAT's 2 s) a same-size rewrite in that
tick keeps the whole state, and the value read before it would be served for the new bytes (git's
racy-clean rule). A computation that raises is not remembered (a file being written is read again next
time). The least recently used value goes first when a memo is full. Safe across threads: the window
chooses a folder's model in a worker while the UI thread lists models with the same memos.

`now_ns` is the one clock every memo (and `model.collected_folder`'s known hashes) compares file times
with: tests move it on to read a file they just wrote as a long-settled one.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

# a file whose modification or change time is this recent when read has a state that cannot be trusted:
# a rewrite within the file system's clock tick (FAT's 2 s), of the same size, keeps it
SETTLED_NS = 3_000_000_000

FileState = tuple[str, int, int, int, int]  # (absolute path, inode, size, mtime ns, ctime ns)


def now_ns() -> int:
    """The time a file's times are compared with (`SETTLED_NS`)."""
    return time.time_ns()


def settled_state(path: str | os.PathLike[str]) -> FileState | None:
    """What tells the file at ``path`` unchanged since: (absolute path, inode, size, modification and change
    times in ns); None when it was written within `SETTLED_NS` of now (that state may be a later rewrite's
    too). Raises what ``os.stat`` raises."""
    now = now_ns()  # before the stat: a write after it has a later time, and shows in the state
    info = os.stat(path)
    if now - max(info.st_mtime_ns, info.st_ctime_ns) < SETTLED_NS:
        return None
    return os.path.abspath(path), info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


class FileMemo(Generic[T]):
    """``get(path, compute)``: ``compute(path)``, or what it gave for the same settled file state."""

    def __init__(self, limit: int = 512) -> None:
        self._limit = limit
        self._values: OrderedDict[FileState, T] = OrderedDict()  # least recently used first
        self._lock = threading.Lock()  # (compute runs outside it: two threads may compute one file twice)

    def get(self, path: Path, compute: Callable[[Path], T]) -> T:
        """Raises what ``os.stat(path)`` or ``compute`` raise (nothing is remembered then)."""
        key = settled_state(path)
        if key is not None:
            with self._lock:
                if key in self._values:
                    self._values.move_to_end(key)
                    return self._values[key]
        value = compute(path)
        if key is not None:
            with self._lock:
                self._values[key] = value
                self._values.move_to_end(key)  # (another thread may have put it there meanwhile)
                while len(self._values) > self._limit:
                    self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every value (a test's walks start as a new process's do)."""
        with self._lock:
            self._values.clear()
