"""Whether two spellings of a path name one folder as the disk compares names (no Qt, no TensorFlow).

macOS (APFS, HFS+) and Windows (NTFS) ignore case in names, and macOS the Unicode form too
(``Café`` composed as Terminal types it, decomposed as Finder names it). There ``pets/jpegimages``
is ``pets/JPEGImages``, but `os.path.abspath` keeps the spelling typed, and so does macOS'
`os.path.realpath`: compared as text, one folder was two (a devkit's images folder typed in lower
case opened as a sidecar folder, an export typed ``SIDE/yolo`` was let into ``side/``, a folder's
remembered model was lost). A case-sensitive disk (Linux) keeps ``Day`` and ``day`` apart, and so
does this: two names are one folder only where they differ in case or Unicode form alone
(`annotation_names.folded`) *and* the file system says they are one: `os.path.samefile`, or, where
that numbers each spelling apart (a FAT disk mounted by FUSE on Linux, fusefat: ``side`` inode 4, ``SIDE``
inode 5), the folders' listings (`same_as_listed`): a spelling that is there though not listed is the
listed name it folds to, and a case-sensitive disk lists both ``Day`` and ``day``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
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
        if os.path.samefile(a, b):
            return True
    except (OSError, ValueError):  # one is not there (ValueError: a NUL in a name)
        return False
    # Both are there, yet numbered as two: either a case-sensitive disk's two folders, or a disk that ignores
    # case but gives each spelling an inode of its own (fusefat), which only the listing tells apart.
    return same_as_listed(a, b, os.listdir)


def same_as_listed(a: str, b: str, listing: Callable[[str], Iterable[str]]) -> bool:
    """Whether ``a`` and ``b``, both there and differing only in case or Unicode form, are one entry by their
    folders' listings (``listing``: the names in a folder, as `os.listdir`). Part by part, where they differ,
    each is its own name where the folder lists it, or else the one listed name it folds to, which the disk
    took it for (a spelling that is there though no listing holds it); they are one where those agree. On
    a case-sensitive disk both spellings are listed: two entries. False where a listing cannot be read."""
    a_parts, b_parts = Path(a).parts, Path(b).parts
    if len(a_parts) != len(b_parts):
        return False
    parent = ""
    for a_part, b_part in zip(a_parts, b_parts, strict=True):  # lengths checked above
        if a_part != b_part:
            try:
                names = set(listing(parent or os.curdir))
            except (OSError, ValueError):
                return False
            a_listed, b_listed = _as_listed(a_part, names), _as_listed(b_part, names)
            if a_listed is None or a_listed != b_listed:
                return False
            a_part = a_listed
        parent = os.path.join(parent, a_part)
    return True


def _as_listed(name: str, names: set[str]) -> str | None:
    """``name`` as ``names`` (a folder's listing) holds it: itself, or the one listed name that folds to it;
    None where none or several do (which of several the disk means cannot be told)."""
    if name in names:
        return name
    key = folded(name)
    matches = [listed for listed in names if folded(listed) == key]
    return matches[0] if len(matches) == 1 else None


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
