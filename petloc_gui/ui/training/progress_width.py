"""How wide the Retraining window is where it has to lie over the main window (no room beside it).

At 1024 x 700 and QT_SCALE_FACTOR=1.5 it was 440 logical px wide (660 px) beside an image list of about 327
(490 px): it covered two-thirds of the Ground truth pane and its header. Its parts scroll and wrap, so it is
no wider than the list; with the list hidden there is no such strip, and it covers one of the two panes at most.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDockWidget, QWidget

from petloc_gui.ui.window_geometry import side_strip

# With the image list hidden: the width at which the result's table (a model's name over each column) and the
# log read without scrolling sideways; no wider than half the photos (the two panes: one stays in sight).
NARROWEST_PX = 440


def list_shown(owner: QWidget) -> bool:
    """Whether ``owner`` (the main window) shows its image list (or the Dataset panel tabbed with it) docked."""
    return any(dock.isVisible() and not dock.isFloating() for dock in owner.findChildren(QDockWidget))


def width_over(owner: QWidget, wanted: int, least: int, room: QRect, panes: Sequence[QRect], frame: int) -> int:
    """The window's width, frame included (``frame``: its borders' width), over ``owner`` in ``room``: ``wanted``
    at most; no wider than the strip beside the photos (``panes[0]``, `side_strip`: the image list, and the
    desktop beside a window that is not maximised), so all it covers there is the list; where the list is hidden
    and that strip is narrower than ``least`` (the window's least width, frame included: Qt makes it no
    narrower), `NARROWEST_PX` but no more than half the photos."""
    strip = side_strip(room, panes)
    if list_shown(owner) or strip >= least:
        cap = strip
    else:
        photos = panes[0].width() if panes else room.width()
        cap = min(NARROWEST_PX + frame, photos // 2)
    return min(wanted, max(cap, least), room.width())
