"""A box a pixel or more wide and high keeps at least a pixel each way when an edit rounds it to whole
pixels: rounding each edge on its own (half to even) made a box one pixel high moved by half a pixel
(a drag at a zoom of 200%) none at all, saved with no area and dropped at the next reading (no Qt).
Found by tests/ui/review/test_edit_sequences_fuzz.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box


@pytest.mark.parametrize("size", [(120, 90), None])
def test_a_box_one_pixel_high_moved_by_half_a_pixel_keeps_a_pixel(size):
    doc = ImageDocument(Path("a.png"), Path("a.xml"), image_size=size)
    moved = doc.clamp_box(Box(10, 53, 20, 54).translated(0, 0.5))  # 53.5 to 54.5: both edges round to 54
    assert moved.height == 1 and moved.width == 10 and moved.ymin in (53, 54)


@pytest.mark.parametrize("shift", [0.5, -0.5, 1.5, -2.5, 0.25])
def test_a_whole_box_moved_by_part_of_a_pixel_keeps_an_area(shift):
    doc = ImageDocument(Path("a.png"), Path("a.xml"), image_size=(120, 90))
    for x0, y0 in [(10, 10), (11, 21), (40, 41)]:
        moved = doc.clamp_box(Box(x0, y0, x0 + 1, y0 + 1).translated(shift, shift))
        assert moved.width >= 1 and moved.height >= 1
        assert moved == moved.whole() and moved.is_inside(120, 90)


def test_a_pixel_wide_box_at_the_edge_of_the_image_stays_inside_it():
    doc = ImageDocument(Path("a.png"), Path("a.xml"), image_size=(120, 90))
    for box in [Box(118.5, 88.5, 119.5, 89.5), Box(119, 89, 120, 90), Box(117.5, 87.5, 118.5, 88.5)]:
        placed = doc.clamp_box(box)
        assert placed.is_inside(120, 90) and placed.width >= 1 and placed.height >= 1, placed


def test_a_box_narrower_than_a_pixel_still_rounds_to_none():
    """(The edit controller refuses a drawn box with no width left, as before: a click is no box.)"""
    doc = ImageDocument(Path("a.png"), Path("a.xml"), image_size=(120, 90))
    assert doc.clamp_box(Box(10.6, 10, 11.4, 20)).width == 0
