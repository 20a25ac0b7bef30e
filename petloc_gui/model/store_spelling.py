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


class StoreSpelling:
    """`in_store` and `store_part` for one store, remembering its resolved root and each folder's listing.

    `petloc models` and the Versions menu name every listed version (and its parent) through one store: listing the
    root and the preset folder for each of them was 400 listings for 200 versions, and more on a network disk. A
    listing is read again only when it lacks the name asked for (a version made since), so a name the store lists
    costs no look at the disk after the first."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._real_root: Path | None = None
        self._listings: dict[Path, set[str]] = {}

    @property
    def real_root(self) -> Path:
        """The store's root, resolved (once: it is resolved again for each version otherwise)."""
        if self._real_root is None:
            self._real_root = self._root.resolve()
        return self._real_root

    def in_store(self, folder: Path) -> bool:
        """Whether ``folder`` (resolved) lies where a version of the store lies: ``root/<preset>/<id>``, the root
        in any spelling the disk takes for it (``folder`` need not be there: a version moved since)."""
        return same_folder(folder.parent.parent, self.real_root)

    def store_part(self, folder: Path) -> Path | None:
        """``folder`` (resolved) as ``<preset>/<id>``, each part spelled as the store lists it (the name `petloc
        models` gives it, which records are compared by), or None where it is no such folder (`in_store`). A part
        the store does not hold, in any spelling, stays as given."""
        if not self.in_store(folder):
            return None
        preset = self._as_listed(self.real_root, folder.parent.name)
        return Path(preset, self._as_listed(self.real_root / preset, folder.name))

    def _as_listed(self, parent: Path, name: str) -> str:
        """``name`` as ``parent`` lists it: itself where it is listed, else the listed name the disk takes it for."""
        names = self._listings.get(parent)
        if names is not None and name in names:
            return name
        try:
            names = self._listings[parent] = set(os.listdir(parent))  # first look, or a name made since
        except OSError:  # gone, or not a folder: nothing to spell it by
            self._listings.pop(parent, None)
            return name
        if name in names:
            return name
        spelled = spelled_as(parent / name, [parent / listed for listed in names])
        return name if spelled is None else spelled.name
