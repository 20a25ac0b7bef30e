"""Whether two spellings of a path name one folder as the disk compares names (no Qt, no TensorFlow).

macOS (APFS, HFS+) and Windows (NTFS) ignore case in names, and macOS the Unicode form too
(``Café`` composed as Terminal types it, decomposed as Finder names it). There ``pets/jpegimages``
is ``pets/JPEGImages``, but `os.path.abspath` keeps the spelling typed, and so does macOS'
`os.path.realpath`: compared as text, one folder was two (a devkit's images folder typed in lower
case opened as a sidecar folder, an export typed ``SIDE/yolo`` was let into ``side/``, a folder's
remembered model was lost). A case-sensitive disk (Linux) keeps ``Day`` and ``day`` apart, and so
does this: two names are one folder only where they differ in case or Unicode form alone
(`annotation_names.folded`) *and* the file system says they are one (`os.path.samefile`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from petloc_gui.core.annotation_names import folded

Spelling = TypeVar("Spelling", bound="str | os.PathLike[str]")


def same_folder(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether ``a`` and ``b`` (absolute, or both relative to one folder) name one folder: the same text, or
    texts differing only in case or Unicode form that the disk holds as one existing folder."""
    a, b = os.fspath(a), os.fspath(b)
    if a == b:
        return True
    if folded(a) != folded(b):  # the text alone tells most pairs apart, with no look at the disk
        return False
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one is not there (ValueError: a NUL in a name)
        return False


def part_below(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> Path | None:
    """``path`` relative to ``folder`` (``Path(".")`` for the folder itself) where its first parts name
    ``folder`` as the disk does (`same_folder`): ``SIDE/yolo`` is ``yolo`` in ``side`` on a
    case-insensitive disk. None where it lies outside. Neither is resolved: give both real or both absolute."""
    path, folder = Path(path), Path(folder)
    depth = len(folder.parts)
    if len(path.parts) < depth:
        return None
    head = Path(*path.parts[:depth])
    return Path(*path.parts[depth:]) if same_folder(head, folder) else None


def spelled_as(path: str | os.PathLike[str], spellings: Iterable[Spelling]) -> Spelling | None:
    """The one of ``spellings`` (paths or texts) that names the folder ``path`` names (`same_folder`), or None."""
    return next((spelling for spelling in spellings if same_folder(spelling, path)), None)
