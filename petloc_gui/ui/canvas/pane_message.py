"""A text shown over an image pane instead of, or over, its picture: an error, 'Loading model…'."""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsTextItem, QGraphicsView

from petloc_gui.core.text import visible

MESSAGE_WIDTH_PX = 320  # a message's widest wrap, in screen pixels


def message_item(message: str, corner: QPointF) -> QGraphicsTextItem:
    """``message`` as a scene item with its top left at ``corner``, above the boxes, at its screen size whatever the
    zoom. A dark backing keeps the text readable on bright photos too."""
    item = QGraphicsTextItem()
    text = html.escape(visible(message, keep_newlines=True)).replace("\n", "<br>")
    item.setHtml(f"<div style='background-color:#202020; color:#ffe678; padding:4px'>{text}</div>")
    item.setZValue(100)
    item.setFlag(QGraphicsTextItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
    item.setPos(corner)
    return item


def fit_message(view: QGraphicsView, item: QGraphicsTextItem | None) -> None:
    """Wrap ``view``'s message ``item`` (None: it shows none) within the pane (at 150% scale a fixed 320 px ran past
    its edge)."""
    if item is not None:
        left = max(0, view.mapFromScene(item.pos()).x())  # it starts at the image's corner
        item.setTextWidth(max(120, min(MESSAGE_WIDTH_PX, view.viewport().width() - left - 8)))
