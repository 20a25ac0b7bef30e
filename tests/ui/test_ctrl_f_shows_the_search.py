"""Ctrl+F shows the search box it gives the keyboard to. With the Dataset panel's tab in front of the
image list's, or the list closed by F9, it focused the search box out of sight: the next keys filtered
the list unseen ("1 / 1 (of 5)") and every annotation key typed into the hidden box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def _on_screen(widget) -> bool:
    """Shown in the window, not a tab parked behind another (Qt leaves that one "visible")."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def _ctrl_f(qtbot, window) -> None:
    """Ctrl+F pressed on the image, the window active (the window's shortcut, as the user has it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.focus_canvas()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_F, Qt.ControlModifier)


def _show_the_dataset_panel(qtbot, window) -> None:
    """Ctrl+I: the Dataset tab in front of the Images tab, its figures computed (a computation still
    running as the window closes reports to a panel gone)."""
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: window.dataset_panel.stats is not None, timeout=10_000)


def _typed_into_the_search_shown(qtbot, window) -> None:
    search = window.file_dock.search
    qtbot.waitUntil(lambda: _on_screen(search) and search.hasFocus(), timeout=3000)
    assert _on_screen(window.file_dock.view) and window.act["image_list"].isChecked()
    qtbot.keyClicks(QApplication.focusWidget(), "b")
    assert search.text() == "b" and _on_screen(search)


def test_ctrl_f_with_the_dataset_panel_in_front_brings_the_images_tab_forward(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _show_the_dataset_panel(qtbot, window)
    qtbot.waitUntil(lambda: _on_screen(window.dataset_panel) and not _on_screen(window.file_dock.search),
                    timeout=3000)
    _ctrl_f(qtbot, window)
    _typed_into_the_search_shown(qtbot, window)
    assert not window.dataset_panel.isHidden()  # still there, a tab behind the list


def test_ctrl_f_after_f9_closed_the_image_list_opens_it_again(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.act["image_list"].trigger()  # F9: the list closed
    qtbot.waitUntil(window.file_dock.isHidden, timeout=3000)
    assert not window.act["image_list"].isChecked()
    _ctrl_f(qtbot, window)
    _typed_into_the_search_shown(qtbot, window)


def test_ctrl_f_with_the_list_closed_behind_a_shown_dataset_panel(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _show_the_dataset_panel(qtbot, window)  # the panel in front of the list
    window.act["image_list"].trigger()  # F9: the list in front of the panel
    qtbot.waitUntil(lambda: _on_screen(window.file_dock.search), timeout=3000)
    window.act["image_list"].trigger()  # F9 again: the list closed, the panel shown
    qtbot.waitUntil(window.file_dock.isHidden, timeout=3000)
    _ctrl_f(qtbot, window)
    _typed_into_the_search_shown(qtbot, window)
