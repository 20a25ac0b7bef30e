"""A toolbar whose buttons follow their actions with a fixed number of connections, however long the session.

With Qt 6.11.3 (the PySide6 wheel petloc installs) a `QToolButton` answers each change of its
default action (the button `QToolBar` makes for an action: its text, enabled, checked, tip…) by
calling its own ``setDefaultAction`` again, and that call adds one more connection to the action's
``changed()`` when the action is already the default one: it is never released. Undo's text
changes on every edit ("Undo Move box"), Verified's checked state on every image: a day of
review left thousands of receivers on each, every change slower than the one before.

`ActionToolBar` sets each button's default action afresh (cleared, then set: Qt drops the
connections of an action it no longer shows) on its action's change, in place of the button's
own handling, so the button shows what it showed (text, icon, tips, checkable, checked, enabled,
a menu's popup mode: all of it set by Qt's ``setDefaultAction``) and the receivers stay as
they were. The buttons are Qt's own, made by the toolbar for the actions: the » menu of a
narrow window, the accessible names, the keys (held by the menus' actions) are unchanged.

That » button (Qt's ``qt_toolbar_ext_button``, shown when the buttons do not fit) has no text, only an arrow:
Qt gives it neither a name nor a tooltip, and a screen reader said an unnamed check box. It is named here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionEvent
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

OVERFLOW_BUTTON = "qt_toolbar_ext_button"  # Qt's object name for a toolbar's » button
OVERFLOW_NAME = "More tools"
OVERFLOW_TIP = "More tools: those this window is too narrow to show"


def show_action(button: QToolButton, action: QAction) -> None:
    """The button shows ``action`` as it is now: Qt's own `setDefaultAction`, its connection not added again."""
    # None (Qt's nullptr, which PySide's stubs leave out): drops every connection the button made to its changed()
    button.setDefaultAction(None)  # type: ignore[arg-type]
    button.setDefaultAction(action)


class ActionToolBar(QToolBar):
    """A `QToolBar` whose tool buttons keep one state of connections to their actions, its » button named (see
    the module)."""

    def __init__(self, title: str, parent: QWidget, name: str, actions: Sequence[QAction] = ()) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)  # the window's saved layout finds it by this name
        overflow = self.findChild(QToolButton, OVERFLOW_BUTTON)  # (made with the toolbar, hidden until needed)
        if overflow is not None:
            overflow.setAccessibleName(OVERFLOW_NAME)
            overflow.setToolTip(OVERFLOW_TIP)
        self.addActions(list(actions))

    def actionEvent(self, event: QActionEvent) -> None:  # Qt's name
        super().actionEvent(event)  # an added action's button is made here
        if event.type() == QEvent.Type.ActionAdded:
            button = self.widgetForAction(event.action())
            if isinstance(button, QToolButton):
                button.installEventFilter(self)
                show_action(button, event.action())  # its receivers from now on: those of any later change

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.ActionChanged and isinstance(watched, QToolButton):
            action = cast(QActionEvent, event).action()
            if action is watched.defaultAction():
                show_action(watched, action)
                return True  # not the button's own handling: that adds a connection each time
        return super().eventFilter(watched, event)
