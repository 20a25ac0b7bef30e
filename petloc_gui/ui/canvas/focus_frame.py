"""The frame round the image pane that has the keyboard, in the palette's highlight colour: which pane the keys act
on (the frameless view showed nothing of it)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPalette, QPen, QRegion
from PySide6.QtWidgets import QAbstractScrollArea

FOCUS_FRAME_PX = 2  # the frame's width, in screen pixels


def paint_focus_frame(view: QAbstractScrollArea) -> None:
    """Draw the frame along the inside of ``view``'s viewport (from its paint event: it paints on the viewport)."""
    port = view.viewport()
    painter = QPainter(port)
    half = FOCUS_FRAME_PX / 2
    painter.setPen(QPen(view.palette().color(QPalette.ColorRole.Highlight), FOCUS_FRAME_PX))
    painter.drawRect(QRectF(port.rect()).adjusted(half, half, -half, -half))
    painter.end()


def repaint_focus_frame_scrolled(view: QAbstractScrollArea, dx: int, dy: int) -> None:
    """After ``view``'s contents scrolled by ``dx``, ``dy``: a pan scrolls the viewport's pixels, the frame's with
    them, so the frame is drawn again where it belongs, and the picture again where its lines were carried to. A
    right-drag scrolls about 12 px a step: repainting only a strip along the edges left a comb of frame lines in
    the picture."""
    whole = view.viewport().rect()
    inside = whole.adjusted(2 * FOCUS_FRAME_PX, 2 * FOCUS_FRAME_PX, -2 * FOCUS_FRAME_PX, -2 * FOCUS_FRAME_PX)
    frame = QRegion(whole).subtracted(QRegion(inside))
    view.viewport().update(frame.united(frame.translated(dx, dy)))
