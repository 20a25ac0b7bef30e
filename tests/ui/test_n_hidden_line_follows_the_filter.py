"""N's line when the list's filter hides every image left ("…the filter hides 3 images left; clear the search to
see them.") stayed its 10 s after the search was cleared, advising what was done. Now a change of the list's
search or status filter that makes it untrue takes it off the status line; one that leaves it true, or a line
said since, is left alone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import open_and_wait

HIDDEN = "No image left to review in the list: the filter hides 3 images left; clear the search to see them."


def _n_on_a_hiding_search(qtbot, window, folder) -> None:
    """c.png shown under the search "c"; N: b, e and d are left, all hidden."""
    open_and_wait(qtbot, window, folder)
    window.file_dock.search.setText("c")
    window.next_to_review()
    assert window.session.model.names[window.session.current] == "c.png"
    qtbot.keyClick(window, Qt.Key_N)
    assert window.statusBar().currentMessage() == HIDDEN


def test_the_line_goes_when_the_search_is_cleared(qtbot, window, folder):
    _n_on_a_hiding_search(qtbot, window, folder)
    window.file_dock.search.clear()
    assert window.statusBar().currentMessage() == ""


def test_the_line_goes_when_the_status_filter_changes_its_advice(qtbot, window, folder):
    _n_on_a_hiding_search(qtbot, window, folder)
    dock = window.file_dock
    dock.status_filter.setCurrentIndex(dock.status_filter.count() - 1)  # another filter on top of the search
    assert "set the status filter" in dock.how_to_list_all()  # ("clear the search" alone lists them no more)
    assert window.statusBar().currentMessage() == ""


def test_the_line_stays_while_it_holds(qtbot, window, folder):
    _n_on_a_hiding_search(qtbot, window, folder)
    window.file_dock.search.setText("c.p")  # c.png alone still: the same images hidden, the same way to list them
    window.file_dock.order_changed.emit()  # the list ranked again
    assert window.statusBar().currentMessage() == HIDDEN


def test_a_line_said_since_is_left_alone(qtbot, window, folder):
    _n_on_a_hiding_search(qtbot, window, folder)
    window.statusBar().showMessage("Saved 1 image.", 4000)
    window.file_dock.search.clear()
    assert window.statusBar().currentMessage() == "Saved 1 image."
