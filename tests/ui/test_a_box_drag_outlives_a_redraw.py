"""A box being moved or resized stays in the hand when the panes are drawn again with the same boxes.

The prediction's arrival, "Loading model…" or any other redraw gave the ground-truth pane its boxes again, and it
made every box anew, ending the drag under way: the box jumped back, and the release edited nothing, no undo step.
The pane now keeps its boxes when the boxes given are those it shows at rest (`BoxItem.shows`). A real change of
the boxes mid-drag (an undo, the file changed on disk) still ends the drag. A box let go goes back at once unless the
window takes the edit (gives the pane its boxes, the moved one among them): left moved, the pane no longer showed
the file, and the next redraw cut the next drag.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import ZOOM_STEP, BoxCanvas
from petloc_gui.ui.canvas.zoom_anchor import MAX_ZOOM

from .conftest import FakePrediction, open_and_wait
from .one_pane import shown_pane

CAT = Box(100, 100, 200, 200)
CAT_A = Box(10, 10, 50, 50)  # the folder's a.png (`conftest.folder`)


def _send(pane: BoxCanvas, kind: QEvent.Type, scene_xy: tuple[float, float] | None = None,
          where: QPointF | None = None) -> None:
    """A mouse event at scene point ``scene_xy``, or at ``where`` on the viewport."""
    port = pane.viewport()
    where = where if where is not None else QPointF(pane.mapFromScene(QPointF(*scene_xy)))
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
    QApplication.sendEvent(port, QMouseEvent(kind, where, QPointF(port.mapToGlobal(where.toPoint())), button, held,
                                             Qt.KeyboardModifier.NoModifier))


def _press_and_move(pane: BoxCanvas, start: tuple[float, float], end: tuple[float, float]) -> None:
    _send(pane, QEvent.Type.MouseButtonPress, start)
    for t in (0.25, 0.5, 0.75, 1.0):
        _send(pane, QEvent.Type.MouseMove, (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t))


def _pane_with_a_box(qtbot) -> tuple[BoxCanvas, list[tuple[int, Box]], list[bool]]:
    pane = shown_pane(qtbot, (400, 400), (400, 400))
    pane.set_boxes([(CAT, "cat")], selected=0)
    edits: list[tuple[int, Box]] = []
    dragging: list[bool] = []
    pane.box_edited.connect(lambda index, _old, new: edits.append((index, new)))
    pane.box_dragging.connect(dragging.append)
    return pane, edits, dragging


def _near(a: Box, b: Box) -> bool:
    return all(abs(x - y) <= 1 for x, y in zip(a.as_tuple(), b.as_tuple(), strict=True))


@pytest.mark.parametrize(("start", "end", "moved"), [((150, 150), (190, 170), Box(140, 120, 240, 220)),  # a move
                                                    ((200, 200), (230, 240), Box(100, 100, 230, 240))])  # a resize
def test_a_drag_goes_on_over_the_same_boxes_given_again(qtbot, start, end, moved):
    pane, edits, dragging = _pane_with_a_box(qtbot)
    _press_and_move(pane, start, ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2))
    pane.set_boxes([(CAT, "cat")], selected=0)  # a redraw: the boxes as they were
    _send(pane, QEvent.Type.MouseMove, end)
    _send(pane, QEvent.Type.MouseButtonRelease, end)
    assert len(edits) == 1 and edits[0][0] == 0 and _near(edits[0][1], moved), edits
    assert dragging == [True, False]


def test_a_released_box_nobody_takes_goes_back_at_once(qtbot):
    """An edit nobody took (too small to save, no image to edit): the box goes back at once, as a drawn box nobody
    takes is not shown. Left where it was let go, the pane no longer showed the file's box, and the next redraw
    (the prediction's arrival) ended the next drag again."""
    pane, edits, dragging = _pane_with_a_box(qtbot)
    _press_and_move(pane, (150, 150), (180, 150))
    _send(pane, QEvent.Type.MouseButtonRelease, (180, 150))
    assert len(edits) == 1 and pane.box_items()[0].box() == CAT
    _press_and_move(pane, (150, 150), (170, 160))
    pane.set_boxes([(CAT, "cat")], selected=0)  # a redraw mid-way, the file's boxes: the drag goes on
    _send(pane, QEvent.Type.MouseMove, (190, 170))
    _send(pane, QEvent.Type.MouseButtonRelease, (190, 170))
    assert len(edits) == 2 and _near(edits[1][1], Box(140, 120, 240, 220)), edits
    assert dragging == [True, False, True, False]


def test_a_released_box_the_window_takes_stays_where_it_was_let_go(qtbot):
    pane, edits, _ = _pane_with_a_box(qtbot)
    pane.box_edited.connect(lambda _index, _old, new: pane.set_boxes([(new, "cat")], selected=0))  # the window's answer
    _press_and_move(pane, (150, 150), (180, 150))
    _send(pane, QEvent.Type.MouseButtonRelease, (180, 150))
    assert len(edits) == 1 and pane.box_items()[0].box() == edits[0][1] != CAT


def test_other_boxes_given_mid_drag_end_it(qtbot):
    pane, edits, dragging = _pane_with_a_box(qtbot)
    _press_and_move(pane, (150, 150), (180, 150))
    pane.set_boxes([(Box(10, 10, 60, 60), "cat")], selected=0)  # an undo, or the file changed on disk
    _send(pane, QEvent.Type.MouseButtonRelease, (190, 150))
    assert edits == [] and dragging == [True, False]
    assert pane.box_items()[0].box() == Box(10, 10, 60, 60)


def test_a_prediction_arriving_mid_move_in_the_window(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat at (10, 10, 50, 50)
    canvas, doc, panel = window.panel.gt_pane, window.session.store.document(0), window.panel
    _press_and_move(canvas, (30, 30), (35, 33))
    panel.show_prediction(None, "Loading model…")
    panel.show_prediction(FakePrediction("dog", 0.9, Box(5, 5, 40, 40)))
    _send(canvas, QEvent.Type.MouseMove, (40, 35))
    _send(canvas, QEvent.Type.MouseButtonRelease, (40, 35))
    assert _near(doc.objects[0].box, Box(20, 15, 60, 55)), doc.objects[0].box
    assert window.edits.stack().count() == 1 and doc.dirty


def test_a_drag_too_small_to_save_leaves_the_pane_showing_the_file(qtbot, window, folder):
    """At 32 screen pixels an image pixel, a 12-pixel drag is under half an image pixel: the box is kept where it was
    (whole pixels), nothing to undo. The pane showed it moved all the same, and the prediction's arrival during the
    next drag cut that one: a 3-pixel move left the box where it was, no undo step."""
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat at (10, 10, 50, 50)
    canvas, doc, panel = window.panel.gt_pane, window.session.store.document(0), window.panel
    stack = window.edits.stack()
    for _ in range(30):  # to the most zoom, 32 screen pixels an image pixel
        canvas.zoom_by(ZOOM_STEP, QPointF(canvas.mapFromScene(QPointF(30, 30))))
    assert canvas.transform().m11() == MAX_ZOOM
    mouse = QPointF(canvas.mapFromScene(QPointF(30, 30)))
    _send(canvas, QEvent.Type.MouseButtonPress, where=mouse)
    for dx in (4, 8, 12):
        _send(canvas, QEvent.Type.MouseMove, where=mouse + QPointF(dx, 0))
    _send(canvas, QEvent.Type.MouseButtonRelease, where=mouse + QPointF(12, 0))
    assert doc.objects[0].box == CAT_A and stack.count() == 0
    assert canvas.box_items()[0].box() == CAT_A  # the box the file keeps
    _send(canvas, QEvent.Type.MouseButtonPress, where=mouse)
    for dx in (20, 40, 60):
        _send(canvas, QEvent.Type.MouseMove, where=mouse + QPointF(dx, 0))
    panel.show_prediction(FakePrediction("dog", 0.9, Box(5, 5, 40, 40)))
    _send(canvas, QEvent.Type.MouseMove, where=mouse + QPointF(3 * MAX_ZOOM, 0))
    _send(canvas, QEvent.Type.MouseButtonRelease, where=mouse + QPointF(3 * MAX_ZOOM, 0))
    assert doc.objects[0].box == Box(13, 10, 53, 50) and stack.count() == 1
    assert canvas.box_items()[0].box() == doc.objects[0].box
