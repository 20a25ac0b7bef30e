"""N's line on the images the filter hides is watched for as long as it shows (`listed_queue.HiddenSaidWatch`),
and the watch walked the whole queue on each change of the list, two or three times a keystroke in the search
(the list's order_changed, the search's textChanged, the status filter's change each looked): ~24 ms a keystroke
at 20,000 rows with every row hidden. Now a change that alters the way to list the images ("clear the search")
takes the line off without a walk, and the changes of one moment share one walk."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from petloc_gui.ui.review import listed_queue

from .test_n_hidden_line_follows_the_filter import HIDDEN, _n_on_a_hiding_search


def _count_walks(monkeypatch) -> list[int]:
    walks: list[int] = []
    walk = listed_queue.next_listed

    def counted(rows, skip):
        walks.append(1)
        return walk(rows, skip)

    monkeypatch.setattr(listed_queue, "next_listed", counted)
    return walks


def test_a_keystroke_that_leaves_the_line_true_walks_the_queue_once(qtbot, window, folder, monkeypatch):
    _n_on_a_hiding_search(qtbot, window, folder)
    walks = _count_walks(monkeypatch)
    qtbot.keyClicks(window.file_dock.search, ".")  # "c.": c.png alone still, the same way to list the rest
    window.file_dock.order_changed.emit()  # the list ranked again in the same moment
    QApplication.processEvents()
    assert window.statusBar().currentMessage() == HIDDEN
    assert len(walks) == 1


def test_a_change_of_the_way_to_list_them_takes_the_line_off_without_a_walk(qtbot, window, folder, monkeypatch):
    _n_on_a_hiding_search(qtbot, window, folder)
    walks = _count_walks(monkeypatch)
    window.file_dock.search.clear()
    assert window.statusBar().currentMessage() == ""  # at once, as before
    QApplication.processEvents()
    assert walks == []


def test_images_listed_under_the_same_advice_take_the_line_off_after_the_moment(qtbot, window, folder):
    _n_on_a_hiding_search(qtbot, window, folder)
    window.file_dock.search.setText(".png")  # b, e and d listed, a search still on: the advice is the same
    assert window.file_dock.how_to_list_all() == "clear the search"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=2000)  # the walk found them
