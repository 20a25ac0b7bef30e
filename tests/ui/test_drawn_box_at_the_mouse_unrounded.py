"""A box drawn with the mouse has its corners where the mouse was, not at the nearest whole screen pixel's point.

At a display scale of 1.5 the mouse is at thirds of a logical pixel; the pane took the scene point under the whole
pixel nearest to it (`mapToScene` of a QPoint), and on a scaled-down photo a third of a pixel is a pixel or more of
the image: the box saved could be an image pixel off where the press was. The band's corners and the cursor
position said on the status line now come from the mouse's own position (`zoom_anchor.viewport_to_scene`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.zoom_anchor import viewport_to_scene

from .one_pane import shown_pane


def _send(pane: BoxCanvas, kind: QEvent.Type, where: QPointF) -> None:
    port = pane.viewport()
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
    QApplication.sendEvent(port, QMouseEvent(kind, where, QPointF(port.mapToGlobal(where.toPoint())), button, held,
                                             Qt.KeyboardModifier.NoModifier))


def test_the_drawn_box_s_corners_are_under_the_mouse(qtbot):
    pane = shown_pane(qtbot, (400, 400), (2000, 2000))  # a photo at a fifth of its size: 5 image pixels a pixel
    drawn: list[Box] = []
    said: list[tuple[float, float] | None] = []
    pane.box_drawn.connect(drawn.append)
    pane.cursor_moved.connect(said.append)
    start, end = QPointF(100 + 1 / 3, 120 + 2 / 3), QPointF(250 + 2 / 3, 300 + 1 / 3)  # as a 1.5 display sends them
    _send(pane, QEvent.Type.MouseButtonPress, start)
    _send(pane, QEvent.Type.MouseMove, (start + end) / 2)
    _send(pane, QEvent.Type.MouseMove, end)
    _send(pane, QEvent.Type.MouseButtonRelease, end)
    first, last = viewport_to_scene(pane, start), viewport_to_scene(pane, end)
    assert len(drawn) == 1
    box = drawn[0]
    assert abs(box.xmin - first.x()) < 1e-6 and abs(box.ymin - first.y()) < 1e-6, (box, first)
    assert abs(box.xmax - last.x()) < 1e-6 and abs(box.ymax - last.y()) < 1e-6, (box, last)
    assert said[-1] is not None and abs(said[-1][0] - last.x()) < 1e-6 and abs(said[-1][1] - last.y()) < 1e-6
