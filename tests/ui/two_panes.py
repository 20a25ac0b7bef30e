"""Two `BoxCanvas` panes side by side, each showing one plain picture, kept together by `PaneSync`: the window's
ground-truth and prediction panes without the rest of the window, for the zoom and follow tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QHBoxLayout, QWidget

from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.pane_sync import PaneSync


@contextmanager
def two_panes(
    qtbot, holder_size: tuple[int, int], picture_size: tuple[int, int], *, flush: bool = True
) -> Iterator[tuple[BoxCanvas, BoxCanvas, PaneSync]]:
    """(left, right, sync) in a shown ``holder_size`` holder, the left pane editable, each showing a
    ``picture_size`` picture. ``flush``: the panes touch the holder's edges (no layout margins), so each pane's
    size follows from the holder's alone. The holder is closed afterwards (qtbot keeps no reference to close)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    left, right = BoxCanvas(editable=True), BoxCanvas(editable=False)
    layout = QHBoxLayout(holder)
    if flush:
        layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(left)
    layout.addWidget(right)
    holder.resize(*holder_size)
    holder.show()
    qtbot.waitExposed(holder)
    sync = PaneSync([left, right], holder)
    image = QImage(*picture_size, QImage.Format.Format_RGB32)
    image.fill(QColor(90, 120, 150))
    for pane in (left, right):
        pane.show_image(image)
    try:
        yield left, right, sync
    finally:
        holder.close()
