"""A pan after a zoom cannot go back into grey it left (`zoom_anchor.trim_to_view`).

To keep the point under the pointer, a zoom grows the pane's scene rect to the picture and the view it wants
(`zoom_anchor.place`). That rect stayed until the next fit: a 600x400 photo in a 350x600 pane, zoomed in 4 steps
with the pointer over the grey band above it, could be panned down and back up to 394 px of grey above the
picture, where before the zoom panning stopped at its edge.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.canvas.box_canvas import ZOOM_STEP, BoxCanvas
from petloc_gui.ui.canvas.zoom_anchor import viewport_to_scene

from .one_pane import shown_pane


@pytest.fixture
def zoomed(qtbot):
    """A 350x600 pane showing a 600x400 photo, zoomed in 4 steps at (175, 40), over the grey above the picture."""
    pane = shown_pane(qtbot, (350, 600), (600, 400))
    for _ in range(4):
        pane.zoom_by(ZOOM_STEP, QPointF(175, 40))
    return pane


def _grey_above(pane: BoxCanvas) -> float:
    """Screen pixels of grey shown above the picture's top edge (0 when the picture reaches the viewport's top)."""
    return max(0.0, -viewport_to_scene(pane, QPointF(0, 0)).y() * pane.transform().m11())


def _right_drag(pane: BoxCanvas, moves: list[float]) -> None:
    """A right-button pan, as the mouse sends it, by each vertical move in ``moves`` (screen pixels) in turn."""
    port = pane.viewport()
    at = QPointF(175, 300)

    def send(kind: QEvent.Type, where: QPointF, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
        QApplication.sendEvent(port, QMouseEvent(kind, where, QPointF(port.mapToGlobal(where.toPoint())), button,
                                                 buttons, Qt.KeyboardModifier.NoModifier))

    send(QEvent.Type.MouseButtonPress, at, Qt.MouseButton.RightButton, Qt.MouseButton.RightButton)
    for dy in moves:
        at = QPointF(at.x(), at.y() + dy)
        send(QEvent.Type.MouseMove, at, Qt.MouseButton.NoButton, Qt.MouseButton.RightButton)
    send(QEvent.Type.MouseButtonRelease, at, Qt.MouseButton.RightButton, Qt.MouseButton.NoButton)


def test_the_zoom_keeps_its_grey_until_a_pan_leaves_it(qtbot, zoomed):
    assert _grey_above(zoomed) > 300  # the point under the pointer stayed: the grey band over the picture with it
    assert zoomed.image_rect().top() > zoomed.sceneRect().top()


def test_scrolled_down_and_back_up_the_view_stops_at_the_grey_still_in_view_down_there(qtbot, zoomed):
    at_zoom = _grey_above(zoomed)
    bar = zoomed.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(1)
    at_bottom = _grey_above(zoomed)
    assert at_bottom < at_zoom - 100  # the pan left most of that grey out of view
    bar.setValue(bar.minimum())
    qtbot.wait(1)
    assert _grey_above(zoomed) <= at_bottom + 1


def test_a_right_drag_away_and_back_stops_where_the_picture_was_left(qtbot, zoomed):
    at_zoom = _grey_above(zoomed)
    _right_drag(zoomed, [-40.0] * 8)  # up: the picture moves up, the grey above it out of view
    away = _grey_above(zoomed)
    assert away <= max(0.0, at_zoom - 8 * 40) + 1
    _right_drag(zoomed, [40.0] * 12)  # and back down, further than it came
    assert _grey_above(zoomed) <= away + 1


def test_a_held_scroll_bar_handle_keeps_its_range_until_let_go(qtbot, zoomed):
    """Dragging the handle, the range does not change under the mouse (the view would jump); let go, the grey out
    of view goes."""
    at_zoom = _grey_above(zoomed)
    bar = zoomed.verticalScrollBar()
    bar.setSliderDown(True)
    bar.setValue(bar.maximum())
    at_bottom = _grey_above(zoomed)
    bar.setValue(bar.minimum())
    assert _grey_above(zoomed) == pytest.approx(at_zoom, abs=1)  # back where it was, within the same drag
    bar.setValue(bar.maximum())
    bar.setSliderDown(False)
    qtbot.wait(1)
    bar.setValue(bar.minimum())
    qtbot.wait(1)
    assert _grey_above(zoomed) <= at_bottom + 1
