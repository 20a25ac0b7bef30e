"""An edited box is what a save writes: sorted, clamped to the image, in whole pixels (no Qt)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box


def test_an_edited_box_is_clamped_and_in_whole_pixels():
    doc = ImageDocument(Path("a.png"), Path("a.xml"), image_size=(120, 90))
    assert doc.clamp_box(Box(130.2, 10.4, 20.6, -3.0)) == Box(21, 0, 120, 10)


def test_without_the_image_size_it_is_sorted_and_in_whole_pixels():
    doc = ImageDocument(Path("a.png"), Path("a.xml"))
    assert doc.clamp_box(Box(30.7, 10.4, 20.6, 40.5)) == Box(21, 10, 31, 40)
