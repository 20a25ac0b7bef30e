"""The cursor over the boxes: what a press there does, to the box it goes to.

The box under the mouse (the highest whose shape holds it: the scene's hover goes to it) is not always the box a
press there is for (`box_stack.box_under`): the selected box is drawn over the rest and its grab squares stick out
over the boxes round it, yet between its handles a press there is the box round it's; a smaller box inside the
selected one takes the presses in it. Each box showed the cursor of its own part: just outside the selected box's
edge the crosshair of a press that draws, and the press moved the box round it. The box under the mouse now shows
the cursor of the part of the box the press goes to (`BoxItem.press_for`).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt

# a handle's cursor, in `box_item`'s order of handles: the corners from the top left clockwise, then the edges' middles
RESIZE_CURSORS = (
    Qt.CursorShape.SizeFDiagCursor, Qt.CursorShape.SizeBDiagCursor,
    Qt.CursorShape.SizeFDiagCursor, Qt.CursorShape.SizeBDiagCursor,
    Qt.CursorShape.SizeVerCursor, Qt.CursorShape.SizeHorCursor,
    Qt.CursorShape.SizeVerCursor, Qt.CursorShape.SizeHorCursor,
)


def press_cursor(part: int | Literal["move"] | None, draw_mode: bool) -> Qt.CursorShape | None:
    """The cursor that says what a press on ``part`` of the box it goes to does: draw (in draw mode, on any box),
    resize (a handle), move (the box); None: no box takes it, the pane's cursor says (a press there draws)."""
    if draw_mode:
        return Qt.CursorShape.CrossCursor
    if isinstance(part, int):
        return RESIZE_CURSORS[part]
    return Qt.CursorShape.SizeAllCursor if part == "move" else None
