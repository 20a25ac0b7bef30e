"""Where a path lies inside a folder once symbolic links on both are resolved, the folder found by
any spelling the disk holds as it (`core.disk_same`)."""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.core.disk_same import part_below, same_folder


def part_inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> Path | None:
    """``path`` relative to ``folder`` after both are resolved (``Path(".")`` for the folder
    itself), or None when it lies outside: the same image reached through a link to the
    folder, or through the folder reached by a link, is found inside it. The folder typed in
    another case or Unicode form is found too where the disk ignores those (macOS' `realpath`
    keeps the spelling typed: ``SIDE/x.png`` is ``x.png`` in ``side``); a case-sensitive disk's
    ``Side/`` beside ``side/`` is another folder. None too for a path that cannot be resolved
    (a NUL in it: `realpath` raises ValueError)."""
    try:
        return part_below(os.path.realpath(path), os.path.realpath(folder))
    except ValueError:
        return None


def same_real_folder(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether ``a`` and ``b`` name one folder once links are resolved, under any spelling the disk
    holds as one (`disk_same.same_folder`); False for a path that cannot be resolved (a NUL in it)."""
    try:
        return same_folder(os.path.realpath(a), os.path.realpath(b))
    except ValueError:
        return False
