"""Folders on a file system that reports inode 0 (on Windows: unknown; some network drives do).

The folder index keyed the folders it had listed by (device, inode): with every inode 0 each subfolder
looked listed already, and a folder with 6 images in 3 subfolders opened with 0 images and no word.
Simulated by giving core.folder_walk (the walk the sidecar index takes) an ``os`` whose stat says inode 0.
"""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest

import petloc_gui.core.folder_walk as folder_walk
from petloc_gui.core.dataset import open_dataset


def _touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")


class _InodeZero:
    """An os.stat_result whose st_ino is 0."""

    def __init__(self, real: os.stat_result) -> None:
        self._real = real

    def __getattr__(self, name: str):
        return 0 if name == "st_ino" else getattr(self._real, name)


def _inode_zero_os(monkeypatch, realpath=os.path.realpath) -> None:
    fake_path = types.ModuleType("os.path")
    fake_path.__dict__.update(vars(os.path))
    fake_path.realpath = realpath
    fake_os = types.ModuleType("os")
    fake_os.__dict__.update(vars(os))
    fake_os.stat = lambda path, *args, **kwargs: _InodeZero(os.stat(path, *args, **kwargs))
    fake_os.path = fake_path
    monkeypatch.setattr(folder_walk, "os", fake_os)


@pytest.fixture
def nested(tmp_path):
    for folder in ("cats", "dogs", "birds/small"):
        for n in range(2):
            _touch(tmp_path / folder / f"{n}.jpg")
    return tmp_path


def test_subfolders_are_searched_where_every_inode_is_0(nested, monkeypatch):
    _inode_zero_os(monkeypatch)
    assert folder_walk.os.stat(nested).st_ino == 0
    names = sorted(str(item.image_path.relative_to(nested)) for item in open_dataset(nested))
    assert names == sorted(f"{folder}/{n}.jpg" for folder in ("cats", "dogs", "birds/small") for n in range(2))


def test_a_junction_up_the_tree_is_still_listed_once_where_every_inode_is_0(tmp_path, monkeypatch):
    # A Windows junction is a folder, not a link: "mount" resolves to the root it sits in.
    _touch(tmp_path / "a.jpg")
    _touch(tmp_path / "mount" / "b.jpg")

    def realpath(path, *args, **kwargs):
        return str(tmp_path) if str(path).endswith("mount") else os.path.realpath(path, *args, **kwargs)

    _inode_zero_os(monkeypatch, realpath)
    assert [item.image_path.name for item in open_dataset(tmp_path)] == ["a.jpg"]
