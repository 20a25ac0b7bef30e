"""Files that cannot be looked at for a moment (a network share's hiccup, a sync tool, a chmod), for the window's
tests of a folder that turns unreadable while open and readable again."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from petloc_gui.ui.review import disk_sync

from .conftest import open_and_wait, wait_image_shown


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


def show_while_not_a_file_to_look_at(window, monkeypatch, xml: Path, row: int) -> None:
    """Shows ``row`` while ``xml``'s ``Path.is_file`` raises PermissionError (its folder not searchable at
    that moment); it can be looked at again once shown."""
    is_file = Path.is_file

    def refused(path):
        if path == xml:
            raise PermissionError(13, "Permission denied")
        return is_file(path)

    with monkeypatch.context() as denied:
        denied.setattr(Path, "is_file", refused)
        window.show_row(row)


@contextmanager
def shown_while_unreadable(qtbot, window, folder: Path, monkeypatch, row: int, xml: Path) -> Iterator:
    """``folder`` opened, then ``row`` stepped onto while every stat and open of ``xml`` fails; the outage lasts
    as long as the block: the window's session."""
    open_and_wait(qtbot, window, folder)
    with monkeypatch.context() as outage:
        unreadable(outage, xml)
        window.session.show(row)
        wait_image_shown(qtbot, window)
        yield window.session
