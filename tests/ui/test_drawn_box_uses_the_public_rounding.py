"""The drawn box's size on the status line (ui/canvas/drawn_box.py) is rounded as an edit is kept, through the
app layer's public `whole_pixels` (`app/whole_pixels.py`, which `ImageDocument.clamp_box` rounds through). It was
image_document's private `_whole_pixels`, imported by the canvas under an alias: a rename inside image_document
would have broken the canvas, unseen from image_document itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF

from petloc_gui.app import whole_pixels
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas import drawn_box


def test_the_canvas_rounds_through_the_edits_public_rounding():
    assert drawn_box.whole_pixels is whole_pixels.whole_pixels
    assert whole_pixels.whole_pixels(Box(59.6, 10.4, 170.4, 40.5)) == Box(60, 10, 170, 40)
    assert ImageDocument(Path("a.png"), Path("a.xml")).clamp_box(Box(59.6, 10.4, 170.4, 40.5)) == Box(60, 10, 170, 40)
    assert drawn_box.kept_size(QRectF(59.6, 10.4, 110.8, 30.1)) == (110, 30)
