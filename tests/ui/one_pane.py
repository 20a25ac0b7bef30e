"""One editable `BoxCanvas` on its own, shown and showing a plain picture: the pane without the window, for the
drag, pan and zoom tests."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from petloc_gui.ui.canvas.box_canvas import BoxCanvas


def shown_pane(qtbot, pane_size: tuple[int, int], picture_size: tuple[int, int]) -> BoxCanvas:
    """An editable ``pane_size`` pane, shown, fitted to a ``picture_size`` picture."""
    pane = BoxCanvas(editable=True)
    qtbot.addWidget(pane)
    pane.resize(*pane_size)
    pane.show()
    qtbot.waitExposed(pane)
    image = QImage(*picture_size, QImage.Format.Format_RGB32)
    image.fill(QColor(90, 120, 150))
    pane.show_image(image)
    return pane
