"""The settings note's probe (`why_not_writable`) wrote 64 KiB: a disk with less than that free was "the disk
it is on is full" where the 3 KB settings file still fitted. It writes what the file needs: as much as the file
holds now, at least `PROBE_BYTES` (a few KB). The commands' probe (`write_probe_error`, no bytes written) and the
walk to the nearest folder that is there are the same code for the window and the commands."""

from __future__ import annotations

import errno
import os

from petloc_gui.cli import output, prelabel_folders
from petloc_gui.core import write_probe
from petloc_gui.core.write_probe import PROBE_BYTES, nearest_existing, why_not_writable, write_probe_error

_REAL_WRITE = os.write
FULL = "the disk it is on is full: free some space"


def disk_with_room(monkeypatch, room: int) -> None:
    """Files take at most ``room`` bytes more, then writes fail with ENOSPC, as a nearly full disk's do (part of
    a write taken first); the test's own output (standard out and error) still goes through."""
    left = [room]

    def write(fd, data):
        if fd in (1, 2):
            return _REAL_WRITE(fd, data)
        if not left[0]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        taken = _REAL_WRITE(fd, bytes(data[:left[0]]))
        left[0] -= taken
        return taken

    monkeypatch.setattr(write_probe.os, "write", write)


def test_a_small_settings_file_on_a_nearly_full_disk_has_no_disk_cause(tmp_path, monkeypatch):
    settings = tmp_path / "petloc.conf"
    settings.write_bytes(b"a" * 3000)
    disk_with_room(monkeypatch, 8 * 1024)
    assert why_not_writable(settings) is None  # the 3 KB file fits: its cause is elsewhere
    assert why_not_writable(tmp_path / "new" / "petloc.conf") is None  # so does a first one
    assert os.listdir(tmp_path) == ["petloc.conf"]


def test_a_disk_without_room_for_the_file_is_full(tmp_path, monkeypatch):
    settings = tmp_path / "petloc.conf"
    settings.write_bytes(b"a" * (20 * 1024))  # its new copy is written whole before it replaces it
    disk_with_room(monkeypatch, 8 * 1024)
    assert why_not_writable(settings) == FULL
    disk_with_room(monkeypatch, PROBE_BYTES - 1)
    assert why_not_writable(tmp_path / "other.conf") == FULL  # less than a few KB: no settings file fits
    assert os.listdir(tmp_path) == ["petloc.conf"]


def test_the_commands_probe_writes_nothing_and_is_the_window_s(tmp_path, monkeypatch):
    disk_with_room(monkeypatch, 0)
    assert write_probe_error(tmp_path) is None  # a new file can be made: all `petloc export` asks
    assert write_probe_error(tmp_path, size=1).errno == errno.ENOSPC
    assert output.write_probe_error is write_probe_error
    assert prelabel_folders.nearest_existing is nearest_existing
    assert os.listdir(tmp_path) == []


def test_the_nearest_existing_folder(tmp_path):
    assert nearest_existing(tmp_path / "a" / "b") == tmp_path
    (tmp_path / "link").symlink_to(tmp_path / "gone")
    assert nearest_existing(tmp_path / "link" / "b") == tmp_path / "link"  # a link is there, even dangling
