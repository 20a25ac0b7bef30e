"""Keep two image panes at the same zoom and looking at the same spot."""

from __future__ import annotations

from PySide6.QtCore import QObject

from petloc_gui.ui.canvas.box_canvas import BoxCanvas


class PaneSync(QObject):
    """Mirrors zoom and pan from whichever pane moved to the others."""

    def __init__(self, panes: list[BoxCanvas], parent=None) -> None:
        super().__init__(parent)
        self.panes = panes
        self._busy = False
        for pane in panes:
            pane.view_moved.connect(lambda p=pane: self._mirror(p))

    def _mirror(self, source: BoxCanvas) -> None:
        if self._busy or source.placing or source.fits_on_resize or not source.isVisible():
            return
        self._busy = True
        try:
            center = source.mapToScene(source.viewport().rect().center())
            for pane in self.panes:
                if pane is source or not pane.isVisible():
                    continue
                pane.follow(source.transform(), center)
        finally:
            self._busy = False
