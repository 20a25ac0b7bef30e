"""Reading the head of a file only when it is a regular file: a named pipe, a folder or a device named like
a label file must not stop a read.

``open()`` of a FIFO (named pipe) waits for a writer, for ever where none comes, and a device behind a link
(``/dev/zero``) never ends. So the file is opened with ``O_NONBLOCK``, which returns at once for a FIFO and
changes nothing for a regular file, and ``fstat`` of what was opened decides: a ``stat`` before the open
would leave a window where a FIFO swapped in under the same name still blocked the open. A socket is not
opened at all (ENXIO): where the open fails, a ``stat`` after it says whether the entry is no regular file.

A kernel lease on a regular file (Samba's kernel oplocks, an nfsd delegation, any lease holder) makes an
``O_NONBLOCK`` open that conflicts with it fail (EWOULDBLOCK) where a plain open waits for the holder to let
go: there, where a ``stat`` says the entry is a regular file, it is opened again, waiting.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

FOLDER = "a folder"
_KINDS = ((stat.S_ISDIR, FOLDER), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))
_CHUNK = 1 << 20


class NotRegularFileError(OSError):
    """The path (its links followed) is something other than a regular file; ``kind`` says what."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"not a regular file ({kind})")
        self.kind = kind


class FileTooLargeError(OSError):
    """The regular file is larger than its reader reads whole (``size`` bytes, at least; ``limit``)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"too large ({megabytes(size)}; at most {megabytes(limit)} is read)")
        self.size = size
        self.limit = limit


def megabytes(size: int) -> str:
    """``size`` bytes in whole megabytes, rounded up ("1 MB" for one byte over none), as a person reads a size."""
    return f"{-(-size // (1 << 20)):,} MB"


def kind_of(mode: int) -> str:
    """What a ``st_mode`` that is no regular file's is, in words ("a named pipe")."""
    return next((kind for test, kind in _KINDS if test(mode)), "not a file")


def read_regular_head(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit`` bytes from the start of the regular file at ``path`` (links followed).

    Raises NotRegularFileError where it is a FIFO, a folder, a device or a socket (never waiting on one), and
    OSError where it cannot be opened or read.
    """
    return read_regular_and_stat(path, limit)[0]


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The whole of the regular file at ``path`` (links followed), refused where it holds more than ``limit``
    bytes: its size is looked at before a byte is read, and at most ``limit + 1`` bytes are read of a file that
    grows meanwhile.

    Raises NotRegularFileError as `read_regular_head` does, FileTooLargeError past ``limit``, and OSError where
    it cannot be opened or read.
    """
    return read_regular_and_stat(path, limit, whole=True)[0]


def read_regular_and_stat(path: str | os.PathLike[str], limit: int, *,
                          whole: bool = False) -> tuple[bytes, os.stat_result]:
    """The first ``limit`` bytes of the regular file at ``path`` (`read_regular_head`; with ``whole``, all of it
    or FileTooLargeError: `read_regular_file`), and the ``fstat`` of what was read (a caller that writes the file
    back later tells by it whether another program changed it meanwhile: `core.voc_tree`)."""
    fd = open_regular(path)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFileError(kind_of(status.st_mode))
        if whole and status.st_size > limit:
            raise FileTooLargeError(status.st_size, limit)
        # a whole file in one read of its size (a 2 GB COCO file not held twice by a join of its chunks)
        data = _read_up_to(fd, limit + 1, status.st_size + 1) if whole else _read_up_to(fd, limit, _CHUNK)
        if len(data) > limit:  # it grew since the fstat
            raise FileTooLargeError(max(status.st_size, len(data)), limit)
        return data, status
    finally:
        os.close(fd)


def open_regular_binary(path: str | os.PathLike[str]) -> BinaryIO:
    """The regular file at ``path`` (links followed) open for reading in binary, for a reader that reads it
    its own way (a hash in chunks, a zip archive's directory); NotRegularFileError where it is a FIFO, a folder,
    a device or a socket (never waiting on one: a FIFO blocks a plain open, ``/dev/zero`` never ends), OSError
    where it cannot be opened. The caller closes it."""
    fd = open_regular(path)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(kind_of(mode))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def open_regular(path: str | os.PathLike[str]) -> int:
    """A descriptor open for reading on what ``path`` names, never waiting on a FIFO but waiting out a kernel
    lease, as every other program's open does; NotRegularFileError where the open fails on an entry that is no
    regular file. The caller's ``fstat`` of the descriptor says what was opened."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    try:
        return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        # Some entries fail the open itself rather than open: a socket (ENXIO on Linux, EOPNOTSUPP on
        # macOS), a folder on Windows (a PermissionError). What the entry is then decides the error, so a
        # caller told "not a regular file" for a FIFO is told the same for a socket.
        kind = not_regular_kind(path)
        if kind is not None:
            raise NotRegularFileError(kind) from None
        if not isinstance(exc, BlockingIOError):
            raise
    # A regular file under a kernel lease (a Samba oplock, an nfsd delegation): the non-blocking open only asked
    # the holder to let go. This open waits for it, as every other program's does; the caller's fstat still
    # decides what was opened (only a FIFO swapped in between the stat and this open could hold it up).
    return os.open(path, flags)


def _read_up_to(fd: int, limit: int, first: int) -> bytes:
    """At most ``limit`` bytes read from ``fd``, fewer where the file ends first: ``first`` bytes asked for at
    first, then `_CHUNK` at a time."""
    chunks: list[bytes] = []
    left = limit
    asked = first
    while left > 0:
        chunk = os.read(fd, min(left, asked))
        asked = _CHUNK
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def not_regular_kind(path: str | os.PathLike[str]) -> str | None:
    """What the entry at ``path`` is, in words (links followed), where it is there and no regular file; None
    otherwise (a regular file, or nothing a stat can see): after a failed open, so the open's own error stands;
    before one, so "no such file" is not said of a named pipe."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return None if stat.S_ISREG(mode) else kind_of(mode)


def is_regular_entry(entry: os.DirEntry) -> bool:
    """Whether a listed entry is a regular file, or a link to one (a link in a loop is not)."""
    try:
        return entry.is_file()  # S_ISREG, links followed: the entry's type as listed, a stat only for a link
    except OSError:
        return False
