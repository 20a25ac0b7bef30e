"""Temporary folders named after the process that fills them, removed once that process has ended.

A folder written whole and then renamed into place (a model bundle, the first run's demo) stays behind
under its temporary name when its process is ended before the rename: a second Ctrl+C or a SIGTERM that
aborts `petloc train` at once, SIGKILL, a crash. Nothing of that process can clean up after it. The
folder's name carries its writer (`writer_tag`: this machine's name and the process id), so the next
write of the same kind can prove it abandoned and remove it then, instead of the day `core.stale` waits
because a nameless temporary could belong to a run still going.

A writer is known to have ended only when it ran on this machine and no process of its id runs now: a
folder of this process, of a live process, or of another machine (a shared folder, another container) is
kept, for the day-old sweep.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from pathlib import Path

from petloc_gui.core.stale import process_has_ended

# What a writer tag looks like inside a folder name (between dots): host (no dots), a dash, the pid.
WRITER = r"(?P<writer>[A-Za-z0-9-]+-\d+)"


def _host() -> str:
    # Dots would end the tag early in names split at dots; the host is only compared, never resolved.
    return re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:32] or "host"


def writer_tag() -> str:
    """This process, as a temporary folder's name carries it: ``HOST-PID``."""
    return f"{_host()}-{os.getpid()}"


def writer_has_ended(tag: str) -> bool:
    """Whether the writer ``tag`` names ran on this machine and has ended (never this process)."""
    host, _, pid = tag.rpartition("-")
    if host != _host() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    return process_has_ended(int(pid))


def remove_abandoned_folders(folder: str | os.PathLike[str], name: re.Pattern[str]) -> list[Path]:
    """Delete the folders directly in ``folder`` whose name matches ``name`` whole (its ``writer`` group a
    `writer_tag`) and whose writer has ended; return what was removed. Symbolic links are neither followed
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
        if writer_has_ended(match.group("writer")):
            shutil.rmtree(entry.path, ignore_errors=True)
            if not os.path.lexists(entry.path):
                removed.append(Path(entry.path))
    return removed
