"""Atomic file replacement: a reader sees the old file or the new one, never half.

Each write costs two fsyncs: the new file's (before it replaces the old one) and its folder's
(so the replacement itself survives a power cut). Writing many files at once (the window's Save
All), `folders_synced_once` keeps the first for every file and does the second once per folder,
at the end: 1 + N fsyncs instead of 2N, which is most of the time a slow disk takes. Writing many
files that are derived (re-made by running again, ADR 0012) or made durable all at once before they
are given their name (`sync_tree`, then a folder rename), `writes_not_synced` leaves out both.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from petloc_gui.core.errors import SaveError
from petloc_gui.core.folder_rename import rename_folder

# Whether the replacement is tried again while it fails with PermissionError. On Windows a virus scanner
# (Defender) or the search indexer opens a file the moment it is written, and while it holds the new file
# os.replace fails with "Access is denied": an annotation save, predefined_classes.txt or folder_models.json
# failed now and then. It lets go within a fraction of a second, so the replace is retried as a folder
# rename is (`rename_folder`: about a second). Elsewhere a PermissionError lasts: said at once.
REPLACE_RETRIED = os.name == "nt"

# The temporaries of this process's writes from the moment they are named until they are gone (`own_temporary`).
# A set's add and discard are atomic under the GIL: threads writing at once need no lock.
_OWN_TEMPORARIES: set[str] = set()

# Per thread: a worker writing its own files (the prediction cache) is not held back by a batch of the UI thread.
_batch = threading.local()


@contextlib.contextmanager
def folders_synced_once() -> Iterator[None]:
    """Within the block, this thread's `atomic_write_bytes` leaves the fsync of the folder it wrote
    in to the end of the block (also when the block raises), once per folder.

    Every file is still synced before it replaces the old one, so a crash never leaves a part
    of one: a crash inside the block can at worst leave an earlier file at its old version,
    whole. A nested block is part of the outer one. `sync_written_folders` does the folders'
    fsyncs before the end (before waiting on a person: nothing written waits on them).
    """
    if getattr(_batch, "folders", None) is not None:
        yield  # nested: the outer block syncs
        return
    _batch.folders = {}
    try:
        yield
    finally:
        sync_written_folders()
        _batch.folders = None


@contextlib.contextmanager
def writes_not_synced() -> Iterator[None]:
    """Within the block, this thread's `atomic_write_bytes` fsyncs neither the file nor its folder.

    Each file still replaces the old one whole (temporary file + rename): a reader, or a run stopped
    part way, never sees half of one. Only a power cut or a system crash can leave a file written in
    the block (in the last half minute or so) empty or missing: for files re-made by running the same
    command again (ADR 0012), or made durable at once (`sync_tree`) before the folder they are in is
    given the name that says it is complete. Nested blocks are one block.
    """
    depth = getattr(_batch, "unsynced", 0)
    _batch.unsynced = depth + 1
    try:
        yield
    finally:
        _batch.unsynced = depth


def _synced_writes() -> bool:
    return not getattr(_batch, "unsynced", 0)


def sync_tree(folder: str | os.PathLike[str]) -> int:
    """Fsync every file under ``folder`` and each folder, a folder after all that is in it: what was written there
    (`writes_not_synced`) survives a power cut from now on. A file that cannot be synced is
    :class:`SaveError`; a folder's fsync is done where the system allows it (`sync_folder`).
    Returns how many files were synced."""
    root = Path(folder)
    files = 0
    # bottom-up: a folder is synced after the files and folders in it, so its entries name synced files
    for directory, _, names in os.walk(root, topdown=False):
        for name in sorted(names):
            _fsync_file(Path(directory) / name)
            files += 1
        _fsync_directory(Path(directory))
    return files


def _fsync_file(path: Path) -> None:
    # Opened for writing: Windows' fsync (_commit) refuses a handle opened to read.
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SaveError(f"cannot save: {exc.strerror or exc}", path) from exc
    try:
        os.fsync(fd)
    except OSError as exc:
        raise SaveError(f"cannot save: {exc.strerror or exc}", path) from exc
    finally:
        os.close(fd)


def sync_folder(directory: str | os.PathLike[str]) -> None:
    """Fsync ``directory`` now: a file or folder just renamed in it keeps its new name after a power cut
    (left out where the system cannot: Windows, some file systems)."""
    _fsync_directory(Path(directory))


def sync_written_folders() -> None:
    """Fsync now the folders written in since the start of this thread's `folders_synced_once`
    block or its last call (nothing outside a block)."""
    folders = getattr(_batch, "folders", None)
    if not folders:
        return
    pending = list(folders)
    folders.clear()
    for directory in pending:
        _fsync_directory(directory)


def _folder_written(directory: Path) -> None:
    """The folder's fsync now, or at the end of this thread's `folders_synced_once` block."""
    folders = getattr(_batch, "folders", None)
    if folders is None:
        _fsync_directory(directory)
    else:
        folders[directory] = None  # a dict: the order they were written in, each once


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


# The two forms of a temporary's name, both hidden and both swept by core.stale once a day old: an atomic
# write's ``.NAME.XXXXXXXX.tmp`` (`ATOMIC_TEMPORARY_SUFFIX`) and a run's ``.NAME[.XXXXXXXX].PID.petloc-new``
# (`run_temporary_suffix`: a conversion's or export's files, core.interop.files). Both stay, told apart by
# core.stale: earlier versions left files of both forms in users' folders, which must still be swept and known;
# the PID lets a killed run's copies go at once from the folder of its interrupted export
# (`stale.remove_left_by_ended_runs`), where a ``.tmp`` is swept only a day later and only after a target of
# petloc's own kinds (a ``.jpg`` copy's never); and a ``.tmp`` is what `stale.holds_only_bundle_files` accepts in
# a model bundle's folder. Both are made (`new_temporary`) and known (`own_temporary`) here.
ATOMIC_TEMPORARY_SUFFIX = ".tmp"


def run_temporary_suffix() -> str:
    """How the name of a temporary of this process's run ends: ``.PID.petloc-new``."""
    return f".{os.getpid()}.petloc-new"


