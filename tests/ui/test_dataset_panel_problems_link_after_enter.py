"""After Enter on the Dataset panel's "N problems" link, the link keeps the keyboard, shown, and Enter works again:
the summary was written anew (its "(hide)"), and kept the keyboard with no link shown, nothing marked; a second Enter
did nothing until Tab. Selecting the link again from code had sent the keyboard to the next widget instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_dataset_panel_keys import _panel_shown_on_image_c, _press, _tab


def _link_focused(qtbot, window, folder):
    (folder / "f.heic").write_bytes(b"\0" * 64)  # a format petloc does not read: "1 problem"
    panel, _bar, _doc = _panel_shown_on_image_c(qtbot, window, folder)
    assert _tab(qtbot) is panel.widget()
    assert _tab(qtbot) is panel.summary and panel.summary.selectedText() == "1 problem"
    return panel


def _still_on_the_link(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: panel.summary.selectedText() == "1 problem", timeout=2000)  # shown, as Tab shows it
    qtbot.wait(50)  # and it stays there
    assert QApplication.focusWidget() is panel.summary and panel.summary.selectedText() == "1 problem"


def test_enter_lists_the_problems_and_the_link_stays_shown(qtbot, window, folder):
    panel = _link_focused(qtbot, window, folder)
    _press(qtbot, Qt.Key_Return)
    assert panel.problems.isVisibleTo(panel) and "hide" in panel.summary.text()
    _still_on_the_link(qtbot, panel)


def test_a_second_enter_hides_them_and_a_third_lists_them_again(qtbot, window, folder):
    panel = _link_focused(qtbot, window, folder)
    _press(qtbot, Qt.Key_Return)
    _still_on_the_link(qtbot, panel)
    _press(qtbot, Qt.Key_Return)
    assert not panel.problems.isVisibleTo(panel) and "click to list them" in panel.summary.text()
    _still_on_the_link(qtbot, panel)
    _press(qtbot, Qt.Key_Enter)  # the keypad's
    assert panel.problems.isVisibleTo(panel)
    _still_on_the_link(qtbot, panel)


def test_a_click_on_the_link_gives_no_keyboard_to_it(qtbot, window, folder):
    (folder / "f.heic").write_bytes(b"\0" * 64)
    panel, _bar, _doc = _panel_shown_on_image_c(qtbot, window, folder)
    panel.summary.linkActivated.emit("#problems")  # as a click does, the keyboard on the image
    assert panel.problems.isVisibleTo(panel)
    qtbot.wait(50)
    assert window.panel.gt_pane.hasFocus() and not panel.summary.selectedText()
