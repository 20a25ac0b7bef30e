"""N / Space go to the next image to review among the rows the image list shows: a search or a status filter
that hides the queue's top is obeyed, as D obeys it; a filter that hides every image left keeps the image
and says so (N jumped to an image the filter hid, the counter then reading "hidden by the filter")."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import open_and_wait

# the queue of the test folder: b, e, c, d, a (test_window_review); a.png is shown at the opening


def _shown_name(window) -> str:
    return window.session.model.names[window.session.current]


def test_a_search_hiding_the_queues_top_takes_n_to_the_first_image_it_lists(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.search.setText("c")  # lists c.png alone: b and e, above it in the queue, hidden
    qtbot.keyClick(window, Qt.Key_N)
    assert _shown_name(window) == "c.png"
    assert "hidden" not in window.file_dock.position_text(window.session.current)


def test_a_status_filter_keeps_n_among_the_images_it_lists(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dock = window.file_dock
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("annotated"))  # d.png has no annotation file
    assert _shown_name(window) == "a.png"  # listed: it stays
    seen = []
    for _ in range(4):
        window.next_to_review()
        seen.append(_shown_name(window))
    assert seen == ["b.png", "e.png", "c.png", "c.png"]  # d, next in the queue, is not listed
    said = window.statusBar().currentMessage()
    assert "the filter hides 1 image left; set the status filter to All statuses to see it" in said, said


def test_a_filter_hiding_every_image_left_keeps_the_image_and_says_why(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.search.setText("c")
    window.next_to_review()
    assert _shown_name(window) == "c.png"
    qtbot.keyClick(window, Qt.Key_Space)  # a was seen, c is shown: b, e and d are left, all hidden
    assert _shown_name(window) == "c.png"
    said = window.statusBar().currentMessage()
    assert "the filter hides 3 images left" in said and "clear the search" in said, said
    # the pass goes on where it was once the search is cleared: nothing seen in it is shown again
    window.file_dock.search.clear()
    window.next_to_review()
    assert _shown_name(window) == "b.png"


def test_how_to_list_all_names_each_filter_on(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dock = window.file_dock
    assert dock.how_to_list_all() == ""
    dock.search.setText("c")
    assert dock.how_to_list_all() == "clear the search"
    dock.status_filter.setCurrentIndex(2)
    assert dock.how_to_list_all() == "clear the search and set the status filter to All statuses"
