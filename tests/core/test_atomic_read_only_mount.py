"""A file on a read-only mount (a USB stick, a read-only NFS share, `mount -o remount,ro`) was refused as
"cannot save: the file is read-only" while `ls -l` showed it writable: os.access says "not writable" for every
file of such a mount. It is said as the new file in the same folder is: the folder is on a read-only file
system. No mount here: os.statvfs and os.access answer as the kernel does on a read-only mount."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from petloc_gui.core import atomic
from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.errors import SaveError

pytestmark = pytest.mark.skipif(not hasattr(os, "statvfs"), reason="no statvfs: no mount flags to read")

_REAL_STATVFS = getattr(os, "statvfs", None)  # absent on Windows: the tests are skipped there


def _mounted(monkeypatch, *, read_only: bool) -> None:
    """The kernel's answers for a writable file (mode rw-) on a mount that is ``read_only`` or not."""
    def statvfs(path):
        real = _REAL_STATVFS(path)
        flags = real.f_flag | os.ST_RDONLY if read_only else real.f_flag & ~os.ST_RDONLY
        return SimpleNamespace(f_flag=flags)

    monkeypatch.setattr(atomic.os, "statvfs", statvfs)
    monkeypatch.setattr(atomic.os, "access", lambda path, mode: not read_only)


def test_an_existing_file_on_a_read_only_mount_names_the_mount(tmp_path, monkeypatch):
    path = tmp_path / "b.xml"
    path.write_bytes(b"old")
    _mounted(monkeypatch, read_only=True)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(path, b"new")
    assert info.value.reason == (f"cannot save: the folder {tmp_path} is on a read-only file system: remount it "
                                 "writable, or work on a copy in a writable folder")
    assert info.value.path == path and path.read_bytes() == b"old" and os.listdir(tmp_path) == ["b.xml"]


def test_the_same_words_as_a_new_file_in_that_folder(tmp_path, monkeypatch):
    existing = tmp_path / "b.xml"
    existing.write_bytes(b"old")
    _mounted(monkeypatch, read_only=True)

    def refused(*args, **kwargs):  # a new file: the temporary file is refused as the kernel refuses it
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(atomic, "_make_new", refused)
    said = []
    for path in (existing, tmp_path / "d.xml"):
        with pytest.raises(SaveError) as info:
            atomic_write_bytes(path, b"new")
        said.append(info.value.reason)
    assert said[0] == said[1]


def test_a_read_only_file_on_a_writable_mount_is_still_the_file(tmp_path, monkeypatch):
    path = tmp_path / "b.xml"
    path.write_bytes(b"old")
    _mounted(monkeypatch, read_only=False)
    monkeypatch.setattr(atomic.os, "access", lambda p, mode: False)  # its mode says read-only
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(path, b"new")
    assert info.value.reason == "cannot save: the file is read-only"
    assert path.read_bytes() == b"old"
