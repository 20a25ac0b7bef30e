"""Ctrl+I from the image list's search box brought the Dataset panel forward over the list and left the keyboard
in the search box behind it: "zzz" typed next filtered the list unseen. The keyboard follows into the panel now
shown, and back into the list when F9 brings it forward over the panel that held it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def _on_screen(dock) -> bool:
    return not dock.isHidden() and not dock.visibleRegion().isEmpty()


def _inside(dock) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and dock.isAncestorOf(focus) and _on_screen(dock)


def test_the_keyboard_follows_the_dock_brought_forward(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    listing, panel = window.file_dock, window.dataset_panel
    window.act["focus_search"].trigger()
    qtbot.waitUntil(listing.search.hasFocus, timeout=2000)
    window.act["dataset_panel"].trigger()  # Ctrl+I: the panel in front, the list a tab behind it
    qtbot.waitUntil(lambda: _on_screen(panel) and not _on_screen(listing), timeout=3000)
    assert _inside(panel), QApplication.focusWidget()
    shown = listing.model.rowCount()
    qtbot.keyClicks(QApplication.focusWidget(), "zzz")
    assert listing.search.text() == "" and listing.model.rowCount() == shown  # nothing filtered unseen
    window.act["image_list"].trigger()  # F9: the list forward again, over the panel that holds the keyboard
    qtbot.waitUntil(lambda: _on_screen(listing), timeout=3000)
    assert _inside(listing), QApplication.focusWidget()


def test_the_keyboard_stays_on_the_image_when_no_dock_held_it(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.focus_canvas()
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: _on_screen(window.dataset_panel), timeout=3000)
    assert window.panel.gt_pane.hasFocus()
