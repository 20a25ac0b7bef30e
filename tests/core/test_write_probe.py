"""`why_not_writable` names what keeps a file from being written by writing beside it: the errno of the
refusal (a full disk, a read-only mount, no permission, a file on the folder's path), None when a file can be
written there. Full disks and read-only mounts are played by refusing as the kernel does."""

from __future__ import annotations

import errno
import os

import pytest

from petloc_gui.core import write_probe
from petloc_gui.core.write_probe import why_not_writable

_REAL_WRITE = os.write


def refuse_writes(monkeypatch, code: int) -> None:
    """Writes to files fail with ``code`` (ENOSPC: a full disk), as the kernel answers; the test's own
    output (standard out and error) still goes through."""
    def write(fd, data):
        if fd in (1, 2):
            return _REAL_WRITE(fd, data)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(write_probe.os, "write", write)


def test_a_writable_folder_has_no_cause_and_keeps_nothing(tmp_path):
    assert why_not_writable(tmp_path / "petloc.conf") is None
    assert why_not_writable(tmp_path / "not" / "yet" / "made" / "petloc.conf") is None  # made where it can be
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(("code", "said"), [
    (errno.ENOSPC, "the disk it is on is full: free some space"),
    (errno.EDQUOT, "your disk quota there is used up: free some space"),
])
def test_a_full_disk_is_named(tmp_path, monkeypatch, code, said):
    refuse_writes(monkeypatch, code)
    assert why_not_writable(tmp_path / "cfg" / "petloc.conf") == said
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(("refusal", "said"), [
    (OSError(errno.EROFS, "Read-only file system"), "it is on a read-only file system: remount it writable"),
    (PermissionError(errno.EACCES, "Permission denied"), "no permission to write in {folder}"),
    (OSError(errno.EIO, "Input/output error"), "Input/output error"),
])
def test_a_refused_file_is_named(tmp_path, monkeypatch, refusal, said):
    def refuse(*args, **kwargs):
        raise refusal

    monkeypatch.setattr(write_probe.tempfile, "TemporaryFile", refuse)
    assert why_not_writable(tmp_path / "petloc.conf") == said.format(folder=tmp_path)


def test_a_file_on_the_folders_path_is_named(tmp_path):
    (tmp_path / "config").write_text("a file where the settings' folder should be")
    assert why_not_writable(tmp_path / "config" / "petloc" / "petloc.conf") == (
        "a file is where a folder of its path should be")
