"""Atomic file replacement: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from petloc_gui.core.errors import SaveError


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not possible on Windows or some filesystems.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_target(path: Path) -> Path:
    """The file to replace: a symbolic link is written through, never replaced.

    Replacing the link itself would silently detach it from the file it
    points to (the user's real annotation would stay stale). A dangling link
    is refused: following it could create a file anywhere on the disk.
    """
    if not path.is_symlink():
        return path
    real = Path(os.path.realpath(path))
    if not real.is_file():
        raise SaveError(f"cannot save: it is a symbolic link to {real}, which is not an "
                        "existing file", path)
    return real


def _temporary_beside(target: Path, requested: Path) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder (fd, name). The folder is the problem when it cannot be
    made there, not the file: "x.xml: cannot save: Permission denied" read as if the file were locked."""
    directory = target.parent
    try:
        # Short prefix: a 250-character target name must not push the temporary
        # name past the file system's 255-byte limit (32 characters <= 128 bytes).
        return tempfile.mkstemp(prefix=f".{target.name[:32]}.", suffix=".tmp", dir=directory)
    except PermissionError as exc:
        raise SaveError(f"cannot save: the folder {directory} is not writable ({exc.strerror or exc}): "
                        "give yourself write permission on it, or work on a copy in a writable folder",
                        requested) from exc
    except OSError as exc:
        if exc.errno != errno.EROFS:
            raise
        raise SaveError(f"cannot save: the folder {directory} is on a read-only file system: remount it "
                        "writable, or work on a copy in a writable folder", requested) from exc


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically.

    Writes a temporary file in the same folder, flushes and fsyncs it, then
    ``os.replace``s the target. On any failure the temporary file is removed,
    the previous file is left intact and :class:`SaveError` naming ``path`` is
    raised. An existing file's permission bits are kept and a read-only file
    is refused, a folder the temporary file cannot be made in is named. A symbolic link is written
    through (the file it points to is replaced; the link stays).
    """
    requested = Path(path)
    target = _write_target(requested)
    directory = target.parent
    if not directory.is_dir():
        raise SaveError(f"cannot save: folder {directory} does not exist or is not a folder",
                        requested)
    if target.exists() and not os.access(target, os.W_OK):
        # Replacing the file would work on POSIX (only the folder's permission
        # counts), but a read-only file is the user's "do not touch".
        raise SaveError("cannot save: the file is read-only", requested)
    tmp_name: str | None = None
    try:
        fd, tmp_name = _temporary_beside(target, requested)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            mode = target.stat().st_mode & 0o7777 if target.exists() else new_file_mode()
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SaveError(f"cannot save: {reason}", requested) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    _fsync_directory(directory)


def _read_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


# Read once at import: os.umask is process-wide and briefly changing it from a
# worker thread could race with other file creation.
_UMASK = _read_umask()


def new_file_mode() -> int:
    """The mode open() gives a new file (0o666 less the umask): for one made by mkstemp (0600)."""
    return 0o666 & ~_UMASK
