"""A box's label tag: its font, where it is drawn and with what text, or whether it is drawn at all.

In screen pixels whatever the zoom (the font's size and the tag's height), inside the image (a box near its right
edge kept its tag cut at the pane's edge; a label wider than the image is elided), above the box, or, with no room
above it, inside its top, unless it would hide nearly all of the box there (`HIDDEN_SHARE`): then below the box,
where the image has room (a 24 x 20 box at the photo's top edge, at a plain zoom). Where it fits nowhere it is left
out: zoomed out to the least, a photo a few dozen pixels across showed a tag as large as itself over its box ("c…",
the box out of sight, at a display scale of 1.5). Elided or shrunk it still hid the box, or said nothing; the box in
sight matters more there, and the selected box's class is said in the label box.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication

TAG_HEIGHT_PX = 16  # the label tag's least height, in screen pixels at any zoom (taller for a bigger font)
# the share of its box's area a tag over it may cover; more, and it is left out (a 30-pixel box at the top of the
# photo keeps its tag over its top half; an 11 x 7 one, or a 20-pixel one, would show a tag and hardly a box)
HIDDEN_SHARE = 0.75
_PADDING_PX = 10  # the tag's width past its text's, in screen pixels


def tag_font(scale: float = 1.0) -> QFont:
    """The app's font, bold (a fixed 10 pt ignored the user's font size), at any zoom its size on screen."""
    font = QFont(QGuiApplication.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(1.0, font.pointSizeF() / scale))
    else:  # set in pixels
        font.setPixelSize(max(1, round(font.pixelSize() / scale)))
    font.setBold(True)
    return font


def tag_place(label: str, box: QRectF, bounds: QRectF | None, scale: float,
              under: bool = False) -> tuple[QRectF, str] | None:
    """Where the tag of ``box`` labelled ``label`` is drawn (scene coordinates, at ``scale`` screen pixels per
    scene unit) and its text; None: no tag (no label, or no spot for it that leaves its box in sight). ``bounds``: the
    image, to keep the tag in (None: not known yet). ``under``: below the box (the overlaid prediction, clear of
    the ground truth's tag)."""
    if not label:
        return None
    # in screen pixels, whatever the zoom (one font and metrics a call: this runs on every paint and every
    # boundingRect of a labelled box); the height is the text's line with a pixel to spare above and below
    metrics = QFontMetricsF(tag_font())
    height = max(float(TAG_HEIGHT_PX), metrics.height() + 2) / scale
    text = label
    width = (metrics.horizontalAdvance(text) + _PADDING_PX) / scale
    left = box.left()
    # the image (set by the canvas; not the scene's rect: with none set, the scene computes it
    # from its items' bounding rects, which ask for this tag: a recursion to a crash)
    if bounds is not None and bounds.width() > 0:
        if width > bounds.width():
            room = bounds.width() * scale - _PADDING_PX
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0))
            width = (metrics.horizontalAdvance(text) + _PADDING_PX) / scale
        left = max(bounds.left(), min(left, bounds.right() - width))
    if under:
        return QRectF(left, box.bottom(), width, height), text
    image_top = bounds.top() if bounds is not None else 0.0
    if box.top() - height >= image_top:
        return QRectF(left, box.top() - height, width, height), text
    inside = QRectF(left, box.top(), width, height)
    covered = inside.intersected(box)
    if covered.width() * covered.height() <= HIDDEN_SHARE * box.width() * box.height():
        return inside, text
    # below the box, only where the image is known to have room (not past its bottom edge)
    if bounds is not None and bounds.height() > 0 and box.bottom() + height <= bounds.bottom():
        return QRectF(left, box.bottom(), width, height), text
    return None  # the box in sight, not its name (the module's docstring)
