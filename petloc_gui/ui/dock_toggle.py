"""The View menu's show/hide entry for a dock that may be a tab behind another dock.

Qt's own `QDockWidget.toggleViewAction` hides the dock whenever it is not
hidden, and a dock that is a tab behind the image list is not hidden (only
covered): Ctrl+I on the dataset panel behind the list hid it, so it took a
second press to see it. This entry brings a covered dock to the front and
hides only a dock the user can see.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget


def covered(dock: QDockWidget) -> bool:
    """Shown but not on screen: a tab behind another dock (its region is then empty)."""
    return not dock.isHidden() and dock.visibleRegion().isEmpty()


def show_or_hide(dock: QDockWidget) -> None:
    if dock.isHidden():
        dock.show()
        dock.raise_()  # shown as a tab behind the list otherwise
    elif covered(dock):
        dock.raise_()
    else:
        dock.hide()


def dock_toggle_action(dock: QDockWidget, text: str, shortcut: str | None = None) -> QAction:
    """A checkable action, ticked while the dock is shown (covered or not), that acts as `show_or_hide`."""
    qt_action = dock.toggleViewAction()
    action = QAction(text, dock)
    action.setCheckable(True)
    action.setChecked(not dock.isHidden())
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))

    def triggered() -> None:
        show_or_hide(dock)
        action.setChecked(not dock.isHidden())  # Qt ticked or unticked it before the trigger

    action.triggered.connect(triggered)
    qt_action.toggled.connect(action.setChecked)  # shown or hidden another way: its title bar's ×, a restored layout
    return action
