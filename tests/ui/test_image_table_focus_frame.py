"""With the keyboard in the Images table nothing showed it: the table looked as it did with the keyboard on the
image, while the search box, the drop-downs, the Next button, the image pane and the Dataset panel show theirs.
A frame in the highlight colour goes round the table while it has the keyboard, as round the image pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def _edge_colours(table) -> set:
    """The colours along the table's left edge and its top, just inside it."""
    image = table.grab().toImage()
    return ({image.pixelColor(0, y).name() for y in range(4, image.height() - 4, 7)}
            | {image.pixelColor(x, 0).name() for x in range(4, image.width() - 4, 7)})


def test_the_table_with_the_keyboard_is_framed_in_the_highlight_colour(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    table = window.file_dock.view
    highlight = table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight).name()
    window.focus_canvas()
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    without = table.grab().toImage()
    assert highlight not in _edge_colours(table)
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    assert table.grab().toImage() != without
    assert _edge_colours(table) == {highlight}  # all round, unbroken
    window.focus_canvas()
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    assert highlight not in _edge_colours(table)


def test_the_frame_leaves_the_rows_where_they_were(qtbot, window, folder):
    """The frame takes the room of the one drawn without the keyboard: the rows do not move as it comes and
    goes."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    table = window.file_dock.view
    window.focus_canvas()
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    before = (table.viewport().geometry(), table.frameWidth())
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    assert (table.viewport().geometry(), table.frameWidth()) == before
