"""What a file looked like on disk when we read it, to notice changes made by others.

Another program (or a second petloc window) may rewrite an annotation while
it is open here. Every read records a :class:`DiskState` (modification time,
size and SHA-256 of the exact bytes read); a save compares it with the file
as it is now and refuses when they differ (see ``core.voc_write``). The hash
makes the check independent of timestamp resolution: a rewrite within the
same clock tick with the same size is still caught.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass

from petloc_gui.core.regular_file import open_regular

# Files larger than this are not annotations (core.voc_tree refuses them);
# hashing stops here so a check never reads gigabytes.
_HASH_LIMIT = 32 * 1024 * 1024


@dataclass(frozen=True)
class DiskState:
    """A file's identity as read: ``exists`` False means "there was no file"."""

    exists: bool
    mtime_ns: int = 0
    size: int = 0
    sha256: str = ""

    def describe(self) -> str:
        if not self.exists:
            return "no file"
        return f"{self.size} bytes, modified {self.mtime_ns} ns, sha256 {self.sha256[:12]}"


MISSING = DiskState(exists=False)


def state_of(info: os.stat_result, data: bytes) -> DiskState:
    """The state of a file whose ``stat`` and full bytes the caller already has."""
    return DiskState(True, info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest())


def current_state(path: str | os.PathLike[str]) -> DiskState:
    """The file's state now (following links); :data:`MISSING` when there is none.

    Raises OSError when the file exists but cannot be read.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return MISSING
    if not stat.S_ISREG(info.st_mode):
        # A folder or device where a file was: a change, never equal to a read state.
        return DiskState(True, info.st_mtime_ns, -1, "")
    digest = hashlib.sha256()
    read = 0
    # Opened as the read it is compared with (core.voc_tree): a FIFO swapped in since the stat does not hold
    # it up, and a file under a kernel lease (a Samba oplock) is waited for, not refused with EWOULDBLOCK.
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        while read <= _HASH_LIMIT:
            chunk = handle.read(1 << 20)
            if not chunk:
                break
            digest.update(chunk)
            read += len(chunk)
    return DiskState(True, info.st_mtime_ns, info.st_size, digest.hexdigest())


def same_content(a: DiskState, b: DiskState) -> bool:
    """Whether two states describe the same file contents (time ignored).

    A program that rewrites a file with identical bytes (a "touch", a sync
    tool) changed nothing a save could lose, so only existence, size and hash
    count.
    """
    return a.exists == b.exists and a.size == b.size and a.sha256 == b.sha256
