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

A training run marks the version it fine-tunes from, its mark's holder ``run-<hex>`` (`mark(..., run=True)`,
`model.parent_mark`): deleted during the run, the parent's refiner, copied into the new bundle at its end, was
gone and the run's result lost. `users` lists such a mark's writer after `RUN`, and `said` names the run.
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
RUN = "run:"  # before the writer of a training run's mark in `users` (a writer tag has no colon)
_MARK = re.compile(rf"{re.escape(PREFIX)}{WRITER}\.(?P<run>run-)?[0-9a-f]{{8}}")


def is_mark(name: str) -> bool:
    """Whether a file name is a mark's (made by `mark`)."""
    return _MARK.fullmatch(name) is not None


def mark(folder: str | os.PathLike[str], run: bool = False) -> Path:
    """Mark ``folder`` as used by this process (``run``: a training run fine-tunes from it, else a window has it
    loaded); return the mark (for `unmark`). Raises OSError when it cannot be made (the folder gone or read-only)."""
    path = Path(folder) / f"{PREFIX}{writer_tag()}.{'run-' if run else ''}{uuid.uuid4().hex[:8]}"
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    return path


def unmark(path: str | os.PathLike[str]) -> None:
    """Remove a mark `mark` made (already gone, or its folder with it: nothing to do)."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def users(folder: str | os.PathLike[str]) -> list[str]:
    """The writer tags of the marks in ``folder`` whose process may still run (this process's too), a training
    run's after `RUN`, sorted; the marks of processes known to have ended are removed; none when the folder
    cannot be listed (gone)."""
    try:
        with os.scandir(folder) as iterator:
            marks = [(entry.path, match.group("writer"), RUN if match.group("run") else "") for entry in iterator
                     if (match := _MARK.fullmatch(entry.name)) is not None]
    except OSError:
        return []
    alive: list[str] = []
    for path, writer, kind in marks:
        if writer_has_ended(writer):
            unmark(path)
        else:
            alive.append(kind + writer)
    return sorted(alive)


def said(writers: Sequence[str]) -> str:
    """What says which running petloc windows and training runs the marks' ``writers`` (`users`) are, "" when
    none: "another petloc window has it loaded as its model (process 4242)", "a training run fine-tunes from it
    (process 4243)". One wording for both of Discard's looks, the one before the version is renamed away
    (`app.version_users`) and the one after (`model.versions`)."""
    runs = sorted({writer.removeprefix(RUN) for writer in writers if writer.startswith(RUN)})
    windows = [writer for writer in writers if not writer.startswith(RUN)]
    here = [writer for writer in windows if is_this_process(writer)]
    others = sorted(set(windows) - set(here))  # a process's two windows: one process
    parts = []
    if others:
        processes = _processes(others)
        parts.append(f"another petloc window has it loaded as its model ({processes})" if len(others) == 1 else
                     f"{len(others)} other petloc windows have it loaded as their model ({processes})")
    if here:
        parts.append("this window still has it loaded")
    if runs:  # the window's Retrain runs in a process of its own: named by its process too
        parts.append(f"a training run fine-tunes from it ({_processes(runs)})" if len(runs) == 1 else
                     f"{len(runs)} training runs fine-tune from it ({_processes(runs)})")
    return " and ".join(parts)


def _processes(writers: Sequence[str]) -> str:
    pids = ", ".join(writer_pid(writer) for writer in writers)
    return f"process{'es' if len(writers) > 1 else ''} {pids}"


def writer_pid(writer: str) -> str:
    """The process id a writer tag names (its digits after the last dash)."""
    return writer.rpartition("-")[2]


def is_this_process(writer: str) -> bool:
    """Whether the writer tag is this process's (`users` lists this process's marks too)."""
    return writer == writer_tag()
