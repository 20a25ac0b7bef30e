"""Empty files saying that a running process uses a folder: ``<folder>/.in-use.<writer>.<holder>``.

A petloc window that has loaded a model version of the store marks its folder so (`app.version_marks`), and
Discard in another window keeps the version while a mark's process runs (`app.version_users`): it deleted
the folder of a version another window was predicting with, whose Versions menu then lost it and whose
Retrain dialog could no longer fine-tune "the current model". ``writer`` is the process
(`core.abandoned_folders.writer_tag`), ``holder`` tells two marks of one process apart (two windows).

A mark is one empty file made with ``O_EXCL`` (atomic: there or not), removed when the window stops using the
folder or closes. A killed window leaves its mark: one whose process has ended on this machine (or ran
before its last start: a power cut) is ignored, and removed, by the next look (`users`); one of a live process,
of another machine or of another pid namespace (whose process cannot be looked up here) counts as a user.
Whatever reads a model bundle's files by listing its folder leaves marks out (`is_mark`): the predictions kept
on disk under the bundle's fingerprint, the check that a temporary folder holds only a bundle's files.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import Sequence
from pathlib import Path

from petloc_gui.core.abandoned_folders import WRITER, writer_has_ended, writer_tag

PREFIX = ".in-use."
_MARK = re.compile(rf"{re.escape(PREFIX)}{WRITER}\.[0-9a-f]{{8}}")


def is_mark(name: str) -> bool:
    """Whether a file name is a mark's (made by `mark`)."""
    return _MARK.fullmatch(name) is not None


def mark(folder: str | os.PathLike[str]) -> Path:
    """Mark ``folder`` as used by this process; return the mark (for `unmark`). Raises OSError when it cannot be
    made (the folder gone or read-only)."""
    path = Path(folder) / f"{PREFIX}{writer_tag()}.{uuid.uuid4().hex[:8]}"
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    return path


def unmark(path: str | os.PathLike[str]) -> None:
    """Remove a mark `mark` made (already gone, or its folder with it: nothing to do)."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def users(folder: str | os.PathLike[str]) -> list[str]:
    """The writer tags of the marks in ``folder`` whose process may still run (this process's too), sorted;
    the marks of processes known to have ended are removed; none when the folder cannot be listed (gone)."""
    try:
        with os.scandir(folder) as iterator:
            marks = [(entry.path, match.group("writer")) for entry in iterator
                     if (match := _MARK.fullmatch(entry.name)) is not None]
    except OSError:
        return []
    alive: list[str] = []
    for path, writer in marks:
        if writer_has_ended(writer):
            unmark(path)
        else:
            alive.append(writer)
    return sorted(alive)


def said(writers: Sequence[str]) -> str:
    """What says which running petloc windows the marks' ``writers`` (`users`) are, "" when none: "another petloc
    window has it loaded as its model (process 4242)". One wording for both of Discard's looks, the one before
    the version is renamed away (`app.version_users`) and the one after (`model.versions`)."""
    here = [writer for writer in writers if is_this_process(writer)]
    others = sorted(set(writers) - set(here))  # a process's two windows: one process
    parts = []
    if others:
        pids = ", ".join(writer_pid(writer) for writer in others)
        processes = f"process{'es' if len(others) > 1 else ''} {pids}"
        parts.append(f"another petloc window has it loaded as its model ({processes})" if len(others) == 1 else
                     f"{len(others)} other petloc windows have it loaded as their model ({processes})")
    if here:
        parts.append("this window still has it loaded")
    return " and ".join(parts)


def writer_pid(writer: str) -> str:
    """The process id a writer tag names (its digits after the last dash)."""
    return writer.rpartition("-")[2]


def is_this_process(writer: str) -> bool:
    """Whether the writer tag is this process's (`users` lists this process's marks too)."""
    return writer == writer_tag()
