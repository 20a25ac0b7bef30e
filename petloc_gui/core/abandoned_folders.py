"""Temporary folders named after the process that fills them, removed once that process has ended.

A folder written whole and then renamed into place (a model bundle, the first run's demo) stays behind
under its temporary name when its process is ended before the rename: a second Ctrl+C or a SIGTERM that
aborts `petloc train` at once, SIGKILL, a crash. Nothing of that process can clean up after it. The
folder's name carries its writer (`writer_tag`: this machine and pid namespace, and the process id), so the next
write of the same kind can prove it abandoned and remove it then, instead of the day `core.stale` waits
because a nameless temporary could belong to a run still going.

A writer is known to have ended only when it ran on this machine, in this process's pid namespace, and
no process of its id runs now: a folder of this process, of a live process, of another machine (a shared
folder) or of another pid namespace of this one (a container, flatpak, ``unshare -p``: a pid there means
nothing here) is kept, for the day-old sweep, and so is one whose tag has an earlier form (``HOST-PID``).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from petloc_gui.core.stale import process_has_ended

# What a writer tag looks like inside a folder name (between dots): the machine (`_machine`), a dash, the pid.
WRITER = r"(?P<writer>[0-9a-f]{12}-[0-9]+)"
_BOOT_ID = "/proc/sys/kernel/random/boot_id"
_PID_NAMESPACE = "/proc/self/ns/pid"


def _machine() -> tuple[str, bool]:
    """This machine and pid namespace as a tag names them, and whether a pid of a tag naming them can be looked
    up here. A host name alone was not enough: hosts' names that differed only after 32 characters, or in a dot
    or a letter outside ASCII, were cleaned to one, and every pid namespace of a host shares its name. So the
    tag is 12 hex digits of a hash of the whole name, Linux's boot id (this boot of this kernel: another
    machine of the same name, or this one before a reboot, is another) and the pid namespace's inode (unique
    while it lives, so a namespace that reused it has ended, with all its processes). Where Linux does not
    say them, no pid is looked up; elsewhere (macOS) a machine has one pid namespace and its name is all."""
    parts = [socket.gethostname()]
    known = True
    if sys.platform.startswith("linux"):
        try:
            parts.append(Path(_BOOT_ID).read_text(encoding="ascii").strip())
            parts.append(str(os.stat(_PID_NAMESPACE).st_ino))
        except (OSError, ValueError):
            parts.append("unknown")  # never a boot id or an inode: tells no namespace's tag as ours
            known = False
    # repr: each part whole and apart from the next, whatever characters the name has
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12], known


def writer_tag() -> str:
    """This process, as a temporary folder's name carries it: ``MACHINE-PID`` (`_machine`)."""
    return f"{_machine()[0]}-{os.getpid()}"


def _pid_here(tag: str) -> int | None:
    """The process id the writer ``tag`` names when it ran on this machine, in this pid namespace (whose
    processes can be looked up here); None for a writer of another machine or namespace, or a malformed tag."""
    machine, _, pid = tag.rpartition("-")
    here, pids_known = _machine()
    if not pids_known or machine != here or re.fullmatch("[0-9]+", pid) is None:
        return None
    return int(pid)


def writer_has_ended(tag: str) -> bool:
    """Whether the writer ``tag`` names ran on this machine, in this pid namespace, and has ended (never this
    process)."""
    pid = _pid_here(tag)
    return pid is not None and pid != os.getpid() and process_has_ended(pid)


def writer_runs(tag: str) -> bool:
    """Whether the writer ``tag`` names ran on this machine, in this pid namespace, and runs now (this process
    included). Neither this nor `writer_has_ended` is true of a writer of another machine or namespace."""
    pid = _pid_here(tag)
    return pid is not None and (pid == os.getpid() or not process_has_ended(pid))


def remove_abandoned_folders(folder: str | os.PathLike[str], name: re.Pattern[str], *,
                             contents: Callable[[Path], bool] | None) -> list[Path]:
    """Delete the folders directly in ``folder`` whose name matches ``name`` whole (its ``writer`` group a
    `writer_tag`), whose writer has ended and, unless ``contents`` is None (a name only petloc makes, in a
    folder of petloc's own), which ``contents`` accepts: what the writer puts in them, so that a file of
    someone else's is not deleted with it. Return what was removed. Symbolic links are neither followed
    nor removed; errors are skipped (housekeeping never stops the write that runs it)."""
    removed: list[Path] = []
    try:
        with os.scandir(folder) as iterator:
            entries = [entry for entry in iterator if entry.name.startswith(".")]
    except OSError:
        return removed
    for entry in entries:
        match = name.fullmatch(entry.name)
        try:
            if match is None or not entry.is_dir(follow_symlinks=False):
                continue
        except OSError:
            continue
        if writer_has_ended(match.group("writer")) and (contents is None or contents(Path(entry.path))):
            shutil.rmtree(entry.path, ignore_errors=True)
            if not os.path.lexists(entry.path):
                removed.append(Path(entry.path))
    return removed
