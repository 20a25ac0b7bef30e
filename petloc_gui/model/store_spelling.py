"""Whether a folder is a version of the model store (`model.versions.VersionStore`), as the disk compares names,
and its ``<preset>/<id>`` as the store spells them (no Qt, no TensorFlow).

On a disk that ignores case (macOS, Windows; a FAT disk mounted by FUSE on Linux), a version recorded or given as
``…/Models/PHOTO/<id>`` is the store's ``…/models/photo/<id>``, but `Path.resolve` keeps the spelling typed, so
compared as text it was no version of the store: a child's parent lost, a remembered model not found as a
version, a gone version's new place not looked for. Here the folders are compared as the disk holds them
(`core.disk_same.same_folder`): on a case-sensitive disk (Linux) ``Day`` and ``day`` stay two folders.
"""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.core.disk_same import same_folder, spelled_as


def in_store(folder: Path, root: Path) -> bool:
    """Whether ``folder`` (resolved) lies where a version of the store at ``root`` lies: ``root/<preset>/<id>``,
    ``root`` in any spelling the disk takes for it (``folder`` need not be there: a version moved since)."""
    return same_folder(folder.parent.parent, root.resolve())


def store_part(folder: Path, root: Path) -> Path | None:
    """``folder`` (resolved) as ``<preset>/<id>`` of the store at ``root``, each part spelled as the store lists
    it (the name `petloc models` gives it, which records are compared by), or None where it is no such folder
    (`in_store`). A part the store does not hold, in any spelling, stays as given."""
    if not in_store(folder, root):
        return None
    real_root = root.resolve()
    preset = _as_listed(real_root, folder.parent.name)
    return Path(preset, _as_listed(real_root / preset, folder.name))


def _as_listed(parent: Path, name: str) -> str:
    """``name`` as ``parent`` lists it: itself where it is listed, else the listed name the disk takes it for."""
    try:
        names = os.listdir(parent)
    except OSError:  # gone, or not a folder: nothing to spell it by
        return name
    if name in names:
        return name
    spelled = spelled_as(parent / name, [parent / listed for listed in names])
    return name if spelled is None else spelled.name
