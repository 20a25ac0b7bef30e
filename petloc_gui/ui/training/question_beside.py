"""A question asked about a tool window (the quit's "New model not kept yet", "Training in progress"),
stacked over that window and standing beside it where the screen has room.

The quit questions were the main window's: the window manager raised the main window, with the question,
over the Retraining window whose comparison or progress the question refers to. Owned by that window, the
question is stacked over it (and it over the main window, its own owner). Centred on it, as Qt centres a
dialog on its parent, the question would hide the middle of the comparison: beside it, it hides none of it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from petloc_gui.ui.window_geometry import frame_margins

GAP_PX = 8  # between the window's frame and the question's


def spot_beside(window: QRect, box: QSize, area: QRect) -> QPoint | None:
    """Where a ``box`` (frame included) goes beside the ``window`` frame within the screen ``area``: on the
    side with more room, level with the window's middle as far as the screen allows; None where neither side
    has room for it (then it stays where Qt puts it, on the window's middle)."""
    if area.isEmpty():
        return None
    room_left = window.left() - area.left() - GAP_PX
    room_right = area.right() - window.right() - GAP_PX
    if max(room_left, room_right) < box.width():
        return None
    x = window.right() + 1 + GAP_PX if room_right >= room_left else window.left() - GAP_PX - box.width()
    middle = window.top() + window.height() // 2 - box.height() // 2
    y = max(area.top(), min(middle, area.bottom() + 1 - box.height()))
    return QPoint(x, y)


class QuestionBeside(QMessageBox):
    """A message box owned by ``window``, placed beside it when shown (`spot_beside`)."""

    def __init__(self, icon: QMessageBox.Icon, title: str, text: str, window: QWidget | None) -> None:
        super().__init__(icon, title, text, parent=window)

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)  # QMessageBox gives itself its size here: placed after it, before it is mapped
        window = self.parentWidget()
        screen = window.screen() if window is not None else None
        if window is None or screen is None or not window.isVisible():
            return
        margins = frame_margins(window)  # the question's frame is the same window manager's: the window's stands in
        framed = self.size().grownBy(margins)
        spot = spot_beside(window.frameGeometry(), framed, screen.availableGeometry())
        if spot is not None:
            self.move(spot)  # a window's position is its frame's
