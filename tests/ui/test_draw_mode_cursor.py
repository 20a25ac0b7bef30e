"""The cursor over the editable pane says what a press does there. In draw mode (W) a press draws a box
anywhere on the image, over a box too, yet a box showed the move cursor and no crosshair was ever set:
the cursor said "move" and the press drew a second box (hunt_sp #7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import BoxCanvas


def _hover(view: BoxCanvas, x: float, y: float) -> Qt.CursorShape:
    """Move the mouse to scene point (x, y); the viewport's cursor shape there."""
    pos = QPointF(view.mapFromScene(QPointF(x, y)))
    event = QMouseEvent(QEvent.MouseMove, pos, view.viewport().mapToGlobal(pos), Qt.NoButton, Qt.NoButton,
                        Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), event)
    return view.viewport().cursor().shape()


@pytest.fixture
def pane(qtbot) -> BoxCanvas:
    view = BoxCanvas(editable=True)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    picture = QImage(200, 100, QImage.Format_RGB32)
    picture.fill(0x806040)
    view.show_image(picture, (200, 100))
    view.set_boxes([(Box(20, 20, 120, 80), "cat")], selected=0)
    return view


INSIDE_THE_BOX, ON_A_CORNER, EMPTY = (70, 50), (120, 80), (170, 50)


def test_draw_mode_shows_a_crosshair_over_boxes_and_empty_space(pane):
    pane.draw_mode = True
    assert _hover(pane, *INSIDE_THE_BOX) == Qt.CrossCursor
    assert _hover(pane, *ON_A_CORNER) == Qt.CrossCursor
    assert _hover(pane, *EMPTY) == Qt.CrossCursor
    assert _hover(pane, *INSIDE_THE_BOX) == Qt.CrossCursor


def test_out_of_draw_mode_a_box_says_move_or_resize_and_empty_space_says_draw(pane):
    assert _hover(pane, *INSIDE_THE_BOX) == Qt.SizeAllCursor
    assert _hover(pane, *ON_A_CORNER) == Qt.SizeFDiagCursor
    assert _hover(pane, *EMPTY) == Qt.CrossCursor  # a drag there draws a box
    pane.draw_mode = True
    pane.draw_mode = False  # W, then W again: as before
    assert _hover(pane, *INSIDE_THE_BOX) == Qt.SizeAllCursor
    assert _hover(pane, *EMPTY) == Qt.CrossCursor


def test_draw_mode_turned_on_under_a_still_mouse_shows_the_crosshair_at_once(pane):
    assert _hover(pane, *INSIDE_THE_BOX) == Qt.SizeAllCursor
    pane.draw_mode = True  # W pressed, the mouse not moved
    assert pane.box_items()[0].cursor().shape() == Qt.CrossCursor
    assert _hover(pane, *EMPTY) == Qt.CrossCursor
    assert _hover(pane, *INSIDE_THE_BOX) == Qt.CrossCursor


def test_the_prediction_pane_keeps_the_plain_cursor(qtbot):
    view = BoxCanvas(editable=False)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    picture = QImage(200, 100, QImage.Format_RGB32)
    picture.fill(0x806040)
    view.show_image(picture, (200, 100))
    view.set_boxes([(Box(20, 20, 120, 80), "cat")])
    assert _hover(view, *INSIDE_THE_BOX) == Qt.ArrowCursor
    assert _hover(view, *EMPTY) == Qt.ArrowCursor


def test_a_pan_shows_the_closed_hand_over_the_picture_and_gives_the_crosshair_back(pane):
    assert _hover(pane, *EMPTY) == Qt.CrossCursor
    pane.zoom_by(4.0)
    start = QPointF(pane.mapFromScene(QPointF(*EMPTY)))
    press = QMouseEvent(QEvent.MouseButtonPress, start, pane.viewport().mapToGlobal(start), Qt.RightButton,
                        Qt.RightButton, Qt.NoModifier)
    QApplication.sendEvent(pane.viewport(), press)
    assert pane.viewport().cursor().shape() == Qt.ClosedHandCursor
    moved = start + QPointF(-30, 0)
    QApplication.sendEvent(pane.viewport(), QMouseEvent(QEvent.MouseMove, moved, pane.viewport().mapToGlobal(moved),
                                                        Qt.NoButton, Qt.RightButton, Qt.NoModifier))
    assert pane.viewport().cursor().shape() == Qt.ClosedHandCursor
    QApplication.sendEvent(pane.viewport(), QMouseEvent(QEvent.MouseButtonRelease, moved,
                                                        pane.viewport().mapToGlobal(moved), Qt.RightButton,
                                                        Qt.NoButton, Qt.NoModifier))
    assert _hover(pane, *pane.mapToScene(moved.toPoint()).toTuple()) == Qt.CrossCursor
