"""Folders for the tests of paths typed in another case than the disk's (`core.disk_same`).

Two ways: ``caseless_dir``, a folder on a disk that ignores case (the test's own temporary folder on macOS and
Windows; elsewhere the folder ``PETLOC_TEST_CASELESS_DIR`` names, e.g. a FAT image mounted with
``fusefat -o rw+ IMAGE MOUNT``, with or without use_ino: without it fusefat numbers each spelling as a file of
its own, and the folder's listing tells them one, as `core.disk_same` does; skipped where there is none), and
`alias`, which makes another spelling of a folder on any disk with a symbolic link: the spelling text-compared
code sees on macOS, where `os.path.abspath` and `os.path.realpath` keep it.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from petloc_gui.core.disk_same import same_folder

CASELESS_ENV = "PETLOC_TEST_CASELESS_DIR"


def ignores_case(folder: Path) -> bool:
    """Whether ``folder``'s disk holds ``Probe`` and ``pROBE`` as one folder."""
    probe = folder / f"Probe-{uuid.uuid4().hex[:8]}"
    probe.mkdir()
    try:
        other = probe.with_name(probe.name.swapcase())
        # by the folder's listing where samefile numbers each spelling apart (fusefat without use_ino)
        return other.is_dir() and same_folder(probe, other)
    finally:
        probe.rmdir()


@pytest.fixture
def caseless_dir(tmp_path):
    """An empty folder on a disk that ignores case in names (see the module), removed afterwards."""
    if ignores_case(tmp_path):
        yield tmp_path
        return
    given = os.environ.get(CASELESS_ENV)
    if not given or not os.path.isdir(given) or not ignores_case(Path(given)):
        pytest.skip(f"no case-insensitive disk here (set {CASELESS_ENV} to a folder on one)")
    folder = Path(given) / f"petloc-test-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def alias(folder: Path, spelling: str) -> Path:
    """``spelling`` beside ``folder``, a link to it: the folder by another spelling, as a case-insensitive disk
    holds it (and `os.path.samefile` says), on a disk that does not."""
    other = folder.with_name(spelling)
    other.symlink_to(folder.name, target_is_directory=True)
    return other
