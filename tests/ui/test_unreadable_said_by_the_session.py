"""A folder of the list that cannot be read is said by the session's one handler, in both places: the status line
for 30 s and the line under the list while it lasts, as its twin (images added or removed) is. The line under the
list came by a second route, a connection the window made beside the session's, which a session made without it
(or a change to one route) left saying it in one place only."""

from __future__ import annotations

from PySide6.QtCore import SIGNAL

from .conftest import open_and_wait

OUTAGE = [("/data/pets/day", "Permission denied")]


def _line(window) -> str:
    dock = window.file_dock
    return dock.unreadable_notice.text() if dock.unreadable_notice.isVisibleTo(dock) else ""


def test_the_sessions_handler_says_it_on_the_status_line_and_under_the_list(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.session._folder_unreadable(OUTAGE)
    assert window.statusBar().currentMessage().startswith("Cannot read the folder /data/pets/day: Permission denied")
    assert _line(window).startswith("Cannot read the folder /data/pets/day: Permission denied")
    window.session._folder_unreadable([])  # readable again
    assert _line(window) == ""


def test_the_watch_reaches_the_window_by_one_connection(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    watch = window.session.watchers.image_watch
    assert watch.receivers(SIGNAL("unreadable(PyObject)")) == 1
