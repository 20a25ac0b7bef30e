"""An exclusive lock between processes, held on a lock file beside the file it guards.

For a read-modify-write of a small shared file (the folders' remembered models): two windows, or a
window and the CLI, writing at the same moment each read the old file, and the later write lost the
other's entry. POSIX: ``fcntl.flock``; Windows: ``msvcrt.locking``; elsewhere no lock (best effort).
The kernel releases the lock when its holder dies, so a killed writer never leaves the file locked.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from petloc_gui.core.errors import SaveError

WAIT_SECONDS = 10.0  # a write holds the lock for milliseconds; longer is a hung holder
_POLL_SECONDS = 0.01


@contextlib.contextmanager
def exclusive_lock(lock_path: str | os.PathLike[str], wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the exclusive lock of ``lock_path`` (created when missing, never removed: removing it
    would let two holders lock two different files) for the ``with`` block.

    Raises `SaveError` naming the lock file when it cannot be created, or when another process has
    held the lock for ``wait`` seconds."""
    path = Path(lock_path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise SaveError(f"cannot create the lock file: {exc.strerror or exc}", path) from exc
    try:
        take, release = _lock_functions(fd)
        deadline = time.monotonic() + wait
        while not take():
            if time.monotonic() >= deadline:
                raise SaveError(f"another petloc has held this lock for {wait:g} s; nothing was changed, "
                                "try again (or end the petloc that hangs)", path)
            time.sleep(_POLL_SECONDS)
        try:
            yield
        finally:
            release()
    finally:
        os.close(fd)


def _lock_functions(fd: int) -> tuple[Callable[[], bool], Callable[[], None]]:
    """(try to take the lock without waiting: taken?, release it) for the open lock file ``fd``."""
    if sys.platform == "win32":
        import msvcrt

        def take() -> bool:
            os.lseek(fd, 0, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # one byte, past the end is allowed
            except OSError:
                return False
            return True

        def release() -> None:
            os.lseek(fd, 0, os.SEEK_SET)
            with contextlib.suppress(OSError):
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

        return take, release
    try:
        import fcntl
    except ImportError:  # neither POSIX nor Windows: no lock, as before
        return (lambda: True), (lambda: None)

    def take_posix() -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:  # a file system without flock (some network mounts): best effort, unlocked
            return True
        return True

    def release_posix() -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)

    return take_posix, release_posix
