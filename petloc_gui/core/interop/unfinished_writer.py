"""Which process wrote a conversion's mark (`unfinished_conversion`), and whether it has ended, told apart from a
process given its PID since.

The mark's first line names its writer by PID and host name, as an export's does (`unfinished.mark_text`). A
conversion killed by a power cut left its mark, and after the reboot that PID could be an unrelated live process's:
every later `petloc convert --from` into that OUT was refused for good, told to wait for that process. So a
conversion's mark names its writer again on its second line (`writer_line`), as the temporary folders' names do
(`core.abandoned_folders.writer_tag`: this machine and pid namespace, its boot, the PID), with when its process
started (Linux's /proc/PID/stat, in clock ticks since the boot). A writer of another boot of this machine has ended,
and so has one whose PID is now a process that started at another time (`has_ended`). A mark without that line (one
written before it was) is read by its first line, as before: ended only when no process of its PID runs here.
"""

from __future__ import annotations

import os
import socket

from petloc_gui.core.abandoned_folders import writer_has_ended, writer_runs, writer_tag
from petloc_gui.core.stale import process_has_ended

_KEY = "writer"  # the second line: ``writer TAG STARTED``
_UNKNOWN = "-"  # a STARTED that could not be read


def writer_line() -> str:
    """The second line of this process's mark: ``writer TAG STARTED`` (STARTED "-" where /proc cannot say it)."""
    return f"{_KEY} {writer_tag()} {started(os.getpid()) or _UNKNOWN}\n"


def has_ended(mark: str) -> bool:
    """Whether the conversion that wrote the mark whose text is ``mark`` has ended (never this process, nor one of
    another machine or pid namespace, nor one that cannot be told: refused, those say how to go on)."""
    lines = mark.split("\n")
    first, second = lines[0].split(" "), (lines[1].split(" ") if len(lines) > 1 else [])
    if len(second) != 3 or second[0] != _KEY:  # a mark of the earlier form: PID and host name alone
        pid = int(first[0]) if first[0].isdigit() else None
        return (pid is not None and pid != os.getpid() and len(first) > 1 and first[1] == socket.gethostname()
                and process_has_ended(pid))
    tag, when = second[1], second[2]
    if writer_has_ended(tag):  # of this machine: another boot's, or no process of its PID runs
        return True
    if not writer_runs(tag):  # another machine's or pid namespace's, or a tag that cannot be read
        return False
    # A process of its PID runs in this boot: the writer only if it started when the writer did (this process too:
    # another run of it refuses this one)
    now = started(int(tag.rpartition("-")[2]))
    return when != _UNKNOWN and now is not None and now != when


def started(pid: int) -> str | None:
    """When the process ``pid`` started, in clock ticks since this machine's boot (the 22nd field of Linux's
    /proc/PID/stat, after the name in parentheses, which may hold spaces); None where it cannot be read (not Linux,
    no such process)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rpartition(b")")[2].split()
    except OSError:
        return None
    return fields[19].decode("ascii") if len(fields) > 19 and fields[19].isdigit() else None
