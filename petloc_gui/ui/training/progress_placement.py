"""Where the Retraining window (`retrain_progress`) goes on the screen: beside the main window on its first
show, else over its image list between its bars, then kept on the screen once the window manager has framed
it. Moved out of `retrain_progress` unchanged (it was at its 400-line limit)."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject, QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import QWidget

from petloc_gui.ui.training.progress_width import width_over
from petloc_gui.ui.window_geometry import (
    beside,
    fit_into,
    frame_margins,
    least_cover,
    panes_of,
    room_between_bars,
    room_of,
)

FRAMED_CHECK_MS = 300  # after the first show: the window manager has framed the window by then


class ProgressPlacement(QObject):
    """Places ``window`` (the Retraining window) on the screen: `fit_on_screen` after each show."""

    def __init__(self, window: QWidget) -> None:
        # its child, holding no reference to it: a Python cycle kept a deleted window's wrapper alive
        super().__init__(window)
        self.placed = False  # moved beside the main window on its first show only: then it stays put

    @property
    def window(self) -> QWidget:
        return cast(QWidget, self.parent())

    def owner(self) -> QWidget | None:
        parent = self.window.parentWidget()
        return parent.window() if parent is not None else None

    def room(self, area: QRect) -> QRect:
        """The room the window may take on a screen of ``area`` (`window_geometry.room_of`)."""
        return room_of(self.window, self.owner(), area)

    def fit_on_screen(self) -> None:
        screen = self.window.screen()
        if screen is None:
            return
        owner = self.owner()
        area = screen.availableGeometry()
        if not self.placed and owner is not None:  # first shown: beside the main window, not over its photo
            self.placed = True
            self.place_beside(owner, area)
            QTimer.singleShot(FRAMED_CHECK_MS, self.window, self.keep_on_screen)
            return
        fit_into(self.window, self.room(area))

    def place_beside(self, owner: QWidget, area: QRect) -> None:
        """Put the window, frame and all, beside ``owner``; else between its menu and tool bars and its
        status bar, no wider than its image list (`width_over`), where it covers the least of its photos:
        720 px wide, it hid 250 px of the photo beside a 455 px list. Just after the first show the window
        manager has not framed it yet: a frame read then has no title bar, and move() put the contents where
        the frame belongs, the title bar above the screen (openbox: it could not be dragged). The owner's
        frame (the same window manager's) stands in for its own."""
        window = self.window
        margins = frame_margins(window)
        if margins.isNull():
            margins = frame_margins(owner)
        extra = QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        size = window.size() + extra
        spot = beside(owner.frameGeometry(), size, area)
        if QRect(spot, size).intersects(owner.frameGeometry()):  # no room beside it
            room, panes = room_between_bars(owner, area), panes_of(owner)
            least = window.minimumSizeHint().expandedTo(window.minimumSize()).width() + extra.width()
            width = width_over(owner, size.width(), least, room, panes, extra.width())
            size = QSize(width, min(size.height(), room.height()))
            spot = least_cover(size, room, panes)
        # the contents, where the frame's margins put them (setGeometry places the contents, framed or not)
        window.setGeometry(QRect(spot + QPoint(margins.left(), margins.top()), size - extra))

    def keep_on_screen(self) -> None:
        """Once framed: the whole frame on the screen (a frame unlike the owner's, a screen too small), and
        still between the main window's bars."""
        screen = self.window.screen()
        if screen is not None and self.window.isVisible():
            fit_into(self.window, self.room(screen.availableGeometry()))
