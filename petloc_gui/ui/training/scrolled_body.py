"""The Retrain dialog's choices and notes, in a column that scrolls where the screen is too short for them, the
dialog's buttons under it always in view.

At QT_SCALE_FACTOR=1.5 on a 1024 x 700 screen (683 x 467 logical px) the dialog of a pets folder needed 497
px for its word-wrapped notes and grew to that, past the screen's bottom: only the top edge of "Start
training" and "Cancel" showed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

from petloc_gui.ui.window_geometry import TITLE_ALLOWANCE_PX, fit_into, frame_margins


class ScrolledBody(QScrollArea):
    """A column of rows (``rows``, a layout without margins) that scrolls vertically, never sideways: its
    least width is the rows' least width."""

    def __init__(self) -> None:
        super().__init__(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no tab stop of its own: its fields have them
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column = QWidget()
        self.rows = QVBoxLayout(column)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.setWidget(column)

    def height_at(self, width: int) -> int:
        """The height the rows need at ``width`` (the word-wrapped notes are the taller the narrower)."""
        rows = self.rows
        wrapped = rows.totalHeightForWidth(width) if rows.hasHeightForWidth() else -1
        return max(wrapped, rows.totalMinimumSize().height())

    def keep_width(self) -> None:
        """No narrower than the rows' least width with the scroll bar beside them (shown or not: the width
        does not jump when it appears)."""
        self.setMinimumWidth(self.rows.totalMinimumSize().width() + self.verticalScrollBar().sizeHint().width())


def grow_within_screen(dialog: QWidget, body: ScrolledBody, below: QWidget) -> None:
    """Grow ``dialog`` (never shrink it) to the height ``body``'s rows need at its width and ``below`` (its
    buttons) under them, but never past the height of its screen's room (title bar included): what does not
    fit scrolls. Its minimum height is that height, so the rows are never squashed where there is room
    (Qt's minimum size does not follow a height that depends on the width)."""
    layout: QLayout | None = dialog.layout()
    if layout is None:
        return
    body.keep_width()
    margins = layout.contentsMargins()
    inner = dialog.width() - margins.left() - margins.right()
    needed = (margins.top() + body.height_at(inner) + max(layout.spacing(), 0) + below.sizeHint().height()
              + margins.bottom())
    screen = dialog.screen()
    area = screen.availableGeometry() if screen is not None else None
    if area is not None and not area.isEmpty():
        frame = frame_margins(dialog)
        title = (frame.top() + frame.bottom()) or TITLE_ALLOWANCE_PX  # unknown before the window manager framed it
        needed = min(needed, area.height() - title)
    dialog.setMinimumHeight(needed)
    if dialog.height() < needed:
        dialog.resize(dialog.width(), needed)
    if area is not None and dialog.isVisible():  # grown downwards: moved up where it passed the bottom
        fit_into(dialog, area)
