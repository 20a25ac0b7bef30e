"""A press on the selected box's drawn line moves the box, whatever the zoom.

The line is drawn centred on the box's edge, its outer half (the line's half and its edging, `LINE_PX` / 2 +
`EDGE_PX` screen pixels) outside the rectangle; a press there, between the handles, counted as outside: the
crosshair showed, and a drag drew a second box beside the selected one (on Abyssinian_201 at a display scale of 1, a
press on the middle of the top line dragged up). The selected box takes a press over its whole drawn line now, and
shows the move cursor there, but for its handles' grab squares, which win (on a small box they cover its lines:
test_a_handle_drag_moves_its_edges_by_the_drag.py); a pixel past the line a press still draws.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.box_item import EDGE_PX, LINE_PX

from .one_pane import shown_pane

OUTER_HALF_PX = LINE_PX / 2 + EDGE_PX  # how far the drawn line reaches outside the box, in screen pixels


def _send(pane: BoxCanvas, kind: QEvent.Type, where: QPointF, held: Qt.MouseButton) -> None:
    port = pane.viewport()
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    QApplication.sendEvent(port, QMouseEvent(kind, where, QPointF(port.mapToGlobal(where.toPoint())), button, held,
                                             Qt.KeyboardModifier.NoModifier))


def _cursor_then_drag_up(qtbot, picture: int, above_px: float) -> tuple[Qt.CursorShape, str]:
    """The cursor shown ``above_px`` screen pixels above the selected box's top edge, a quarter of its width in
    (between its corner's handle and its edge middle's), and what a drag up and right from there did: "move", "draw",
    "resize" or "nothing". The picture, ``picture`` pixels square, fills a 400-pixel pane: zoomed by about
    400 / ``picture``; the box a quarter to five eighths of it, 150 screen pixels wide whatever the zoom."""
    pane = shown_pane(qtbot, (400, 400), (picture, picture))
    box = Box(picture / 4, picture / 4, picture * 5 / 8, picture * 5 / 8)
    pane.set_boxes([(box, "cat")], 0)
    edge = pane.viewportTransform().map(QPointF(box.xmin + box.width / 4, box.ymin))
    spot = QPointF(round(edge.x()), math.floor(edge.y() - above_px))  # (whole pixels: as a mouse gives them)
    # the scene point a press there is taken at (`BoxCanvas.mousePressEvent`), as far outside as asked, or farther
    outside_px = (box.ymin - pane.mapToScene(spot.toPoint()).y()) * pane.transform().m11()
    assert above_px <= outside_px < above_px + 1
    _send(pane, QEvent.Type.MouseMove, spot, Qt.MouseButton.NoButton)
    cursor = pane.viewport().cursor().shape()
    edits: list[tuple[int, Box, Box]] = []
    drawn: list[Box] = []
    pane.box_edited.connect(lambda index, old, new: edits.append((index, old, new)))
    pane.box_drawn.connect(drawn.append)
    held = Qt.MouseButton.LeftButton
    _send(pane, QEvent.Type.MouseButtonPress, spot, held)
    for step in range(1, 6):
        _send(pane, QEvent.Type.MouseMove, spot + QPointF(30, -40) * (step / 5), held)
    _send(pane, QEvent.Type.MouseButtonRelease, spot + QPointF(30, -40), Qt.MouseButton.NoButton)
    if drawn:
        return cursor, "draw"
    if not edits:
        return cursor, "nothing"
    [(_index, old, new)] = edits
    return cursor, "move" if abs(new.height - old.height) <= 1e-6 else "resize"


@pytest.mark.parametrize("picture", [100, 400, 1600])  # zoomed in four times, about one, a quarter
def test_a_press_a_pixel_outside_the_selected_box_on_its_line_moves_it(qtbot, picture):
    cursor, done = _cursor_then_drag_up(qtbot, picture, 1)
    assert done == "move", f"a press on the selected box's drawn line did {done}"
    assert cursor == Qt.CursorShape.SizeAllCursor, cursor.name


@pytest.mark.parametrize("picture", [100, 400, 1600])
def test_a_press_a_pixel_past_the_selected_box_line_draws(qtbot, picture):
    cursor, done = _cursor_then_drag_up(qtbot, picture, OUTER_HALF_PX + 1)
    assert done == "draw", f"a press past the selected box's drawn line did {done}"
    assert cursor == Qt.CursorShape.CrossCursor, cursor.name
