"""Paths carried byte for byte through Qt, which holds text only as QString: the training child's
arguments (``QProcess``) and the paths petloc.conf keeps (``QSettings``).

A path whose name is not UTF-8 (a folder ``pets\\xff``: Python holds the byte as the surrogate escape
"\\udcff") lost it on the way: a QString holds no such escape, and the training child received
"pets\\ufffd", a folder that does not exist. Such a path crosses as `FS_BYTES` and the hex of its
file-system bytes (``os.fsencode``); every other one crosses as it is, readable in a process list and
in petloc.conf. An argument that itself begins with `FS_BYTES` is carried so too, so that the child
never decodes an argument that was not encoded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

FS_BYTES = "petloc-fs-bytes:"


def _crosses_qt(arg: str) -> bool:
    """Whether ``arg`` survives a QString: strict UTF-8 refuses exactly what a QString cannot hold."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def crossing_args(args: Iterable[str]) -> list[str]:
    """``args`` as the window hands them to QProcess (`received_args` undoes it in the child)."""
    return [arg if _crosses_qt(arg) and not arg.startswith(FS_BYTES) else FS_BYTES + os.fsencode(arg).hex()
            for arg in args]


def received_args(argv: Iterable[str]) -> list[str]:
    """The child's arguments as the parent meant them (`crossing_args`)."""
    return [os.fsdecode(bytes.fromhex(arg[len(FS_BYTES):])) if arg.startswith(FS_BYTES) else arg for arg in argv]
