"""Keeping the side docks from starving the two image panes when the window is small.

QMainWindow gives all of a shrinking window's lost width to the central
widget: at 900 px the image list kept its 460 px and each pane got ~200.
`DockShare` caps the docks of one area at a share of the window's width when
the window shrinks (under ~1,020 px for the list's 460), and when it grows
gives them back the width the user chose, which it learns from the user
dragging the dock's edge (a dock resized while the window's size stays the
same). The chosen width is saved
with the window, so a window closed while small does not open large with a
narrow list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

DOCK_SHARE = 0.45  # at most this share of the window's width, unless the dock's own minimum needs more


def smallest_hint(dock: QDockWidget) -> int:
    return dock.minimumSizeHint().width()


class DockShare(QObject):
    """Sizes the visible dock of ``docks`` (one dock area, tabbed): ``min(wish, share of the window)``,
    never under ``floor(dock)`` (the narrowest width at which it is still of use)."""

    def __init__(self, window: QMainWindow, docks: Sequence[QDockWidget], wish: int,
                 share: float = DOCK_SHARE, floor: Callable[[QDockWidget], int] = smallest_hint) -> None:
        super().__init__(window)
        self.window = window
        self.docks = list(docks)
        self.wish = int(wish)  # the width the user chose (or the first-run default)
        self.share = share
        self.floor = floor
        self._window_size = QSize()
        self._asked: int | None = None  # the width last asked for: its resize is not the user's
        window.installEventFilter(self)
        for dock in self.docks:
            dock.installEventFilter(self)

    def target(self) -> int:
        """The width the docks should have in the window as it is now: the user's width, less in a
        small window but not under the floor, unless the user chose narrower."""
        dock = self._shown()
        floor = self.floor(dock) if dock is not None else 0
        return min(self.wish, max(floor, int(self.window.width() * self.share)))

    def fit(self) -> None:
        """Give the shown dock its `target` width (no-op when it has it, or none is shown docked)."""
        dock = self._shown()
        if dock is None:
            return
        target = self.target()
        if abs(dock.width() - target) > 1:
            self._asked = target
            self.window.resizeDocks([dock], [target], Qt.Horizontal)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Resize:
            if watched is self.window:
                self._window_size = self.window.size()
                self.fit()
            elif watched is self._shown() and self.window.size() == self._window_size:
                width = watched.width()  # type: ignore[attr-defined]
                if self._asked is None or abs(width - self._asked) > 1:
                    self.wish = width  # the user dragged the dock's edge
                self._asked = None
        return False

    def _shown(self) -> QDockWidget | None:
        for dock in self.docks:
            if dock.isVisible() and not dock.isFloating():
                return dock
        return None
