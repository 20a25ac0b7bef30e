"""A press in the grey margin round the picture draws a box (clamped to the picture), yet the cursor there
was the arrow: only the picture set the crosshair, and the README says the cursor is a crosshair wherever
a press draws. The margin shows it too; a box still shows its own cursor, and the prediction pane, where
nothing is drawn, keeps the arrow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from petloc_gui.ui.canvas.box_canvas import BoxCanvas

from .test_draw_mode_cursor import _hover, pane  # noqa: F401 - the fixture: a 200x100 picture, a cat box

INSIDE_THE_BOX, EMPTY = (70, 50), (170, 50)


def _margin(view: BoxCanvas) -> QPointF:
    """A scene point in the margin above the picture (the pane is taller than the fitted picture)."""
    top = view.mapFromScene(QPointF(0, 0)).y()
    assert top > 8, "the fitted picture leaves a margin above it"
    return view.mapToScene(QPoint(view.mapFromScene(QPointF(150, 0)).x(), top // 2))


def test_the_margin_where_a_press_draws_shows_the_crosshair(pane, qtbot):  # noqa: F811
    margin = _margin(pane)
    assert _hover(pane, *INSIDE_THE_BOX) == Qt.SizeAllCursor  # a box first: the view keeps its own cursor aside
    assert _hover(pane, margin.x(), margin.y()) == Qt.CrossCursor
    assert _hover(pane, *EMPTY) == Qt.CrossCursor
    assert _hover(pane, margin.x(), margin.y()) == Qt.CrossCursor
    assert _hover(pane, *INSIDE_THE_BOX) == Qt.SizeAllCursor
    drawn = []
    pane.box_drawn.connect(drawn.append)
    start, end = pane.mapFromScene(margin), pane.mapFromScene(QPointF(190, 60))
    qtbot.mousePress(pane.viewport(), Qt.LeftButton, pos=start)
    qtbot.mouseMove(pane.viewport(), pos=end)
    qtbot.mouseRelease(pane.viewport(), Qt.LeftButton, pos=end)
    assert len(drawn) == 1 and drawn[0].ymin == 0  # the press there drew, from the picture's edge


def test_no_picture_no_crosshair(pane):  # noqa: F811
    margin = _margin(pane)
    assert _hover(pane, margin.x(), margin.y()) == Qt.CrossCursor
    pane.show_image(None, message="cannot read this image")  # nothing to draw on: a press draws nothing
    assert _hover(pane, 200, 150) == Qt.ArrowCursor


def test_the_prediction_panes_margin_keeps_the_arrow(qtbot):
    view = BoxCanvas(editable=False)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    picture = QImage(200, 100, QImage.Format_RGB32)
    picture.fill(0x806040)
    view.show_image(picture, (200, 100))
    margin = _margin(view)
    assert _hover(view, margin.x(), margin.y()) == Qt.ArrowCursor
