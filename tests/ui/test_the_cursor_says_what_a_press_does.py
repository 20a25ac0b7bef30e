"""The cursor over a box says what a press there does, to which box: move, resize by the handle it shows, or draw.

An unselected box's handles are not drawn, yet they were grabbed: 9 screen pixels outside its corner or edge middle a
press resized it, though the cursor there was the crosshair of a press that draws (or, over a selected box round it,
that box's move cursor: the drag resized the small box inside instead of moving the big one, 5f15be2e), and inside it
by a corner the crosshair showed where a press moved it. An unselected box is now taken by its inside only (as in
labelImg). And the box under the mouse showed the cursor of its own part, where the press goes to another: just
outside the selected small box's edge, between its handles, the crosshair showed and the press moved the big box round
it. The cursor is now that of the box the press is for (`BoxItem.press_for`, `box_cursor`). Each case hovers, reads the
cursor, then drags from the same spot and reads what the pane reported.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import BoxCanvas

from .one_pane import shown_pane

SMALL, BIG, CAT = Box(150, 150, 250, 250), Box(50, 50, 350, 350), Box(100, 100, 250, 250)
NESTED = [(SMALL, "small"), (BIG, "big")]  # the big one selected: drawn over the small one, its hover too
LONE = [(CAT, "cat")]
TWINS = [(CAT, "a"), (CAT, "b")]
MOVE, CROSS = Qt.CursorShape.SizeAllCursor, Qt.CursorShape.CrossCursor
SAYS = {MOVE: "move", CROSS: "draw", Qt.CursorShape.SizeFDiagCursor: "resize", Qt.CursorShape.SizeBDiagCursor: "resize",
        Qt.CursorShape.SizeVerCursor: "resize", Qt.CursorShape.SizeHorCursor: "resize"}

# (boxes, selected, scene point, screen pixels off it, the box the press is for (None: none), the cursor there)
CASES = {
    "inside the small box": (NESTED, 1, (200, 200), (0, 0), 0, MOVE),
    "just outside the small box's corner, inside the big one": (NESTED, 1, (250, 250), (5, 5), 1, MOVE),
    "just outside the small box's edge middle, inside the big one": (NESTED, 1, (200, 150), (0, -5), 1, MOVE),
    "inside the small box by its corner": (NESTED, 1, (250, 250), (-4, -4), 0, MOVE),
    "the big box's own part": (NESTED, 1, (100, 100), (0, 0), 1, MOVE),
    "the big box's corner handle": (NESTED, 1, (350, 350), (0, 0), 1, Qt.CursorShape.SizeFDiagCursor),
    "the big box's edge handle, from outside": (NESTED, 1, (350, 200), (8, 0), 1, Qt.CursorShape.SizeHorCursor),
    "a lone unselected box, inside by its corner": (LONE, -1, (250, 250), (-4, -4), 0, MOVE),
    "a lone unselected box, just outside its corner": (LONE, -1, (250, 250), (5, 5), None, CROSS),
    "a lone unselected box, just outside its edge middle": (LONE, -1, (175, 100), (0, -5), None, CROSS),
    "two alike boxes, none selected: the later": (TWINS, -1, (175, 175), (0, 0), 1, MOVE),
    "two alike boxes, just outside their corner": (TWINS, -1, (250, 250), (5, 5), None, CROSS),
    "two alike boxes, the first selected: it": (TWINS, 0, (175, 175), (0, 0), 0, MOVE),
    "two alike boxes, the selected one's handle": (TWINS, 0, (250, 250), (0, 0), 0, Qt.CursorShape.SizeFDiagCursor),
    # the small box selected, drawn over the big one: its grab squares stick out over it, between them the big box's
    "the selected small box's handle, over the big one": (NESTED, 0, (150, 150), (-5, -5), 0,
                                                          Qt.CursorShape.SizeFDiagCursor),
    "just outside the selected small box's edge, between its handles": (NESTED, 0, (175, 150), (0, -5), 1, MOVE),
}


def _send(pane: BoxCanvas, kind: QEvent.Type, where: QPointF, held: Qt.MouseButton) -> None:
    port = pane.viewport()
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    QApplication.sendEvent(port, QMouseEvent(kind, where, QPointF(port.mapToGlobal(where.toPoint())), button, held,
                                             Qt.KeyboardModifier.NoModifier))


def _cursor_then_press(qtbot, boxes: list[tuple[Box, str]], selected: int, scene_xy: tuple[float, float],
                       off: tuple[int, int]) -> tuple[Qt.CursorShape, tuple[int | None, str]]:
    """The cursor shown with the mouse at the spot, and what a drag from there did: (the box, "move" or "resize"), or
    (None, "draw"), or (None, "nothing")."""
    pane = shown_pane(qtbot, (400, 400), (400, 400))  # (about one screen pixel per image pixel)
    pane.set_boxes(boxes, selected)
    spot = QPointF(pane.mapFromScene(QPointF(*scene_xy))) + QPointF(*off)
    _send(pane, QEvent.Type.MouseMove, spot, Qt.MouseButton.NoButton)
    cursor = pane.viewport().cursor().shape()
    edits: list[tuple[int, Box, Box]] = []
    drawn: list[Box] = []
    pane.box_edited.connect(lambda index, old, new: edits.append((index, old, new)))
    pane.box_drawn.connect(drawn.append)
    held = Qt.MouseButton.LeftButton
    _send(pane, QEvent.Type.MouseButtonPress, spot, held)
    for step in range(1, 6):
        _send(pane, QEvent.Type.MouseMove, spot + QPointF(30, 20) * (step / 5), held)
    _send(pane, QEvent.Type.MouseButtonRelease, spot + QPointF(30, 20), Qt.MouseButton.NoButton)
    if drawn:
        return cursor, (None, "draw")
    if not edits:
        return cursor, (None, "nothing")
    [(index, old, new)] = edits
    same_size = abs(new.width - old.width) <= 1 and abs(new.height - old.height) <= 1
    return cursor, (index, "move" if same_size else "resize")


@pytest.mark.parametrize("case", CASES)
def test_the_cursor_says_what_the_press_does_and_to_which_box(qtbot, case):
    boxes, selected, scene_xy, off, box, shown = CASES[case]
    cursor, done = _cursor_then_press(qtbot, boxes, selected, scene_xy, off)
    assert (box, SAYS.get(cursor, str(cursor))) == done, f"{case}: the cursor {cursor.name}, the press did {done}"
    assert cursor == shown, case


@pytest.mark.parametrize("side", [2, 6, 12])
def test_a_box_under_a_screen_pixel_is_still_taken_by_the_mouse(qtbot, side):
    """A small object's box on a photo shown at a tenth of its size lies within a screen pixel: taken only inside
    its rectangle, no spot of the screen reached it (the crosshair everywhere, a click drew or deselected) (a
    review's find). An unselected box takes presses over at least a drawn handle's size round it."""
    pane = shown_pane(qtbot, (400, 300), (4000, 3000))  # a tenth: 1 screen pixel is 10 image pixels
    pane.set_boxes([(Box(2003, 1503, 2003 + side, 1503 + side), "cat")], -1)
    spot = QPointF(pane.mapFromScene(QPointF(2003 + side / 2, 1503 + side / 2)))  # the nearest screen pixel
    _send(pane, QEvent.Type.MouseMove, spot, Qt.MouseButton.NoButton)
    assert pane.viewport().cursor().shape() == MOVE
    selected: list[int] = []
    pane.box_selected.connect(selected.append)
    _send(pane, QEvent.Type.MouseButtonPress, spot, Qt.MouseButton.LeftButton)
    _send(pane, QEvent.Type.MouseButtonRelease, spot, Qt.MouseButton.NoButton)
    assert selected[-1:] == [0]
