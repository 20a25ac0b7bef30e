"""The Images dock floated as a window of its own (an hour's hunt under Xvfb): the search box took the
keyboard when the dock became the active window (D and A were typed into it), and Esc left the keys
there, since it only set the focus of a pane in a main window that was not active.

Esc and Enter there say `typing_done`, and the window's `focus_canvas` activates the main window (the
one way back: test_one_escape_one_way_back.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def _active(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=5000)


def _floating(qtbot, window):
    dock = window.file_dock
    dock.setFloating(True)
    qtbot.waitUntil(lambda: dock.isFloating() and dock.isVisible(), timeout=5000)
    return dock


def test_esc_in_a_floating_search_box_gives_the_keyboard_back_to_the_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dock = _floating(qtbot, window)
    _active(qtbot, dock)
    dock.focus_search()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dock.search, timeout=5000)
    qtbot.keyClicks(dock.search, "png")
    qtbot.keyClick(dock.search, Qt.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)  # the main window, activated
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.panel.gt_pane, timeout=5000)
    current = window.session.current
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_D)  # D: the next image, not a "d" in the search box
    assert dock.search.text() == "png" and window.session.current != current
    dock.focus_search()  # and Enter, the same way
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dock.search, timeout=5000)
    qtbot.keyClick(dock.search, Qt.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.panel.gt_pane, timeout=5000)


def test_a_floating_dock_does_not_put_the_keyboard_in_its_search_box(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _active(qtbot, window)
    dock = _floating(qtbot, window)
    _active(qtbot, dock)  # floated, or its title clicked to move it: it is the active window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dock.view, timeout=5000)  # not the search box
    current = window.session.current
    qtbot.keyClick(dock.view, Qt.Key_D)  # the window's D still acts
    assert dock.search.text() == "" and window.session.current != current
    _active(qtbot, window)
    _active(qtbot, dock)  # activated again: still not the search box
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dock.view, timeout=5000)