@contextlib.contextmanager
def new_temporary(target: Path, suffix: str) -> Iterator[tuple[Path, BinaryIO]]:
    """A new file beside ``target`` (its name, and it open for writing, 0600) that the block writes ``target``'s
    content in: ``.NAME.XXXXXXXX`` + ``suffix`` (a form core.stale sweeps, see above), NAME ``target``'s name cut
    to 32 characters. Made exclusively (another's of that name is never taken), and removed when the block is left
    however (a Ctrl+C too) unless the block renamed it (`renamed`). Named before it is made (`own_temporary` from
    then until it is gone): mkstemp told its name only once the file was made, so a Ctrl+C raised as it returned
    left it, under a name nobody knew, in the user's folder or in the new OUT of a stopped export, which then
    looked another's and stayed. An error making it is raised as it is (nothing made)."""
    while True:
        # Short prefix: a 250-character target name must not push the temporary
        # name past the file system's 255-byte limit (32 characters <= 128 bytes).
        name = os.path.abspath(target.parent / f".{target.name[:32]}.{secrets.token_hex(4)}{suffix}")
        _OWN_TEMPORARIES.add(name)
        try:
            fd = _make_new(name)
        except FileExistsError:
            _OWN_TEMPORARIES.discard(name)  # another's of that name: not this one's to remove
            continue
        except OSError:
            _OWN_TEMPORARIES.discard(name)  # nothing made
            raise
        except BaseException:
            remove_temporary(name)  # a stop landing as the file was made
            raise
        break
    try:
        with os.fdopen(fd, "wb") as handle:
            yield Path(name), handle
    finally:
        if name in _OWN_TEMPORARIES:  # not renamed
            remove_temporary(name)


def _make_new(name: str) -> int:
    """Make the file ``name`` (0600, as mkstemp makes one), open for writing; FileExistsError when one is there."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    return os.open(name, flags, 0o600)


def renamed(temporary: str | os.PathLike[str]) -> None:
    """Said once the `new_temporary` ``temporary`` was renamed to its target: it is gone under its name, and the
    block's end removes nothing there."""
    _OWN_TEMPORARIES.discard(os.path.abspath(temporary))


def remove_temporary(name: str | os.PathLike[str]) -> None:
    """Remove the temporary ``name`` if it is there; one that cannot be removed stays `own_temporary`."""
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass
    except OSError:
        return
    _OWN_TEMPORARIES.discard(os.path.abspath(name))


