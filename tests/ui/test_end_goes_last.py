"""End shows the last image of the list as sorted and filtered (Go → Last image), as Home shows the first."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import names_in_view_order, open_and_wait


def _shown(window) -> str:
    return window.session.model.names[window.session.current]


def test_end_goes_to_the_last_image_and_home_back_to_the_first(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.focus_canvas()
    qtbot.keyClick(window, Qt.Key_End)
    assert _shown(window) == "e.png"
    assert window.file_dock.view.currentIndex().row() == 4  # the list follows
    qtbot.keyClick(window, Qt.Key_Home)
    assert _shown(window) == "a.png"


def test_end_follows_the_sort_and_the_filter(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.set_review_order(True)
    window.focus_canvas()
    qtbot.keyClick(window, Qt.Key_End)
    assert _shown(window) == names_in_view_order(window)[-1]
    window.file_dock.search.setText("c")  # only c.png
    window.focus_canvas()
    qtbot.keyClick(window, Qt.Key_End)
    assert _shown(window) == "c.png"


def test_the_go_menu_has_it_with_its_own_access_key(window):
    action = window.act["last_image"]
    assert action.text() == "&Last image" and action.shortcut().toString() == "End"
    go = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    keys = [a.text().split("&")[1][0].lower() for a in go.actions() if "&" in a.text()]
    assert keys.count("l") == 1 and len(keys) == len(set(keys))


def test_f1_lists_it():
    from petloc_gui.ui.actions import shortcut_rows

    assert ("End", "Last image") in shortcut_rows()
