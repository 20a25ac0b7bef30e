"""A move never changes a box's width or height: an edit rounded each edge to whole pixels on its own
(half to even), so a box 3 pixels wide moved by half a pixel (a drag at a zoom of 200%: 10..13 to
10.5..13.5) became 10..14, a pixel wider, and one 3 high moved by 3.5 (13.5..16.5) 14..16, a pixel
lower. A move now rounds the box's corner and keeps its size; a resize rounds the edge it moved,
the others stay (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box

SIZE = (120, 90)


def _doc(size=SIZE) -> ImageDocument:
    return ImageDocument(Path("a.png"), Path("a.xml"), image_size=size)


@pytest.mark.parametrize("size", [SIZE, None])
@pytest.mark.parametrize("shift", [0.5, -0.5, 1.5, 3.5, -2.5, 0.25, 1 / 3, 2 / 3, 0.1, 7.7])
def test_a_move_keeps_the_width_and_height_odd_or_even(size, shift):
    doc = _doc(size)
    for box in [Box(10, 13, 13, 18), Box(21, 30, 25, 31), Box(40, 41, 51, 64), Box(11, 11, 12, 12)]:
        moved = doc.clamp_box(box.translated(shift, -shift))
        assert (moved.width, moved.height) == (box.width, box.height), (box, shift, moved)
        assert moved == moved.whole()
        # the corner is where the move left it, rounded as the writer rounds (`Box.whole`)
        assert (moved.xmin, moved.ymin) == (round(box.xmin + shift), round(box.ymin - shift))


def test_a_move_to_the_edge_of_the_image_keeps_the_size_and_stays_inside():
    doc = _doc()
    for box in [Box(116.5, 86.5, 119.5, 89.5), Box(0.5, 0.5, 3.5, 5.5), Box(0.0, 84.5, 5.0, 89.5)]:
        moved = doc.clamp_box(box)
        assert (moved.width, moved.height) == (box.width, box.height) and moved.is_inside(*SIZE), moved


def test_a_resize_rounds_the_edge_it_moved_and_keeps_the_others():
    doc = _doc()
    box = Box(10, 20, 13, 30)
    assert doc.clamp_box(Box(10, 20, 13.5, 30)) == Box(10, 20, 14, 30)  # the right edge: 13.5 is 14
    assert doc.clamp_box(Box(11.5, 20, 13, 30)) == Box(12, 20, 13, 30)  # the left edge alone
    assert doc.clamp_box(Box(9.5, 20.5, 13, 30)) == Box(10, 20, 13, 30)  # the top-left corner
    assert doc.clamp_box(Box(10, 20, 13.4, 30.6)) == Box(10, 20, 13, 31)  # the bottom-right corner
    for edge in range(4):  # a handle dragged by a third of a pixel, the others where they were
        values = list(box.as_tuple())
        values[edge] += 1 / 3
        resized = doc.clamp_box(Box(*values))
        assert resized == box, (edge, resized)


def test_a_move_whose_floating_point_sums_are_not_exact_keeps_the_size():
    """A drag from x = 34.3 to 10.8 moves by -23.499999999999996: a box 44..56 lands on
    20.500000000000004..32.5, 11.999999999999996 wide, its edges rounding to 21 and 32. Still a move."""
    box = Box(44, 10, 56, 20)
    shifted = box.translated(10.8 - 34.3, 0)
    assert shifted.width != box.width  # the sums a drag makes
    assert _doc().clamp_box(shifted) == Box(21, 10, 33, 20)
