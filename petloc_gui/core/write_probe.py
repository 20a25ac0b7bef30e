"""Why a file cannot be written in a folder, found by writing there.

A library that only says "could not write" (Qt's QSettings: ``AccessError`` for a missing permission, a
read-only mount and a full disk alike) leaves the reason to guess. Writing a small temporary file where
the file goes meets the same refusal, and its errno names it. The temporary file has no name where the
system allows (Linux's O_TMPFILE) and is removed at once elsewhere: nothing is left, even when killed.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

# About what a settings file needs (a few KB), in blocks: a disk with less room than this is full for it.
PROBE_BYTES = 64 * 1024

_CAUSES = {
    errno.ENOSPC: "the disk it is on is full: free some space",
    errno.EDQUOT: "your disk quota there is used up: free some space",
    errno.EROFS: "it is on a read-only file system: remount it writable",
    errno.EACCES: "no permission to write in {folder}",
    errno.EPERM: "no permission to write in {folder}",
    errno.ENOTDIR: "a file is where a folder of its path should be",
}


def why_not_writable(file: str | os.PathLike[str]) -> str | None:
    """What keeps ``file`` from being written, as a phrase ("the disk it is on is full: free some space"),
    or None when a file can be written where it goes (the cause is elsewhere: the file itself).

    The probe goes in the folder of the file a write reaches (a symbolic link's target), or the nearest
    folder on its path that exists when that folder is still to be made (making it needs room there too)."""
    folder = Path(os.path.realpath(file)).parent
    while True:
        try:
            _write_probe(folder)
        except FileNotFoundError:
            if folder.parent == folder:
                return None
            folder = folder.parent
            continue
        except OSError as exc:
            cause = _CAUSES.get(exc.errno or 0)
            return cause.format(folder=folder) if cause else (exc.strerror or str(exc))
        return None


def _write_probe(folder: Path) -> None:
    with tempfile.TemporaryFile(dir=folder) as probe:
        fd, left = probe.fileno(), PROBE_BYTES
        while left > 0:  # a nearly full disk takes part of a write; the next one is refused
            left -= os.write(fd, bytes(min(left, 8192)))
        os.fsync(fd)
