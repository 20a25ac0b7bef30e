"""Closing the window without quitting the application (the application's aboutToQuit stops the trained-here check;
a close did not) left the check reading the folder to its end: the close waited for it. The window's shutdown stops
it at its next yield. A real window, real folders (tests/model/trained_here_folders.py)."""

from __future__ import annotations

import pytest

from tests.ui import trained_here_window

pytestmark = pytest.mark.slow  # a real window


window = trained_here_window.window  # the fixture, for the test below


def test_the_window_s_shutdown_stops_a_running_check(qtbot, window, tmp_path, monkeypatch):
    worker, go_on, _ = trained_here_window.check_held_at_its_first_image(qtbot, window, tmp_path, monkeypatch)
    watch = window.trained_here
    try:
        window.shutdown()
        assert worker.aborted  # it stops at its next yield, not at the folder's end
    finally:
        go_on.set()
    qtbot.waitUntil(worker.is_finished, timeout=10_000)
    assert watch.found is None
