"""The Retrain dialog's choices and notes, in a column that scrolls where the screen is too short for them, the
dialog's buttons under it always in view.

At QT_SCALE_FACTOR=1.5 on a 1024 x 700 screen (683 x 467 logical px) the dialog of a pets folder needed 497
px for its word-wrapped notes and grew to that, past the screen's bottom: only the top edge of "Start
training" and "Cancel" showed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

from petloc_gui.ui.window_geometry import fit_into, frame_extra


class ScrolledBody(QScrollArea):
    """A column of rows (``rows``, a layout without margins) that scrolls vertically, never sideways: its
    least width is the rows' least width."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
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


def _least_width(layout: QLayout, body: ScrolledBody, room: int | None) -> int:
    """The least width of the dialog laid out by ``layout``: ``body``'s rows whole, but at most ``room`` (the
    screen's width less the frame), where the body then scrolls sideways for the rest."""
    body.keep_width()
    body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    layout.invalidate()  # the body's new least width counted
    least = layout.totalMinimumSize().width()
    if room is not None and least > room:
        body.setMinimumWidth(max(body.minimumWidth() - (least - room), 0))
        body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        least = room
    return least


def grow_within_screen(dialog: QWidget, body: ScrolledBody, below: QWidget) -> None:
    """Grow ``dialog`` (never shrink it) to the width of ``body``'s rows and the height they need at that width
    and ``below`` (its buttons) under them, but never past its screen's room (frame included): what does not
    fit scrolls. Its minimum height is that height, so the rows are never squashed where there is room
    (Qt's minimum size does not follow a height that depends on the width)."""
    layout: QLayout | None = dialog.layout()
    if layout is None:
        return
    screen = dialog.screen()
    area = screen.availableGeometry() if screen is not None else None
    on_screen = area is not None and not area.isEmpty()
    frame = frame_extra(dialog)  # typical borders and title bar before the window manager framed it
    sides, title = frame.width(), frame.height()
    least = _least_width(layout, body, area.width() - sides if area is not None and on_screen else None)
    width = max(dialog.width(), least)
    margins = layout.contentsMargins()
    inner = width - margins.left() - margins.right()
    needed = (margins.top() + body.height_at(inner) + max(layout.spacing(), 0) + below.sizeHint().height()
              + margins.bottom())
    if area is not None and on_screen:
        needed = min(needed, area.height() - title)
    # both at once: a least height set alone is a least size set by hand to Qt, its width frozen where it
    # was (the layout's, before the body grew wider), and the dialog then cut its body off on the right
    dialog.setMinimumSize(least, needed)
    if dialog.height() < needed or dialog.width() < width:
        dialog.resize(max(dialog.width(), width), max(dialog.height(), needed))
    if area is not None and dialog.isVisible():  # grown downwards: moved up where it passed the bottom
        fit_into(dialog, area)
