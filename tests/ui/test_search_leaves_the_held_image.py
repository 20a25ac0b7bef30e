"""In review order an edited image is held at its queue place (`FileListModel.hold`), so that it does not jump
away under the user. It stayed listed under any search text too: Ctrl+F, another image's name and Enter left
the edited image on screen, first in the list, and the next keys (arrows, 1-9, Del, Ctrl+S) edited and saved
it instead of the match. A search lists only what it matches; R (name order) releases the held image."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import names_in_view_order, open_and_wait


def _activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def _edit_e_in_review_order(qtbot, window) -> int:
    """R, e shown (clicked in the list), B and Del: its one box deleted ("edited", no box), e held."""
    model = window.session.model
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_R)
    assert model.review_order
    e = model.names.index("e.png")
    window.show_row(e)
    window.focus_canvas()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_B)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Delete)
    assert model.status[e] == "edited" and not window.session.store.document(e).objects
    assert model.held == e
    return e


def test_enter_in_a_search_that_misses_the_edited_image_shows_the_match(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    e = _edit_e_in_review_order(qtbot, window)
    model, search = window.session.model, window.file_dock.search
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is search
    qtbot.keyClicks(search, "c.png")
    assert names_in_view_order(window) == ["c.png"]  # e (held, edited) is no match
    qtbot.keyClick(search, Qt.Key_Return)
    c = model.names.index("c.png")
    assert window.session.current == c
    assert QApplication.focusWidget() is window.panel.gt_pane
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_B)  # the next keys act on c, not on e
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_Delete)
    assert window.session.store.document(c).dirty and model.status[c] == "edited"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(search, "e.p")
    assert names_in_view_order(window) == ["e.png"]  # a search that matches it lists it again
    assert model.view_row(e) == 0


def test_a_status_filter_keeps_the_edited_image_until_r_releases_it(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    e = _edit_e_in_review_order(qtbot, window)
    model, dock = window.session.model, window.file_dock
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("annotated"))  # e has no box left
    assert model.view_row(e) >= 0 and window.session.current == e  # held: it stays while being edited
    window.focus_canvas()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_R)  # name order: nothing is held
    assert not model.review_order and model.held is None
    assert model.view_row(e) >= 0  # still shown: the order changed, not the filter
    dock.status_filter.setCurrentIndex(0)  # all statuses, then "annotated" chosen again
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("annotated"))
    assert names_in_view_order(window) == ["a.png", "b.png", "c.png"]  # what it matches
    assert model.names[window.session.current] == "a.png"  # the list's first shown, not the hidden e
