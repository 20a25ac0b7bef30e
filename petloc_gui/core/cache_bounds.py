"""A disk cache kept within bounds: its least recently used files removed past a count or a size (no Qt).

Shared by the prediction cache (`app.prediction_disk_cache`: one JSON file per image folder and
model) and the decoded-image cache (`model.image_cache`: one ``.npy`` per image and size). A
file's modification time says when it was last used: each cache renews it when it uses a file.
The files this process uses go after every other one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Container, Iterable
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


def remove_least_recent(files: Iterable[CachedFile], max_files: int, max_total_bytes: int,
                        keep_in_use: bool = False) -> tuple[int, int]:
    """Remove ``files``, least recently used first (those in use last), until at most ``max_files``
    of at most ``max_total_bytes`` together are left; ``keep_in_use``: never those in use, the
    bounds then possibly still passed. Returns the (count, bytes) left. A file that cannot be
    removed stays counted."""
    ordered = sorted(files, key=lambda file: (file.in_use, file.used_ns))
    count, total = len(ordered), sum(file.size for file in ordered)
    for file in ordered:
        if (count <= max_files and total <= max_total_bytes) or (keep_in_use and file.in_use):
            break
        with contextlib.suppress(OSError):
            os.unlink(file.path)
            count, total = count - 1, total - file.size
    return count, total
