"""Ctrl+wheel keeps the image point under the pointer where it is, on both axes, at every step (`zoom_anchor`).

A 600x400 photo fitted in a tall pane fills its width and leaves spare height; the view centred the scaled
picture on the axis it did not fill, so the first steps moved the point under the pointer by up to half the
spare height (y 115 read y 132 after one step). The pane beside it follows: the same point
shows at the same spot there. A fit still centres the picture.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QCursor
from pytestqt.exceptions import TimeoutError as PointerNotSaid

from petloc_gui.ui.canvas.box_canvas import ZOOM_STEP
from petloc_gui.ui.canvas.zoom_anchor import viewport_to_scene

from .two_panes import two_panes


@pytest.fixture
def panes(qtbot):
    """Two tall side-by-side panes, each showing a 600x400 picture, kept together by `PaneSync`."""
    with two_panes(qtbot, (700, 600), (600, 400)) as shown:
        yield shown


def _near(a: QPointF, b: QPointF, pixels: float, scale: float) -> bool:
    """Whether scene points ``a`` and ``b`` are within ``pixels`` screen pixels of each other at ``scale``."""
    return abs(a.x() - b.x()) * scale <= pixels and abs(a.y() - b.y()) * scale <= pixels


@pytest.mark.parametrize("anchor", [(250.0, 200.0), (60.0, 420.0), (300.0, 150.0)])
def test_each_zoom_step_keeps_the_point_under_the_pointer_in_both_panes(qtbot, panes, anchor):
    left, right, _sync = panes
    assert left.viewport().size() == right.viewport().size()  # so the follower shows the point at the same spot
    pointer = QPointF(*anchor)
    under = viewport_to_scene(left, pointer)
    for step in range(6):  # in and out again: most steps fit the picture on one axis only
        left.zoom_by(ZOOM_STEP if step < 4 else 1 / ZOOM_STEP, pointer)
        scale = left.transform().m11()
        assert _near(viewport_to_scene(left, pointer), under, 1.0, scale), f"step {step}"
        assert right.transform() == left.transform()
        assert _near(viewport_to_scene(right, pointer), under, 1.5, scale), f"follower, step {step}"


def test_a_fit_centres_the_picture_again(qtbot, panes):
    left, _right, _sync = panes
    left.zoom_by(ZOOM_STEP, QPointF(20, 30))
    left.fit()
    picture = left.mapFromScene(left.image_rect()).boundingRect()
    viewport = left.viewport().rect()
    assert abs((picture.center() - viewport.center()).x()) <= 1
    assert abs((picture.center() - viewport.center()).y()) <= 1
    assert not left.horizontalScrollBar().isVisible() and not left.verticalScrollBar().isVisible()


@pytest.fixture
def pointer_back():
    """The pointer is put back where it was after the test (it is the whole screen's)."""
    where = QCursor.pos()
    yield
    QCursor.setPos(where)


def _pointer_said(qtbot, port, over: bool) -> None:
    """The viewport knows the pointer is ``over`` it (or not), as the window system's enter or leave tells it.
    Offscreen, with other tests' windows in the process, that event came late or not at all in a whole-suite run
    (the wait timed out): after a short wait it is told as the event would tell it (Qt's WA_UnderMouse)."""
    try:
        qtbot.waitUntil(lambda: port.underMouse() == over, timeout=500)
    except PointerNotSaid:
        port.setAttribute(Qt.WA_UnderMouse, over)


def test_a_zoom_key_keeps_the_point_under_the_pointer_or_the_middle(qtbot, panes, pointer_back):
    """The View menu's zoom (Ctrl++): the point under the pointer stays when the pointer is over the pane, the
    one in its middle when it is not."""
    left, _right, _sync = panes
    port = left.viewport()
    QCursor.setPos(port.mapToGlobal(QPoint(90, 140)))
    _pointer_said(qtbot, port, over=True)
    pointer = QPointF(90, 140)
    under = viewport_to_scene(left, pointer)
    left.zoom_by(ZOOM_STEP)
    assert _near(viewport_to_scene(left, pointer), under, 1.0, left.transform().m11())
    QCursor.setPos(port.mapToGlobal(QPoint(-200, -200)))
    _pointer_said(qtbot, port, over=False)
    middle = QPointF(port.rect().center())
    under = viewport_to_scene(left, middle)
    left.zoom_by(ZOOM_STEP)
    assert _near(viewport_to_scene(left, middle), under, 1.0, left.transform().m11())


def test_ctrl_wheel_zooms_at_the_pointer(qtbot, panes):
    """Ctrl+wheel as the mouse sends it: the point under the pointer stays, in and out."""
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    left, right, _sync = panes
    port = left.viewport()
    pointer = QPointF(120, 330)
    under = viewport_to_scene(left, pointer)
    fitted = left.transform().m11()
    for notch in (120, 120, -120):
        event = QWheelEvent(pointer, QPointF(port.mapToGlobal(pointer.toPoint())), QPoint(0, 0), QPoint(0, notch),
                            Qt.NoButton, Qt.ControlModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(port, event)
        assert _near(viewport_to_scene(left, pointer), under, 1.0, left.transform().m11())
        assert _near(viewport_to_scene(right, pointer), under, 1.5, left.transform().m11())
    assert left.transform().m11() == pytest.approx(fitted * ZOOM_STEP)
