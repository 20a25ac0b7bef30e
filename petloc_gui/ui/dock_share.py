"""Keeping the side docks from starving the two image panes when the window is small.

QMainWindow gives all of a shrinking window's lost width to the central
widget: at 900 px the image list kept its 460 px and each pane got ~200.
`DockShare` caps the docks of one area at a share of the window's width when
the window shrinks (under ~1,020 px for the list's 460), and when it grows
gives them back the width the user chose. That width is learnt from the user
dragging the dock's edge: a dock resized while a mouse button is down and the
window's size stays the same (Qt's own resizes, a clamp to a tabbed panel's
minimum for one, are not the user's choice). The chosen width is saved with
the window, so a window closed while small does not open large with a narrow
list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

DOCK_SHARE = 0.45  # at most this share of the window's width, unless the dock's own minimum needs more


def smallest_hint(dock: QDockWidget) -> int:
    return dock.minimumSizeHint().width()


def mouse_down() -> bool:
    return QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton


class DockShare(QObject):
    """Sizes the docks of ``docks`` (one dock area, tabbed): ``min(wish, share of the window)``,
    never under ``floor(dock)`` (the narrowest width at which it is still of use) unless the user
    chose narrower."""

    def __init__(self, window: QMainWindow, docks: Sequence[QDockWidget], wish: int,
                 share: float = DOCK_SHARE, floor: Callable[[QDockWidget], int] = smallest_hint,
                 dragging: Callable[[], bool] = mouse_down) -> None:
        super().__init__(window)
        self.window = window
        self.docks = list(docks)
        self.wish = int(wish)  # the width the user chose (or the first-run default)
        self.share = share
        self.floor = floor
        self.dragging = dragging
        self._window_size = QSize()
        window.installEventFilter(self)
        for dock in self.docks:
            dock.installEventFilter(self)

    def target(self) -> int:
        """The width the docks should have in the window as it is now: the user's width, less in a
        small window but not under the floor, unless the user chose narrower. Tabbed docks share
        one width, which Qt keeps at least as wide as the widest of their minimums: the floor is the
        largest of theirs."""
        floor = max((self.floor(dock) for dock in self._docked()), default=0)
        return min(self.wish, max(floor, int(self.window.width() * self.share)))

    def fit(self) -> None:
        """Give the shown dock its `target` width (no-op when it has it, or none is shown docked)."""
        dock = self._shown()
        if dock is None:
            return
        target = self.target()
        if abs(dock.width() - target) > 1:
            self.window.resizeDocks([dock], [target], Qt.Orientation.Horizontal)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Show and watched in self.docks:
            QTimer.singleShot(0, self, self.fit)  # a dock shown again (or its tab chosen) after a resize
        elif event.type() == QEvent.Type.Resize:
            if watched is self.window:
                self._window_size = self.window.size()
                self.fit()
            elif (watched is self._shown() and self.window.size() == self._window_size
                  and self.dragging()):
                self.wish = watched.width()  # the user dragged its edge
        return False

    def _docked(self) -> list[QDockWidget]:
        """The docks in the area (tabbed ones included), not closed nor floating."""
        return [dock for dock in self.docks if not dock.isHidden() and not dock.isFloating()]

    def _shown(self) -> QDockWidget | None:
        """The docked dock on screen: of tabbed ones, the current tab (the others cover no part
        of the screen)."""
        docked = self._docked()
        for dock in docked:
            if dock.isVisible() and not dock.visibleRegion().isEmpty():
                return dock
        return docked[0] if docked else None
