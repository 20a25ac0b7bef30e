"""A FAT disk as fusefat mounts it without use_ino, emulated on any disk for the tests of the guards asking
whether two paths name one file (`core.same_file`, `core.disk_same`).

There each spelling of a name is one file, but numbered as a file of its own: `os.path.samefile` (and
`Path.samefile`) say ``photo.png`` and ``PHOTO.PNG`` are two, `os.path.realpath` keeps the spelling typed, and
the folder lists the name as written only. Here a spelling is made with a link (`FusefatSpellings.spell`: a
hard link for a file, a symbolic one for a folder), which these patched functions take as such a spelling:
never resolved, never listed, numbered apart from the name it spells.
"""

from __future__ import annotations

import os
import pathlib
from pathlib import Path

import pytest

from petloc_gui.core.annotation_names import folded


class FusefatSpellings:
    """The spellings made so far, and the patched `os.path.samefile`, `Path.samefile`, `os.path.realpath`
    and `os.listdir` that answer for them as fusefat does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._real_realpath, self._real_samefile, self._real_listdir = os.path.realpath, os.path.samefile, os.listdir
        self.folders: dict[str, str] = {}  # a folder's spelling (absolute) -> the folder it spells
        self.unlisted: set[str] = set()  # every spelling, as its folder (resolved) and name
        monkeypatch.setattr(os.path, "realpath", self.realpath)
        monkeypatch.setattr(os.path, "samefile", self.samefile)
        monkeypatch.setattr(pathlib.Path, "samefile", lambda path, other: self.samefile(path, other))
        monkeypatch.setattr(os, "listdir", self.listdir)

    def spell(self, path: Path, spelling: str, *, folder: bool = False) -> Path:
        """``spelling`` beside ``path`` (a name differing in case or Unicode form): the file, or with ``folder``
        the folder, ``path`` names (which may be made after)."""
        other = path.with_name(spelling)
        if folder:
            other.symlink_to(path.name, target_is_directory=True)
            self.folders[os.path.abspath(other)] = os.path.abspath(path)
        else:
            os.link(path, other)
        self.unlisted.add(os.path.join(self._real_realpath(other.parent), other.name))
        return other

    def realpath(self, path: str | os.PathLike[str], *, strict: bool = False) -> str:
        """Links resolved, but not a folder's spelling: it is no link on the FAT disk."""
        text = os.path.abspath(path)
        for spelling, spelled in self.folders.items():
            if text == spelling or text.startswith(spelling + os.sep):
                real_folder = self._real_realpath(spelled, strict=strict)
                resolved = self._real_realpath(spelled + text[len(spelling):], strict=strict)
                if resolved == real_folder or resolved.startswith(real_folder + os.sep):
                    spelled_real = os.path.join(self._real_realpath(os.path.dirname(spelling)),
                                                os.path.basename(spelling))
                    return spelled_real + resolved[len(real_folder):]
                return resolved
        return self._real_realpath(text, strict=strict)

    def samefile(self, a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
        """Two spellings of one name are two files, each its own inode."""
        real_a, real_b = self.realpath(a), self.realpath(b)
        if real_a != real_b and folded(real_a) == folded(real_b):
            os.stat(a), os.stat(b)  # as samefile: OSError where either is not there
            return False
        return self._real_samefile(a, b)

    def listdir(self, folder: str | os.PathLike[str] = ".") -> list[str]:
        """The names as written; a spelling is not listed."""
        real = self._real_realpath(folder)
        return [name for name in self._real_listdir(folder) if os.path.join(real, name) not in self.unlisted]


@pytest.fixture
def fusefat(monkeypatch) -> FusefatSpellings:
    """Spellings as a FAT disk mounted by fusefat without use_ino holds them (see the module)."""
    return FusefatSpellings(monkeypatch)
