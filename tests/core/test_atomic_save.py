"""Interrupted and impossible saves leave the old file intact and no temp file."""

from __future__ import annotations

import errno
import os
import re

import pytest

from petloc_gui.core import atomic
from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import SaveError
from petloc_gui.core.voc import VocObject, read_voc, write_voc

OLD = (b"<annotation><filename>a.jpg</filename><size><width>10</width><height>10</height>"
       b"</size></annotation>")


def _annotation_file(tmp_path):
    path = tmp_path / "a.xml"
    path.write_bytes(OLD)
    annotation = read_voc(path)
    annotation.objects.append(VocObject("cat", Box(1, 1, 5, 5)))
    return path, annotation


def _fail(*args, **kwargs):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("where", ["replace", "fsync"])
def test_interrupted_save_keeps_old_file_and_no_temp(tmp_path, monkeypatch, where):
    path, annotation = _annotation_file(tmp_path)
    monkeypatch.setattr(atomic.os, where, _fail)
    with pytest.raises(SaveError) as info:
        write_voc(annotation, path)
    assert info.value.path == path and "No space left" in str(info.value)
    assert path.read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == ["a.xml"]
    monkeypatch.undo()
    write_voc(annotation, path)  # the same annotation can be saved again afterwards
    assert read_voc(path).objects == annotation.objects
    assert sorted(os.listdir(tmp_path)) == ["a.xml"]


def test_interrupted_write_of_data(tmp_path, monkeypatch):
    path = tmp_path / "f.bin"
    path.write_bytes(b"old")
    real_fdopen = os.fdopen

    class Exploding:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[:3])
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: Exploding(real_fdopen(fd, mode)))
    with pytest.raises(SaveError):
        atomic_write_bytes(path, b"new content")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["f.bin"]


@pytest.mark.parametrize(("refusal", "said"), [
    (PermissionError(errno.EACCES, "Permission denied"), "is not writable (Permission denied): give yourself "
                                                          "write permission on it"),
    (OSError(errno.EROFS, "Read-only file system"), "is on a read-only file system: remount it writable"),
])
def test_unwritable_folder_gives_save_error_naming_the_folder(tmp_path, monkeypatch, refusal, said):
    path, annotation = _annotation_file(tmp_path)

    def refuse(*args, **kwargs):
        raise refusal

    # Tests may run as root, which ignores chmod; simulate the refusal instead.
    monkeypatch.setattr(atomic, "_make_new", refuse)
    with pytest.raises(SaveError) as info:
        write_voc(annotation, path)
    # The folder is the problem, not the file ("a.xml: cannot save: Permission denied" read as a locked file).
    assert info.value.reason == (f"cannot save: the folder {tmp_path} {said}, or work on a copy in a "
                                 "writable folder")
    assert info.value.path == path and path.read_bytes() == OLD


def test_another_failure_to_make_the_temporary_file_is_said_as_it_is(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_make_new", full)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(tmp_path / "f.bin", b"new")
    assert info.value.reason == "cannot save: No space left on device"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_for_real(tmp_path):
    path, annotation = _annotation_file(tmp_path)
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(SaveError, match=f"the folder {re.escape(str(tmp_path))} is not writable"):
            write_voc(annotation, path)
    finally:
        tmp_path.chmod(0o700)
    assert path.read_bytes() == OLD


def test_parent_is_a_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SaveError, match="does not exist or is not a folder"):
        atomic_write_bytes(blocker / "a.xml", b"data")
    assert blocker.read_text() == "x"


def test_permissions_of_existing_file_are_kept(tmp_path):
    path = tmp_path / "f.xml"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"new" and (path.stat().st_mode & 0o777) == 0o640


needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                                    reason="symbolic links need privileges on Windows")


@needs_symlinks
def test_symlink_is_written_through_not_replaced(tmp_path):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "a.xml"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.xml"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new" and (real.stat().st_mode & 0o777) == 0o640
    assert sorted(os.listdir(real_dir)) == ["a.xml"] and sorted(os.listdir(tmp_path)) == [
        "link.xml", "real"]


@needs_symlinks
def test_voc_save_through_symlink(tmp_path):
    real = tmp_path / "store" / "a.xml"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "a.xml"
    link.symlink_to(real)
    annotation = read_voc(link)
    annotation.objects.append(VocObject("cat", Box(1, 1, 5, 5)))
    write_voc(annotation, link)
    assert link.is_symlink() and [o.name for o in read_voc(real).objects] == ["cat"]


@needs_symlinks
def test_dangling_symlink_is_refused(tmp_path):
    link = tmp_path / "a.xml"
    link.symlink_to(tmp_path / "elsewhere" / "missing.xml")
    with pytest.raises(SaveError, match="symbolic link") as info:
        atomic_write_bytes(link, b"data")
    assert info.value.path == link
    assert link.is_symlink() and not (tmp_path / "elsewhere").exists()


def test_new_file_mode_follows_umask_and_no_temp_left(tmp_path):
    path = tmp_path / "ñandú_猫.xml"
    atomic_write_bytes(path, b"data")
    assert path.read_bytes() == b"data"
    assert (path.stat().st_mode & 0o777) == (0o666 & ~atomic._UMASK)
    assert os.listdir(tmp_path) == ["ñandú_猫.xml"]


def test_long_file_name(tmp_path):
    # A 250-character name is legal; the temporary name must not exceed 255 bytes.
    path = tmp_path / ("a" * 246 + ".xml")
    atomic_write_bytes(path, b"data")
    assert path.read_bytes() == b"data" and len(os.listdir(tmp_path)) == 1


def test_target_is_a_folder(tmp_path):
    (tmp_path / "a.xml").mkdir()
    with pytest.raises(SaveError):
        atomic_write_bytes(tmp_path / "a.xml", b"data")
    assert os.listdir(tmp_path) == ["a.xml"]


def test_read_only_file_is_not_replaced(tmp_path, monkeypatch):
    path = tmp_path / "a.xml"
    path.write_bytes(b"old")
    path.chmod(0o444)
    if os.access(path, os.W_OK):  # root: simulate what a normal user sees
        monkeypatch.setattr(atomic.os, "access", lambda p, mode: False)
    with pytest.raises(SaveError, match="read-only") as info:
        atomic_write_bytes(path, b"new")
    assert info.value.path == path and path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.xml"]
