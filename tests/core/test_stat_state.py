"""`stat_state`: the one rule for "there", "gone" and "cannot be looked at now" that the window's folder watch,
its annotation follower, Open recent and the save's "image gone" question each wrote for themselves: a path that
cannot be looked at (a folder above it turned unreadable) is no path gone, and says the OS's reason."""

from __future__ import annotations

import errno
import os

import pytest

from petloc_gui.core.folder_listing import stat_state, unlisted_reason


def _failing_stat(monkeypatch, path, exc: OSError) -> None:
    real_stat = os.stat

    def stat(given, *args, **kwargs):
        if os.fspath(given) == os.fspath(path):
            raise exc
        return real_stat(given, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)


def test_there_is_its_stat_gone_is_none(tmp_path):
    (tmp_path / "a.xml").write_bytes(b"<annotation/>")
    (tmp_path / "file").write_bytes(b"")
    state = stat_state(tmp_path / "a.xml")
    assert isinstance(state, os.stat_result) and state.st_size == len(b"<annotation/>")
    assert isinstance(stat_state(str(tmp_path)), os.stat_result)
    assert stat_state(tmp_path / "b.xml") is None  # deleted, moved
    assert stat_state(tmp_path / "file" / "a.xml") is None  # under what is a file now


def test_one_that_cannot_be_looked_at_says_the_os_reason(tmp_path, monkeypatch):
    denied = tmp_path / "day"
    _failing_stat(monkeypatch, denied, PermissionError(errno.EACCES, "Permission denied", str(denied)))
    assert stat_state(denied) == "Permission denied"
    hiccup = tmp_path / "share"
    _failing_stat(monkeypatch, hiccup, OSError("stale handle"))  # no strerror: the exception's words
    assert stat_state(hiccup) == "stale handle"


def test_the_rule_is_the_listings(tmp_path, monkeypatch):
    for exc in (FileNotFoundError(errno.ENOENT, "No such file"), NotADirectoryError(errno.ENOTDIR, "Not a dir"),
                PermissionError(errno.EACCES, "Permission denied"), OSError(errno.EIO, "Input/output error")):
        _failing_stat(monkeypatch, tmp_path / "x", exc)
        assert stat_state(tmp_path / "x") == unlisted_reason(exc)


def test_a_nul_in_the_path_raises_as_os_stat_does(tmp_path):
    with pytest.raises(ValueError):
        stat_state(f"{tmp_path}/a\0b")
