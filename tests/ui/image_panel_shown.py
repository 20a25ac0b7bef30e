"""An image panel on a window of its own, shown at a width, for the tests of the header over its panes."""

from __future__ import annotations

from petloc_gui.ui.canvas.image_panel import ImagePanel


def shown_image_panel(qtbot, width: int) -> ImagePanel:
    """An ImagePanel ``width`` wide (400 high), shown and exposed."""
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.resize(width, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel
