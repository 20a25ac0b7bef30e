"""Looking at an annotation file that could not be read, again, before it is saved over (no Qt).

A folder can be unreadable for a moment (a network share's hiccup, a sync tool, a chmod) while the
user steps onto an image: its document is read with "cannot check the annotation file: Permission
denied" and no state of the file (`could_not_look`). Access back, a save asked "Overwrite unreadable
annotation?" from that stale error and, with no state to check against, Yes replaced the file,
readable and valid again by then: the real boxes were lost. The file is looked at again before the
question (`unreadable_now`) and before the write (`state_to_check`): readable now, it is another
program's version (the question which version to keep); still unreadable, the question says why now.
A failed read of a file that reads fine a moment later records the good file's state: so any document
read with an error is looked at again, not only one that `could_not_look`.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.core.errors import ExternalChangeError, PetlocError, SaveError

if TYPE_CHECKING:
    from petloc_gui.app.image_document import ImageDocument
    from petloc_gui.core.disk_state import DiskState

# How a read that failed for want of access is said (`looked_at`, `read_error`): its end is the system's reason.
CANNOT_CHECK = ": cannot check the annotation file: "


def looked_at(path: Path) -> bool | str:
    """Whether something is there at an annotation file's name (links followed); the error text when that
    cannot even be checked.

    Not ``Path.is_file``: a named pipe or a folder so named is no file to it, and the image read as having no
    annotation ("GT: none") while `petloc stats` said "not a regular file (a named pipe)". Whatever is there
    is given to the reader, which refuses what is no regular file in those words, never opening a pipe to
    wait on it (`core.regular_file`). A link to nothing holds no boxes: no annotation, as Path.is_file said.
    A folder that is listable but not searchable (mode ``r--``) makes stat()
    raise PermissionError: that is a per-image problem, never an exception
    for the UI thread or the scanner thread.
    """
    try:
        if not path.is_file():
            os.stat(path)  # no file: something else there, or nothing (FileNotFoundError)
    except OSError as exc:
        if exc.errno in _NOTHING_THERE:
            return False
        return f"{path}{CANNOT_CHECK}{exc.strerror or exc}"
    return True


# What `Path.is_file` took for nothing there: no entry, a file where a folder of the path should be, a loop of links.
_NOTHING_THERE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.ELOOP})


def read_error(path: Path, exc: PetlocError) -> str:
    """The text of a failed read: a permission or I/O failure (`core.voc_tree` raises it as an
    AnnotationError caused by an OSError) is said as a file that could not be looked at, never as one
    that is no annotation. The rule is the write's (`core.voc_write.read_failure`): a file the window
    says it could not look at is one the save refuses as such."""
    from petloc_gui.core.voc_write import read_failure  # lxml, imported where a read has failed

    failure = read_failure(exc)
    if failure is not None:
        return f"{path}{CANNOT_CHECK}{failure.strerror or failure}"
    return str(exc)


def never_read(doc: ImageDocument) -> bool:
    """Whether ``doc`` shows no version of its file: its read failed (a folder unreadable for a moment, a
    permission, an I/O error, a file that was no annotation), so its boxes are an empty list nobody made,
    plus what the user drew on it since. (An image sharing another's file is not read on purpose.)"""
    return doc.load_error is not None and doc.shared_with is None


def could_not_look(doc: ImageDocument) -> bool:
    """Whether ``doc`` was read while its annotation file could not even be looked at (`never_read`, with no
    state of the file recorded): its error may be stale, and it holds no state for a save to check against."""
    return never_read(doc) and doc.disk_state is None


def unread_reason(doc: ImageDocument) -> str | None:
    """Why ``doc`` shows no version of its file (`never_read`), short enough for the image's header: the
    system's reason when the file could not be looked at ("Permission denied"), "" when it was read and
    refused (its pane says why at length); None for a document read (its file, or none there) or sharing
    another image's file. Its empty list of boxes is then no claim about the file: those were never seen."""
    if not never_read(doc) or doc.load_error is None:
        return None
    _, said, reason = doc.load_error.rpartition(CANNOT_CHECK)
    return reason if said else ""


def unreadable_now(doc: ImageDocument) -> str | None:
    """Why ``doc``'s annotation file cannot be read now, looked at again; None when it reads as an
    annotation now, or is not there."""
    from petloc_gui.core import voc

    path = doc.annotation_path
    there = looked_at(path)
    if isinstance(there, str):
        return there
    if not there:
        return None
    try:
        voc.read_voc(path, find_image=False)
    except PetlocError as exc:
        return read_error(path, exc)
    except Exception as exc:  # noqa: BLE001 - a hostile file must not take the window down
        return f"{path}: cannot read ({type(exc).__name__}: {exc})"
    return None


def state_to_check(doc: ImageDocument, overwrite_unreadable: bool) -> DiskState | None:
    """What the save of a document read with an error (``load_error``) expects on disk, looked at now.

    A file readable as an annotation now is another program's version, whatever state was recorded
    (a read that failed for a moment records the good file's): ExternalChangeError, the question which
    version to keep, never a silent overwrite of boxes the window never showed. Otherwise the state
    read (a file that was no annotation; its change since is the write's to refuse), or the file as it
    is now when none could be recorded (`could_not_look`; not there: expected to stay absent). None
    (nothing checked) only for a file still not to be looked at that the user said to replace.
    """
    from petloc_gui.core.disk_state import current_state

    path = doc.annotation_path
    try:
        found = current_state(path)
    except OSError as exc:
        if overwrite_unreadable:
            return None
        raise SaveError(f"cannot look at the file before saving ({exc.strerror or exc}): nothing saved. "
                        "Save again once it can be read", path) from exc
    if found.exists and unreadable_now(doc) is None:
        raise ExternalChangeError("the file could not be read when this image was opened, and can be now: "
                                  "nothing saved", path, expected=doc.disk_state, found=found)
    return found if doc.disk_state is None else doc.disk_state
