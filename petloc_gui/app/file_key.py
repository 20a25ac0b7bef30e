"""The cache key of an image file: its path and the state of the file (no Qt).

The window's caches (decoded pictures, predictions) hold a result under the key the file had
when it was read, and look it up under the key it has now: any change to the file must change
the key. The modification time alone misses an edit that keeps it (``exiftool -P`` rotating
a photo by its EXIF orientation, a copy that restores the time); the size and, on Linux and macOS,
the change time (ctime, which no program can set back) do not; on Windows st_ctime is the
creation time, so there an edit keeping size and time is not seen until either changes.
The decoded pictures live in one process, so their key needs no decoding-rules version
(`core.decode_rules`): the rules cannot change under them. Predictions are also kept on disk
between runs (`app.prediction_disk_cache`), where petloc may have been upgraded meanwhile: there
this key is only half of it, and the model's fingerprint (its files, petloc's version and the
decoding rules) the other half.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple


class FileStamp(NamedTuple):
    """What changes when a file does: modification time, size and change time."""

    mtime_ns: int
    size: int
    ctime_ns: int


NO_FILE = FileStamp(-1, -1, -1)  # the stamp of a file that cannot be stat'ed

FileKey = tuple[str, FileStamp]


def file_key(path: Path) -> FileKey:
    """(path, stamp); `NO_FILE` when the file cannot be stat'ed."""
    return (str(path), file_stamp(path))


def file_stamp(path: str | os.PathLike[str]) -> FileStamp:
    """The file's stamp now (`FileStamp`); `NO_FILE` when it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except OSError:
        return NO_FILE
    return FileStamp(info.st_mtime_ns, info.st_size, info.st_ctime_ns)


def may_cache(path: Path, key: FileKey, failed: bool) -> bool:
    """Whether a result read from ``path``, whose key was ``key`` before the read, may be cached.

    A success always may. A failure only if the file did not change while it was read:
    one deleted meanwhile (moved back later with its old time), or read half-copied,
    is read again when next asked for instead of being served the error for good. Nor one whose file could not
    be looked at (its key "no file" before and after: a folder unreadable for the moment, a network share's
    hiccup): kept, it would be served the next time the file cannot be looked at, without a try.
    """
    return not failed or (key[1] != NO_FILE and file_key(path) == key)
