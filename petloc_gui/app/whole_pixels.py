"""An edited box in whole pixels, as a save writes it (`ImageDocument.clamp_box`, and the size the canvas says of
a box being drawn: `ui.canvas.drawn_box`): a moved box keeps its width and height, a resized one keeps the edge
that did not move, and no side a pixel or more long is left with none (no Qt)."""

from __future__ import annotations

import math

from petloc_gui.core.boxes import Box


def whole_pixels(box: Box, old: Box | None = None, image_size: tuple[int, int] | None = None) -> Box:
    """``box`` (sorted, inside the image) in whole pixels, each side as `_whole_side` rounds it,
    given its length in ``old`` (the box before the edit), if any. Boxes that cannot be put in
    whole pixels (a NaN or infinite coordinate) stay as they are: a save refuses them."""
    if not all(math.isfinite(value) for value in box.as_tuple()):
        return box
    before: tuple[float | None, float | None] = (None, None)
    if old is not None and all(math.isfinite(value) for value in old.as_tuple()):
        before = (abs(old.width), abs(old.height))
    width, height = image_size or (None, None)
    x0, x1 = _whole_side(box.xmin, box.xmax, before[0], width)
    y0, y1 = _whole_side(box.ymin, box.ymax, before[1], height)
    return Box(x0, y0, x1, y1)


# How far from a whole number a side's length may be and still be whole pixels long: a drag's
# floating-point sums leave a moved side a few 1e-15 off (44..56 moved by 10.8 - 34.3 is
# 11.999999999999996 wide); a drag that changes a side changes it by far more
_WHOLE_LENGTH_TOLERANCE = 1e-6


def _whole_side(first: float, last: float, before: float | None = None,
                limit: int | None = None) -> tuple[int, int]:
    """One side of a box (``first <= last``, inside the image, ``limit`` long when known) in whole
    pixels; ``before``: its length before the edit, when known.

    A side moved keeps its length: its first edge is rounded (half to even, as `Box.whole` and the
    writer do) and the other follows, so a move never changes a box's width or height (each edge
    rounded on its own, 10..13 moved to 10.5..13.5 became 10..14, a pixel wider). With ``before``,
    a side as long as it was is one moved, and keeps that length rounded to whole pixels (at least
    one): a box read from a file in fractions (CVAT's 10.4..13.6) has one size after its first move
    whatever the distance, where rounding each edge gave it 3 or 4 pixels by where the move ended.
    Without it (a box made, or an edit that does not say the box before), a side whole pixels long
    is taken as moved, since every box edited here already is in whole pixels. (A new box whole
    pixels long keeps its length too: the middle half of a view 90 pixels high, 22.5..67.5, is 45
    high, not 46.) A side of another length was changed by the edit (a handle dragged, Alt+arrows,
    a box drawn): each edge is rounded on its own, so the edge that did not move stays where it
    was; longer than a pixel, it rounds to a pixel or more. So no side a pixel or more long is left
    with none (a box one pixel high moved by half a pixel, 53.5 to 54.5, once had both edges rounded
    to 54 and was saved with no area), and every way keeps it inside the image, whose size is whole
    pixels (a moved length rounded up is pushed back from its far edge)."""
    length = last - first
    if before is not None and abs(length - before) <= _WHOLE_LENGTH_TOLERANCE:
        whole = max(1, round(before)) if before > 0 else 0
        start = round(first)
        if limit is not None:
            start = max(0, min(start, limit - whole))
        return start, start + whole
    if before is None and abs(length - round(length)) <= _WHOLE_LENGTH_TOLERANCE:
        start = round(first)
        return start, start + round(length)
    return round(first), round(last)
