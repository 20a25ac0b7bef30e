"""Esc on the Images dock's status filter or its order drop-down left the keyboard there (only the search
and Label boxes gave it back), so the arrows and Space that followed changed the drop-down's choice instead
of nudging the box or stepping. Esc there now gives the keyboard back to the image, as in the search box;
Esc on a drop-down's open list still only closes the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def _focused():
    return QApplication.focusWidget()


def _activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


@pytest.mark.parametrize("drop_down", ["status_filter", "order"])
def test_escape_on_a_list_drop_down_gives_the_keyboard_back_to_the_image(qtbot, window, folder, drop_down):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    combo = getattr(window.file_dock, drop_down)
    combo.setFocus(Qt.TabFocusReason)  # tabbed to
    assert _focused() is combo
    qtbot.keyClick(combo, Qt.Key_Escape)
    assert _focused() is window.panel.gt_pane
    qtbot.keyClick(_focused(), Qt.Key_Down)  # the image's key now, not the drop-down's next choice
    assert combo.currentIndex() == 0


@pytest.mark.parametrize("drop_down", ["status_filter", "order"])
def test_escape_on_an_open_drop_down_list_only_closes_it(qtbot, window, folder, drop_down):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    combo = getattr(window.file_dock, drop_down)
    combo.setFocus(Qt.TabFocusReason)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    taken_back = []
    window.file_dock.typing_done.connect(lambda: taken_back.append(True))
    qtbot.keyClick(view, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    qtbot.wait(50)
    assert not taken_back and combo.currentIndex() == 0
    _activate(qtbot, window)  # offscreen, the closed list leaves no window active
    assert _focused() is combo  # the list closed, the keyboard still on the drop-down
    qtbot.keyClick(combo, Qt.Key_Escape)  # a second Esc gives it back
    assert taken_back and _focused() is window.panel.gt_pane
