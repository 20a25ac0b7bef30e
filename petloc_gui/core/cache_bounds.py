"""A disk cache kept within bounds: its least recently used files removed past a count or a size (no Qt).

Shared by the prediction cache (`app.prediction_disk_cache`: one JSON file per image folder and
model) and the decoded-image cache (`model.image_cache`: one ``.npy`` per image and size). A
file's modification time says when it was last used: each cache renews it when it uses a file.
The files this process uses go after every other one.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Container, Iterable
from typing import NamedTuple


class CachedFile(NamedTuple):
    used_ns: int  # its modification time: when it was last written or used
    in_use: bool  # used by this process: removed after every other
    size: int
    path: str


def cached_files(folder: str | os.PathLike[str], suffix: str, in_use: Container[str] = (),
                 depth: int = 0) -> list[CachedFile]:
    """The files of ``folder`` whose names end in ``suffix``, and those of its subfolders ``depth``
    levels down; ``in_use``: the names of those this process uses. Symbolic links are left out;
    an unreadable folder gives none."""
    found: list[CachedFile] = []
    try:
        with os.scandir(folder) as iterator:
            entries = list(iterator)
    except OSError:
        return found
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                if depth > 0:
                    found += cached_files(entry.path, suffix, in_use, depth - 1)
            elif entry.name.endswith(suffix) and entry.is_file(follow_symlinks=False):
                info = entry.stat(follow_symlinks=False)
                found.append(CachedFile(info.st_mtime_ns, entry.name in in_use, info.st_size, entry.path))
        except OSError:  # removed meanwhile (another process pruning): not counted
            continue
    return found


def least_recent_first(files: Iterable[CachedFile]) -> deque[CachedFile]:
    """``files`` in the order they are removed in: least recently used first, those in use last."""
    return deque(sorted(files, key=lambda file: (file.in_use, file.used_ns)))


def remove_in_order(ordered: deque[CachedFile], count: int, total: int, max_files: int, max_total_bytes: int,
                    kept: Callable[[CachedFile], bool] = lambda file: False) -> tuple[int, int]:
    """Remove the files at the front of ``ordered`` (each taken off it) until at most ``max_files`` of at most
    ``max_total_bytes`` are left of ``count`` files of ``total`` bytes; those ``kept`` says are taken off
    ``ordered`` but not removed. Returns the (count, bytes) left. A file that cannot be removed stays counted;
    one already gone (another process pruning) is gone all the same."""
    while ordered and (count > max_files or total > max_total_bytes):
        file = ordered.popleft()
        if kept(file):
            continue
        try:
            os.unlink(file.path)
        except FileNotFoundError:
            pass
        except OSError:
            continue
        count, total = count - 1, total - file.size
    return count, total


def remove_least_recent(files: Iterable[CachedFile], max_files: int, max_total_bytes: int,
                        keep_in_use: bool = False) -> tuple[int, int]:
    """Remove ``files``, least recently used first (those in use last), until at most ``max_files``
    of at most ``max_total_bytes`` together are left; ``keep_in_use``: never those in use, the
    bounds then possibly still passed. Returns the (count, bytes) left (`remove_in_order`)."""
    ordered = least_recent_first(files)
    return remove_in_order(ordered, len(ordered), sum(file.size for file in ordered), max_files, max_total_bytes,
                           kept=lambda file: keep_in_use and file.in_use)
