"""A box's handle dragged past the picture's edge stops there, by the one clamp a box being drawn uses too
(`box_item.clamped`: the drag had its own copy of it inline)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas import box_item
from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.drawn_box import kept_size

from .one_pane import shown_pane


@pytest.fixture
def pane(qtbot):
    """An editable pane showing a 200x100 picture with one selected box, (20, 20)-(60, 50)."""
    view = shown_pane(qtbot, (500, 400), (200, 100))
    view.set_boxes([(Box(20, 20, 60, 50), "cat")], selected=0)
    return view


def _drag(view: BoxCanvas, start: tuple[float, float], end: tuple[float, float]) -> None:
    """A left-button drag from scene point ``start`` to ``end``, in four moves."""
    def send(kind: QEvent.Type, scene: tuple[float, float], button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
        at = QPointF(view.mapFromScene(QPointF(*scene)))
        screen = QPointF(view.viewport().mapToGlobal(at.toPoint()))
        QApplication.sendEvent(view.viewport(),
                               QMouseEvent(kind, at, screen, button, buttons, Qt.KeyboardModifier.NoModifier))

    left = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, start, left, left)
    for step in range(1, 5):
        t = step / 4
        send(QEvent.Type.MouseMove, (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t),
             Qt.MouseButton.NoButton, left)
    send(QEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)


@pytest.mark.parametrize(("handle", "past", "kept"), [
    ((60, 50), (260, 160), Box(20, 20, 200, 100)),  # bottom right, past the picture's bottom right corner
    ((20, 20), (-50, -30), Box(0, 0, 60, 50)),  # top left, past its top left corner
    ((40, 50), (40, 180), Box(20, 20, 60, 100)),  # bottom edge's handle, past its bottom
])
def test_a_handle_dragged_past_the_picture_stops_at_its_edge(qtbot, pane, handle, past, kept):
    edits: list[tuple[int, Box, Box]] = []
    pane.box_edited.connect(lambda index, old, new: edits.append((index, old, new)))
    _drag(pane, handle, past)
    assert edits == [(0, Box(20, 20, 60, 50), kept)]


def test_the_handle_drag_clamps_by_the_clamp_a_drawn_box_uses(qtbot, pane, monkeypatch):
    seen: list[QPointF] = []
    one_clamp = box_item.clamped

    def counted(point: QPointF, picture: QRectF) -> QPointF:
        seen.append(QPointF(point))
        return one_clamp(point, picture)

    monkeypatch.setattr(box_item, "clamped", counted)
    edits: list[tuple[int, Box, Box]] = []
    pane.box_edited.connect(lambda index, old, new: edits.append((index, old, new)))
    _drag(pane, (60, 50), (260, 160))
    assert seen and seen[-1].x() > 200  # each move of the handle, past the edge the last
    assert edits == [(0, Box(20, 20, 60, 50), Box(20, 20, 200, 100))]  # (nobody takes it here: the box goes back)


def test_a_box_drawn_right_to_left_is_kept_at_its_size():
    """`kept_size` takes the rubber band as dragged, right to left and bottom to top too (`rect_to_box` sorts it)."""
    assert kept_size(QRectF(QPointF(170.4, 90.0), QPointF(59.6, 40.0))) == (110, 50)
