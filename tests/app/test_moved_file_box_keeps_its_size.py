"""A box read from a file in fractions (CVAT writes 10.5, 20.4) keeps one size on its first move. Every
box edited in the window is in whole pixels, so an edit took a side whole pixels long as moved and
rounded each edge of any other: 20.4..33.6 (13.2 high) moved by 1 came out 21..35, 14 high, and by
0.5 21..34, 13 high. Given the box before the edit, a side as long as it was is a side moved, and it
keeps that length in whole pixels whatever the distance (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box

SIZE = (120, 90)


def _doc(size=SIZE) -> ImageDocument:
    return ImageDocument(Path("a.png"), Path("a.xml"), image_size=size)


@pytest.mark.parametrize("size", [SIZE, None])
# 34.3 - 10.8: a drag's sums, 23.500000000000004
@pytest.mark.parametrize("shift", [1, -1, 0.5, -0.5, 0.3, 2 / 3, 1.5, 7.7, 34.3 - 10.8])
def test_a_fractional_box_moved_keeps_its_rounded_size_whatever_the_distance(size, shift):
    doc = _doc(size)
    for old, whole_size in [(Box(10.5, 20.4, 13.5, 33.6), (3, 13)), (Box(40.4, 30.5, 50.6, 32.75), (10, 2)),
                            (Box(60.25, 40.5, 62.75, 44.0), (2, 4)), (Box(70.5, 50.5, 70.8, 50.6), (1, 1))]:
        moved = doc.clamp_box(old.translated(shift, shift), old)
        assert (moved.width, moved.height) == whole_size, (old, shift, moved)
        assert moved == moved.whole()
        assert (moved.xmin, moved.ymin) == (round(old.xmin + shift), round(old.ymin + shift))


def test_a_box_of_10_5_to_13_5_dragged_by_one_pixel_keeps_its_width():
    old = Box(10.5, 10.5, 13.5, 23.6)
    assert _doc().clamp_box(old.translated(1, 1), old) == Box(12, 12, 15, 25)  # 3 wide, 13 high (13.1)


def test_a_moved_length_rounded_up_stays_inside_the_image():
    old = Box(10.5, 10.5, 11.0, 11.0)  # half a pixel: a pixel once moved
    moved = _doc().clamp_box(Box(119.5, 89.5, 120.0, 90.0), old)
    assert moved == Box(119, 89, 120, 90) and moved.is_inside(*SIZE)


def test_a_resize_of_a_fractional_box_rounds_each_edge_of_the_side_it_changed():
    old = Box(10.5, 20.4, 13.5, 33.6)
    # the right edge dragged: 10.5 and 16.5 rounded (half to even); the height as a move leaves it
    assert _doc().clamp_box(Box(10.5, 20.4, 16.5, 33.6), old) == Box(10, 20, 16, 33)
    assert _doc().clamp_box(Box(10.5, 21.4, 13.5, 33.6), old) == Box(10, 21, 13, 34)  # the top edge


def test_whole_boxes_as_without_the_box_before():
    doc = _doc()
    for old in [Box(10, 13, 13, 18), Box(21, 30, 25, 31), Box(44, 10, 56, 20)]:
        for new in [old.translated(0.5, -0.5), old.translated(10.8 - 34.3, 3.5),
                    Box(old.xmin, old.ymin, old.xmax + 1.5, old.ymax),
                    Box(old.xmin + 1 / 3, old.ymin, old.xmax, old.ymax)]:
            assert doc.clamp_box(new, old) == doc.clamp_box(new), (old, new)
