"""Temporary folders named after the process that fills them, removed once that process has ended.

A folder written whole and then renamed into place (a model bundle, the first run's demo) stays behind
under its temporary name when its process is ended before the rename: a second Ctrl+C or a SIGTERM that
aborts `petloc train` at once, SIGKILL, a crash. Nothing of that process can clean up after it. The
folder's name carries its writer (`writer_tag`: this machine and pid namespace, its boot, and the process id), so
the next write of the same kind can prove it abandoned and remove it then, instead of the day `core.stale` waits
because a nameless temporary could belong to a run still going.

A writer is known to have ended only when it ran on this machine, in this process's pid namespace, and either
no process of its id runs now or the machine has been started again since (a power cut: every process of that
boot has ended). A folder of this process, of a live process, of another machine (a shared folder) or of another
pid namespace of this one (a container, flatpak, ``unshare -p``: a pid there means nothing here) is kept, for the
day-old sweep, and so is one whose tag has an earlier form (``HOST-PID``). A tag of the form before the boot had
a part of its own (``MACHINE-PID``, the boot hashed into MACHINE) is read as it was then: this boot's is this
machine's, another boot's another machine's (kept).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from petloc_gui.core.stale import process_has_ended

# What a writer tag looks like inside a folder name (between dots): the machine (`_Here.machine`), a dash, the boot
# (`_Here.boot`: absent from tags of earlier versions, whose machine part held it), a dash, the pid.
WRITER = r"(?P<writer>[0-9a-f]{12}(?:-[0-9a-f]{8})?-[0-9]+)"
_BOOT_ID = "/proc/sys/kernel/random/boot_id"
_PID_NAMESPACE = "/proc/self/ns/pid"
# This installation of the system (systemd's, D-Bus's where systemd has none): kept across reboots
_MACHINE_IDS = ("/etc/machine-id", "/var/lib/dbus/machine-id")


def _hashed(parts: list[str], digits: int) -> str:
    # repr: each part whole and apart from the next, whatever characters the name has
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:digits]


@dataclass(frozen=True)
class _Here:
    """This machine and pid namespace, and its boot, as a tag names them (`_here`)."""

    machine: str  # 12 hex digits
    boot: str  # 8 hex digits
    pids_known: bool  # whether a pid of a tag naming them can be looked up here
    boots_known: bool  # whether a tag naming this machine in another boot is surely this one's, before a reboot
    earlier: str | None  # what tags of the earlier form (``MACHINE-PID``) named this machine, boot and namespace


def _here() -> _Here:
    """A host name alone was not enough: hosts' names that differed only after 32 characters, or in a dot or a
    letter outside ASCII, were cleaned to one, and every pid namespace of a host shares its name. So the machine
    is 12 hex digits of a hash of the whole name, the machine id (another machine of the same name has another;
    a clone of one that kept it and its name is not told apart) and the pid namespace's inode (unique while it
    lives, so a namespace that reused it has ended, with all its processes). The boot is 8 hex digits of a hash
    of Linux's boot id (this boot of this kernel), a part of its own: hashed into the machine, a tag made before
    a reboot (a power cut) named another machine, never ended. Without a machine id another boot's tag may be
    another machine's: not taken for ended. Where Linux does not say the boot id or the namespace, no pid is
    looked up; elsewhere (macOS) a machine has one pid namespace and its name is all, its boot unknown."""
    host = socket.gethostname()
    if not sys.platform.startswith("linux"):
        return _Here(_hashed([host], 12), "0" * 8, True, False, _hashed([host], 12))
    try:
        boot_id = Path(_BOOT_ID).read_text(encoding="ascii").strip()
        namespace = str(os.stat(_PID_NAMESPACE).st_ino)
    except (OSError, ValueError):
        # never a boot id or an inode: tells no namespace's tag as ours
        return _Here(_hashed([host, "unknown"], 12), "0" * 8, False, False, None)
    machine_id = _machine_id()
    return _Here(_hashed([host, machine_id or "unknown", namespace], 12), _hashed([boot_id], 8), True,
                 machine_id is not None, _hashed([host, boot_id, namespace], 12))


def _machine_id() -> str | None:
    """This installation's machine id (32 hex digits), None where there is none (a container without one, an
    image not yet booted: empty or "uninitialized")."""
    for path in _MACHINE_IDS:
        try:
            text = Path(path).read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            continue
        if re.fullmatch("[0-9a-f]{32}", text):
            return text
    return None


def writer_tag() -> str:
    """This process, as a temporary folder's name carries it: ``MACHINE-BOOT-PID`` (`_here`)."""
    here = _here()
    return f"{here.machine}-{here.boot}-{os.getpid()}"


@dataclass(frozen=True)
class _Writer:
    """The process a tag names, as seen here: its id, and whether it ran in this boot (if not, it has ended)."""

    pid: int
    this_boot: bool


def _writer_here(tag: str) -> _Writer | None:
    """The writer ``tag`` names when it ran on this machine, in this pid namespace; None for a writer of another
    machine or namespace (or, without a machine id, of another boot: maybe another machine's), a malformed tag, or
    where pids cannot be looked up. A tag of the earlier form names the machine and boot in one part."""
    rest, _, pid = tag.rpartition("-")
    machine, dash, boot = rest.partition("-")
    here = _here()
    if not here.pids_known or re.fullmatch("[0-9]+", pid) is None:
        return None
    if not dash:  # ``MACHINE-PID``: this machine in this boot, or none
        return _Writer(int(pid), True) if machine == here.earlier else None
    if machine != here.machine or (boot != here.boot and not here.boots_known):
        return None
    return _Writer(int(pid), boot == here.boot)


def writer_has_ended(tag: str) -> bool:
    """Whether the writer ``tag`` names ran on this machine, in this pid namespace, and has ended (never this
    process): no process of its id runs, or it ran before this machine's last start."""
    writer = _writer_here(tag)
    if writer is None:
        return False
    return not writer.this_boot or (writer.pid != os.getpid() and process_has_ended(writer.pid))


def writer_runs(tag: str) -> bool:
    """Whether the writer ``tag`` names ran on this machine, in this pid namespace and boot, and runs now (this
    process included). Neither this nor `writer_has_ended` is true of a writer of another machine or namespace."""
    writer = _writer_here(tag)
    return (writer is not None and writer.this_boot
            and (writer.pid == os.getpid() or not process_has_ended(writer.pid)))


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
