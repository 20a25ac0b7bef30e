"""A right- or middle-button drag panning a pane: the picture follows the hand, under a closed hand's cursor."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsView

PAN_BUTTONS = (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton)


class PanDrag:
    """Scrolls ``view`` with the mouse from a press of one of `PAN_BUTTONS` to its release."""

    def __init__(self, view: QGraphicsView) -> None:
        self._view = view
        self._mouse_at: QPointF | None = None  # while panning, where the mouse was at the view's last whole pixel

    @property
    def panning(self) -> bool:
        return self._mouse_at is not None

    def start(self, mouse_at: QPointF) -> None:
        self._mouse_at = QPointF(mouse_at)
        # on the viewport, over the cursor a box or the picture gives it (the crosshair hid the view's own)
        self._view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def follow(self, mouse_at: QPointF) -> bool:
        """Scroll after the mouse, now at ``mouse_at`` (False: no pan under way). The nearest whole pixels are
        scrolled, the rest kept for the next move: at a display scale of 1.5 a mouse step is 2/3 of a pixel, and
        measured anew from each, a slow hand panned nothing."""
        if self._mouse_at is None:
            return False
        moved = mouse_at - self._mouse_at
        dx, dy = round(moved.x()), round(moved.y())
        self._mouse_at += QPointF(dx, dy)
        view = self._view
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() - dx)
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() - dy)
        return True

    def end(self) -> None:
        self._mouse_at = None
        self._view.viewport().unsetCursor()  # the next move shows the cursor of what is under the mouse again
