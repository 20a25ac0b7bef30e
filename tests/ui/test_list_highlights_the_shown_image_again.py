"""The Images list highlights the image on screen again once a search that hid its row is changed or cleared: the
row's selection was dropped when the search hid it, and nothing chose it again, so no row was highlighted (clicking
the image did not bring it back) though D still stepped from that image."""

from __future__ import annotations

from .conftest import open_and_wait


def _highlighted(window) -> list[int]:
    """The images whose rows the list highlights (dataset indices), and its current row's first."""
    dock = window.file_dock
    selection = dock.view.selectionModel()
    current = selection.currentIndex()
    rows = [current.row()] if current.isValid() and selection.isRowSelected(current.row()) else []
    rows += [index.row() for index in selection.selectedRows() if index.row() not in rows]
    return [dock.model.item_at(row) for row in rows]


def test_the_shown_row_is_highlighted_again_when_the_search_lists_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    names = window.session.model.names
    shown = names.index("c.png")
    window.show_row(shown)
    qtbot.waitUntil(lambda: window.session.current == shown)
    assert _highlighted(window) == [shown]
    search = window.file_dock.search
    search.setText("a.png")  # c.png hidden
    assert window.file_dock.model.view_row(shown) < 0 and _highlighted(window) == []
    search.setText("")  # listed again
    assert _highlighted(window) == [shown]
    assert window.session.current == shown  # no other image chosen meanwhile
    search.setText("a.png")
    search.setText("png")  # a text it matches: listed again too
    assert _highlighted(window) == [shown]


def test_a_search_that_keeps_the_row_leaves_the_highlight_and_shows_nothing_else(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    shown = window.session.model.names.index("b.png")
    window.show_row(shown)
    qtbot.waitUntil(lambda: window.session.current == shown)
    chosen: list[int] = []
    window.file_dock.row_chosen.connect(chosen.append)
    window.file_dock.search.setText("b")
    window.file_dock.search.setText("")
    assert _highlighted(window) == [shown] and chosen == []
