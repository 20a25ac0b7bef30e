"""Keeping a window inside the screen it is on."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE_PX = 16  # window-manager borders, before the first show tells the real size
TITLE_ALLOWANCE_PX = 48  # title bar + borders


def fit_into(window: QWidget, area: QRect) -> None:
    """Shrink and move a top-level window (with its frame) into ``area``.

    A size saved on a bigger screen, or at a smaller QT_SCALE_FACTOR, came back
    larger than the screen, with the status bar and the prediction pane out of
    reach. Before the first show the frame's size is unknown, so a typical one
    is allowed for.
    """
    if area.isEmpty():
        return
    frame = window.frameGeometry()
    extra_w = max(frame.width() - window.width(), 0) or FRAME_ALLOWANCE_PX
    extra_h = max(frame.height() - window.height(), 0) or TITLE_ALLOWANCE_PX
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() + 1 - width - extra_w)
    y = min(max(window.y(), area.top()), area.bottom() + 1 - height - extra_h)
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


def beside(owner: QRect, size: QSize, area: QRect) -> QPoint:
    """Where a tool window of ``size`` (frame included) goes first: right of its ``owner``'s frame
    when the screen ``area`` has room there, else left of it, else in the area's bottom-right corner,
    over the owner's edge rather than its middle (the photo the user is reviewing)."""
    top = min(max(owner.top(), area.top()), area.bottom() + 1 - size.height())
    if area.right() - owner.right() >= size.width():
        return QPoint(owner.right() + 1, top)
    if owner.left() - area.left() >= size.width():
        return QPoint(owner.left() - size.width(), top)
    return QPoint(area.right() + 1 - size.width(), area.bottom() + 1 - size.height())
