"""Esc on the Images dock's status filter or its order drop-down left the keyboard there (only the search
and Label boxes gave it back), so the arrows and Space that followed changed the drop-down's choice instead
of nudging the box or stepping. Esc there now gives the keyboard back to the image, as in the search box.

So does the list's closing, a choice picked or Esc, as the Label box's: the usual user clicks a choice, and
then the arrows changed the filter and Space opened the list; Esc on the open list only closed it, and a
second Esc was needed (this file pinned that once). A click elsewhere that closes the list leaves the
keyboard where it clicked."""

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


def _open_list(qtbot, combo):
    """The drop-down's list opened by a click on the drop-down, as a user does."""
    qtbot.mouseClick(combo, Qt.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a release this soon after opening is not a pick
    return view


@pytest.mark.parametrize("drop_down", ["status_filter", "order"])
def test_a_choice_clicked_in_the_list_gives_the_keyboard_back_to_the_image(qtbot, window, folder, drop_down):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    combo = getattr(window.file_dock, drop_down)
    view = _open_list(qtbot, combo)
    choice = view.model().index(1, 0)
    with qtbot.waitSignal(window.file_dock.typing_done):
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(choice).center())
    assert combo.currentIndex() == 1 and not view.isVisible()
    _activate(qtbot, window)  # offscreen, the closed list leaves no window active
    assert _focused() is window.panel.gt_pane
    qtbot.keyClick(_focused(), Qt.Key_Down)  # the image's key now: the filter or order stays as picked
    assert combo.currentIndex() == 1


@pytest.mark.parametrize("drop_down", ["status_filter", "order"])
def test_escape_on_an_open_drop_down_list_closes_it_and_gives_the_keyboard_back(qtbot, window, folder, drop_down):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    combo = getattr(window.file_dock, drop_down)
    view = _open_list(qtbot, combo)
    with qtbot.waitSignal(window.file_dock.typing_done):
        qtbot.keyClick(view, Qt.Key_Escape)  # one Esc, not two
    assert not view.isVisible() and combo.currentIndex() == 0  # nothing chosen
    _activate(qtbot, window)
    assert _focused() is window.panel.gt_pane


@pytest.mark.parametrize("drop_down", ["status_filter", "order"])
def test_a_click_elsewhere_that_closes_the_list_keeps_the_keyboard_there(qtbot, window, folder, drop_down):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    combo, search = getattr(window.file_dock, drop_down), window.file_dock.search
    _open_list(qtbot, combo)
    taken_back = []
    window.file_dock.typing_done.connect(lambda: taken_back.append(True))
    combo.hidePopup()  # the list closes on a press outside it, and the press goes on to the search box
    search.setFocus(Qt.MouseFocusReason)
    _activate(qtbot, window)  # offscreen, the closed list leaves no window active
    qtbot.wait(50)
    assert _focused() is search and not taken_back  # not taken back to the image under the user's typing
