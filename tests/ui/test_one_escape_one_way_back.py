"""Esc or Enter in the Images dock's search box went back to the image by two paths at once: the dock
activated the main window itself (`hand_back`), then the window's `focus_canvas` activated it again
whenever the first activation had not arrived yet (under X11 it comes later). One path now: the dock
says the typing is done, the window takes the keyboard back (`focus_canvas`, which also serves the
floating dock's Reload button and the new-classes bar)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def test_one_key_activates_the_main_window_once(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    dock = window.file_dock
    dock.setFloating(True)
    qtbot.waitUntil(lambda: dock.isFloating() and dock.isVisible(), timeout=5000)
    activations = []
    # as under X11: the activation is asked for, and arrives later
    monkeypatch.setattr(window, "activateWindow", lambda: activations.append(1))
    for key in (Qt.Key_Escape, Qt.Key_Return):
        dock.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dock, timeout=5000)
        dock.focus_search()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dock.search, timeout=5000)
        activations.clear()
        qtbot.keyClick(dock.search, key)
        assert activations == [1]
        assert window.focusWidget() is window.panel.gt_pane  # the image's, once the window is active
