"""The drawn box's size on the status line (ui/canvas/drawn_box.py) is rounded as an edit is kept, through the
app layer's public `image_document.whole_pixels`. It was the private `_whole_pixels`, imported by the canvas under
an alias: a rename inside image_document would have broken the canvas, unseen from image_document itself."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from petloc_gui.app import image_document
from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas import drawn_box


def test_the_canvas_rounds_through_the_edits_public_rounding():
    assert drawn_box.whole_pixels is image_document.whole_pixels
    assert image_document.whole_pixels(Box(59.6, 10.4, 170.4, 40.5)) == Box(60, 10, 170, 40)
    assert drawn_box.kept_size(QRectF(59.6, 10.4, 110.8, 30.1)) == (110, 30)
