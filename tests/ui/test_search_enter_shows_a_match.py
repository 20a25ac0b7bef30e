"""Ctrl+F, a name, Enter: the list narrowed to the matches but the image shown stayed, hidden from the list,
and the next keys acted on it (A accepted a prediction on it, D autosaved it; hunt_sp #3). Enter now shows
the list's first match when the image shown is no longer in the list, and keeps the image otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import open_and_wait, wait_image_shown


def _search(qtbot, window, text: str) -> None:
    window.act["focus_search"].trigger()  # Ctrl+F
    qtbot.keyClicks(window.file_dock.search, text)
    qtbot.keyClick(window.file_dock.search, Qt.Key_Return)
    wait_image_shown(qtbot, window)


def test_enter_shows_the_first_match_when_the_image_shown_is_filtered_out(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png
    _search(qtbot, window, "d.p")
    assert window.session.current == 3  # d.png, the one match
    assert window.edits.index == 3  # the keys act on it
    assert window.position_label.text().startswith("1 / 1")
    # the keyboard is back on the image: the window's focus widget, whether the window is active or not
    # (offscreen it may not be, and hasFocus() is then False wherever the focus is)
    assert window.focusWidget() is window.panel.gt_pane


def test_enter_keeps_the_image_shown_when_the_list_still_shows_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png
    _search(qtbot, window, ".png")
    assert window.session.current == 2


def test_enter_with_no_match_keeps_the_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(1)
    _search(qtbot, window, "nothing-like-it")
    assert window.session.current == 1


def test_autosave_saves_the_image_left_for_the_match(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    window.show_row(3)  # d.png: no annotation
    window.accept_prediction()
    _search(qtbot, window, "a.p")
    assert window.session.current == 0
    assert (folder / "d.xml").exists()
