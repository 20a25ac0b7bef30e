"""N / Space when the list's search or status filter hides every image left to review: N stays, and says so.
It showed the image shown again (its box selection back on the first box); with no image shown (F5 under a
search matching none) it said "Review queue done" over the line on the hidden images, and forgot the images
seen in the pass."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.ui.review import listed_queue

from .conftest import open_and_wait

# the queue of the test folder: b, e, c, d, a (test_window_review); a.png is shown at the opening


def _shown_name(window) -> str:
    return window.session.model.names[window.session.current]


def test_n_leaves_the_image_as_it_is_when_the_filter_hides_all_left(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.search.setText("c")
    window.next_to_review()
    assert _shown_name(window) == "c.png"
    window.edits.select(-1)  # a click on empty space: no box selected
    shown = []
    window.session.show = shown.append  # what the window asks the session to show
    qtbot.keyClick(window, Qt.Key_N)  # b, e and d are left, all hidden
    assert shown == []  # not shown again
    assert window.edits.selected == -1  # it went back to the first box
    assert "the filter hides 3 images left" in window.statusBar().currentMessage()


def test_the_session_says_stay_not_the_image_shown(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.search.setText("a")  # a.png, shown and seen: every image left is hidden
    assert window.session.next_to_review() is listed_queue.STAY


def test_with_no_image_shown_n_says_what_the_filter_hides_not_queue_done(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(window.session.model.names.index("c.png"))
    window.file_dock.search.setText("c.png")
    (folder / "c.png").unlink()  # by another program
    window.act["reload_folder"].trigger()  # F5: the list shows no image, none is shown
    assert window.session.current is None
    window.session.visited.add(window.session.model.names.index("b.png"))  # seen in this pass
    seen = set(window.session.visited)
    window.next_to_review()
    said = window.statusBar().currentMessage()
    assert "No image left to review in the list: the filter hides" in said and "clear the search" in said, said
    assert window.session.visited == seen  # the pass goes on: b.png is not shown again
    assert window.session.current is None


def test_left_to_review_is_one_rule_for_the_queue_and_the_list():
    from types import SimpleNamespace

    from petloc_gui.ui.review.list_ranking import left_to_review

    rows = SimpleNamespace(verified=[False, True, False, False, False], status=["", "", "verified", "", ""],
                           gone=frozenset({3}))
    assert [left_to_review(rows, row, {4}) for row in range(5)] == [True, False, False, False, False]


def test_n_says_it_keeps_to_the_images_the_list_shows(qtbot, window):
    from petloc_gui.ui.help_dialog import QUEUE_RULE

    assert "among those the list shows" in window.act["next_review"].toolTip()
    assert "search or status filter hides" in QUEUE_RULE and "N stays" in QUEUE_RULE
