"""Whether, and why not, a file can be written in a folder, found by writing there.

A library that only says "could not write" (Qt's QSettings: ``AccessError`` for a missing permission, a
read-only mount and a full disk alike) leaves the reason to guess, and a folder's permission bits miss ACLs
and read-only mounts. Making a temporary file where the file goes meets the same refusal, and its errno names
it. The temporary file has no name where the system allows (Linux's O_TMPFILE) and is removed at once
elsewhere: nothing is left, even when killed.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

# The least a settings file is probed with: a few KB, one block of most file systems. A probe of 64 KiB called
# a disk with less than that free full, where the 3 KB file it was for still fitted.
PROBE_BYTES = 4 * 1024
# The most: a settings file grown past this (a damaged one) is not copied whole on the window's thread to learn
# whether a copy fits.
_MOST_PROBE_BYTES = 1 << 20

_CAUSES = {
    errno.ENOSPC: "the disk it is on is full: free some space",
    errno.EDQUOT: "your disk quota there is used up: free some space",
    errno.EROFS: "it is on a read-only file system: remount it writable",
    errno.EACCES: "no permission to write in {folder}",
    errno.EPERM: "no permission to write in {folder}",
    errno.ENOTDIR: "a file is where a folder of its path should be",
}


def write_probe_error(folder: Path, prefix: str = ".petloc-", size: int = 0) -> OSError | None:
    """The error a new file of ``size`` bytes in ``folder`` meets, None when one can be made (and written):
    a file made and removed there is the only sure test (permissions, ACLs, a read-only mount, a file where the
    folder should be; with a ``size``, a full disk or quota too)."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=prefix, suffix=".probe") as probe:
            fd, left = probe.fileno(), size
            while left > 0:  # a nearly full disk takes part of a write; the next one is refused
                left -= os.write(fd, bytes(min(left, 8192)))
            if size:
                os.fsync(fd)  # a network file system (NFS) says a disk is full only when the data is flushed
    except OSError as exc:
        return exc
    return None


def nearest_existing(folder: Path) -> Path:
    """``folder``, or the nearest folder above it that is there (an entry, a link too): a write into a folder
    still to be made makes it there, so that one must take a new file."""
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate):
            return candidate
    return folder


def why_not_writable(file: str | os.PathLike[str]) -> str | None:
    """What keeps ``file`` from being written, as a phrase ("the disk it is on is full: free some space"),
    or None when a file can be written where it goes (the cause is elsewhere: the file itself).

    The probe goes in the folder of the file a write reaches (a symbolic link's target), or the nearest
    folder on its path that exists when that folder is still to be made (making it needs room there too). It
    is as large as the file is now, at least `PROBE_BYTES`: a whole new copy is written before it replaces
    the file."""
    target = Path(os.path.realpath(file))
    try:
        size = min(max(os.stat(target).st_size, PROBE_BYTES), _MOST_PROBE_BYTES)
    except OSError:  # none yet, or one that cannot be looked at: the probe says why
        size = PROBE_BYTES
    folder = nearest_existing(target.parent)
    exc = write_probe_error(folder, size=size)
    if exc is None:
        return None
    cause = _CAUSES.get(exc.errno or 0)
    return cause.format(folder=folder) if cause else (exc.strerror or str(exc))
