"""A box being moved or resized stays in the hand when the panes are drawn again with the same boxes.

The prediction's arrival, "Loading model…" or any other redraw gave the ground-truth pane its boxes again, and it
made every box anew, ending the drag under way: the box jumped back, and the release edited nothing, no undo step.
The pane now keeps its boxes when the boxes given are those it shows at rest (`BoxItem.shows`). A real change of
the boxes mid-drag (an undo, the file changed on disk) still ends the drag.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import BoxCanvas

from .conftest import FakePrediction, open_and_wait
from .one_pane import shown_pane

CAT = Box(100, 100, 200, 200)


def _send(pane: BoxCanvas, kind: QEvent.Type, scene_xy: tuple[float, float]) -> None:
    port = pane.viewport()
    where = QPointF(pane.mapFromScene(QPointF(*scene_xy)))
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


def test_a_released_box_the_boxes_given_do_not_follow_goes_back(qtbot):
    """An edit nobody took (the window refused it): the boxes given again are the old ones, and so is the pane's."""
    pane, edits, _ = _pane_with_a_box(qtbot)
    _press_and_move(pane, (150, 150), (180, 150))
    _send(pane, QEvent.Type.MouseButtonRelease, (180, 150))
    assert len(edits) == 1 and pane.box_items()[0].box() != CAT
    pane.set_boxes([(CAT, "cat")], selected=0)
    assert pane.box_items()[0].box() == CAT


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
