"""A folder opened under a search that matches none of its images (the search is kept from the folder before,
or F5), then the search cleared: the list filled again, but the panel kept "The list shows no image: its search
or filter matches none of the 5 images" and the status line no "n / 5", as nothing showed a row once the
search let rows through. The first row listed is shown now, and the keyboard stays in the search box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment

from .conftest import open_and_wait, wait_image_shown


def _header(window) -> str:
    return QTextDocumentFragment.fromHtml(window.panel.header.text()).toPlainText()


def test_clearing_the_search_shows_the_first_image_listed(qtbot, window, folder):
    window.file_dock.search.setText("zzz")
    open_and_wait(qtbot, window, folder)
    assert window.session.current is None and window.file_dock.model.rowCount() == 0
    assert "The list shows no image" in window.panel.gt_pane.accessibleDescription()
    window.file_dock.focus_search()
    qtbot.waitUntil(window.file_dock.search.hasFocus)
    qtbot.keyClick(window.file_dock.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.file_dock.search, Qt.Key.Key_Backspace)
    assert window.file_dock.search.text() == "" and window.file_dock.model.rowCount() == 5
    wait_image_shown(qtbot, window)
    assert window.session.current == window.file_dock.first_visible_row()
    assert window.session.model.names[window.session.current] == "a.png"
    assert "The list shows no image" not in window.panel.gt_pane.accessibleDescription()
    assert "The list shows no image" not in _header(window) + window.panel.header.toolTip()
    assert "a.png" in _header(window) + window.panel.header.toolTip()
    assert window.position_label.text() == "1 / 5"
    assert window.file_dock.view.currentIndex().row() == 0  # its row highlighted
    assert window.file_dock.search.hasFocus()  # the keys stay where they are typed


def test_a_search_that_lists_some_shows_the_first_of_them(qtbot, window, folder):
    window.file_dock.search.setText("zzz")
    open_and_wait(qtbot, window, folder)
    window.file_dock.search.setText("d")
    wait_image_shown(qtbot, window)
    assert window.session.model.names[window.session.current] == "d.png"


def test_a_search_still_matching_none_shows_nothing(qtbot, window, folder):
    window.file_dock.search.setText("zzz")
    open_and_wait(qtbot, window, folder)
    window.file_dock.search.setText("zzzy")
    assert window.session.current is None
    assert "The list shows no image" in window.panel.gt_pane.accessibleDescription()
