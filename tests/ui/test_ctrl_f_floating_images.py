"""Ctrl+F with the Images dock floating as a window of its own: the search box got the focus inside that
window while the main window stayed active, so the letters typed next (D, A) acted on the image. Ctrl+F
now goes through the dock's `focus_search`, which activates the floating dock and selects the search text."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_ctrl_f_with_the_images_dock_floating_activates_it_and_selects_the_search(qtbot, window):
    dock = window.file_dock
    window.activateWindow()
    dock.setFloating(True)
    qtbot.waitUntil(lambda: dock.isFloating() and dock.isVisible(), timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    dock.search.setText("cat")
    dock.search.deselect()
    window.act["focus_search"].trigger()  # Ctrl+F
    assert dock.search.selectedText() == "cat"  # typing replaces the old search
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dock, timeout=5000)
