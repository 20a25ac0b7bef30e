"""Whether the mouse, pressed, has moved far enough to be a drag (drawing, moving or resizing a box) or is still a
click (which selects or deselects and edits nothing).

The distance is measured on screen, in logical pixels, against the platform's drag distance: a hand's jitter is a
few screen pixels whatever the zoom. Measured in image pixels instead, a 1-pixel jitter on a 4000x3000 photo
shown at 0.11x was 9 image pixels, and a click on empty space drew a box.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication


def is_drag(moved_on_screen: QPointF) -> bool:
    """Whether a press's mouse, ``moved_on_screen`` (logical screen pixels) from where it was pressed, drags.

    A square round the press, as the platforms' own rule is (GTK's drag threshold, Windows' SM_CXDRAG): a short
    stroke along one axis is a drag as soon as a diagonal one of the same reach, not later. Qt's setting takes the
    user's platform value, which follows the display scale (it is in logical pixels)."""
    reach = max(abs(moved_on_screen.x()), abs(moved_on_screen.y()))
    return reach >= QApplication.startDragDistance()
