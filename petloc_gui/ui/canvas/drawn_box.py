"""The box being drawn on a pane: the size it will be kept at (its corners stop at the picture's edge as a dragged
handle does: `box_item.clamped`)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

# The rounding an edit gets (`ImageDocument.clamp_box`): the status line shows the size the file will hold
from petloc_gui.app.image_document import whole_pixels
from petloc_gui.ui.canvas.box_item import rect_to_box


def kept_size(rect: QRectF) -> tuple[float, float]:
    """Width and height the box ``rect`` (on the picture) will be kept at, in whole pixels. Each edge is rounded
    on its own: 59.6..170.4 is kept as 60..170, 110 wide, where the rubber band's 110.8 read 111."""
    box = whole_pixels(rect_to_box(rect))  # (`rect_to_box` sorts it)
    return box.width, box.height
