"""Files that cannot be looked at for a moment (a network share's hiccup, a sync tool, a chmod), for the window's
tests of a folder that turns unreadable while open and readable again."""

from __future__ import annotations

import os

import pytest

from petloc_gui.ui.review import disk_sync


@pytest.fixture
def fast_poll(monkeypatch):
    """The window's look at the files on disk every 100 ms, so that a test sees access come back soon."""
    monkeypatch.setattr(disk_sync, "POLL_MS", 100)


def unreadable(monkeypatch, *paths) -> None:
    """Every stat and open of ``paths`` fails, as in a folder that is not searchable (mode r--)."""
    denied = {os.fspath(path) for path in paths}
    stat, open_ = os.stat, os.open

    def refused(real):
        def call(path, *args, **kwargs):
            if os.fspath(path) in denied:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "stat", refused(stat))
    monkeypatch.setattr(os, "open", refused(open_))