def own_temporary(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a temporary of this process's not yet removed: one `new_temporary` made (an
    `atomic_write_bytes` or a run's copy), going on or left (its removal refused), or a name of this run's form
    (``.NAME[.XXXXXXXX].PID.petloc-new``, this PID: the staging files `interop.files.temporary_beside` names for
    other writers, which only its form tells). A stopped run's take-back (`interop.output_before`) tells its own
    by it."""
    absolute = os.path.abspath(path)
    name = os.path.basename(absolute)
    return absolute in _OWN_TEMPORARIES or (name.startswith(".") and name.endswith(run_temporary_suffix()))


def _temporary_for(stack: contextlib.ExitStack, target: Path, requested: Path) -> tuple[Path, BinaryIO]:
    """An atomic write's `new_temporary` beside ``target``, for the ``stack``'s block. The folder is the problem when
    it cannot be made there, not the file: "x.xml: cannot save: Permission denied" read as if the file were
    locked."""
    directory = target.parent
    try:
        return stack.enter_context(new_temporary(target, ATOMIC_TEMPORARY_SUFFIX))
    except PermissionError as exc:
        raise SaveError(f"cannot save: the folder {directory} is not writable ({exc.strerror or exc}): "
                        "give yourself write permission on it, or work on a copy in a writable folder",
                        requested) from exc
    except OSError as exc:
        if exc.errno != errno.EROFS:
            raise
        raise SaveError(_read_only_file_system(directory), requested) from exc


def _read_only_file_system(directory: Path) -> str:
    return (f"cannot save: the folder {directory} is on a read-only file system: remount it writable, or work "
            "on a copy in a writable folder")


def _on_read_only_file_system(directory: Path) -> bool:
    """Whether ``directory``'s file system is mounted read-only (a USB stick, a read-only NFS share); False
    where that cannot be asked (Windows has no statvfs)."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(directory).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically.

    Writes a temporary file in the same folder, flushes and fsyncs it, then
    ``os.replace``s the target. On any failure the temporary file is removed,
    the previous file is left intact and :class:`SaveError` naming ``path`` is
    raised. An existing file's permission bits are kept and a read-only file
    is refused, a folder the temporary file cannot be made in (or on a read-only mount) is named. A
    symbolic link is written
    through (the file it points to is replaced; the link stays). Inside `folders_synced_once` the
    folder's fsync waits for the end of the block. On Windows a replace refused while another program
    holds the new file is tried again for about a second (`REPLACE_RETRIED`). Inside `writes_not_synced`
    neither is fsynced.
    """
    requested = Path(path)
    target = _write_target(requested)
    directory = target.parent
    if not directory.is_dir():
        raise SaveError(f"cannot save: folder {directory} does not exist or is not a folder",
                        requested)
    if target.exists() and not os.access(target, os.W_OK):
        # os.access says "not writable" for every file of a read-only mount too: said as the file being
        # read-only, the hint pointed at the file's mode, which `ls -l` shows writable.
        if _on_read_only_file_system(directory):
            # raised from the errno the kernel would give, as a new file's refusal is: the stop on a read-only
            # output (interop.target_errors) finds it by errno, else each file is one image's problem
            refused = OSError(errno.EROFS, os.strerror(errno.EROFS), str(target))
            raise SaveError(_read_only_file_system(directory), requested) from refused
        # Replacing the file would work on POSIX (only the folder's permission
        # counts), but a read-only file is the user's "do not touch".
        raise SaveError("cannot save: the file is read-only", requested)
    try:
        with contextlib.ExitStack() as stack:
            tmp, handle = _temporary_for(stack, target, requested)
            handle.write(data)
            handle.flush()
            if _synced_writes():
                os.fsync(handle.fileno())
            handle.close()
            with contextlib.suppress(OSError):
                mode = target.stat().st_mode & 0o7777 if target.exists() else new_file_mode()
                os.chmod(tmp, mode)
            if REPLACE_RETRIED:
                rename_folder(tmp, target)  # its last try's error is raised as it is, and said below
            else:
                os.replace(tmp, target)
            renamed(tmp)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SaveError(f"cannot save: {reason}", requested) from exc
    if _synced_writes():
        _folder_written(directory)


def _read_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


# Read once at import: os.umask is process-wide and briefly changing it from a
# worker thread could race with other file creation.
_UMASK = _read_umask()


def new_file_mode() -> int:
    """The mode open() gives a new file (0o666 less the umask): for a temporary, made 0600."""
    return 0o666 & ~_UMASK
