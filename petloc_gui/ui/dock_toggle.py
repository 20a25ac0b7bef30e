"""Where a side dock shows: the View menu's show/hide entry, and a floating dock kept on its screen.

Qt's own `QDockWidget.toggleViewAction` hides the dock whenever it is not
hidden, and a dock that is a tab behind the image list is not hidden (only
covered): Ctrl+I on the dataset panel behind the list hid it, so it took a
second press to see it. This entry brings a covered dock to the front and
hides only a dock the user can see.

A dock closed while it floated came back floating where Qt left it, over the
image panes, its bottom (the list's "Next to review" button) past the screen's
edge. Shown again it now goes back to its place in the window, unless it
floated clear of the panes (beside the window, on another screen), where the
user put it; and a floating dock is kept whole on its screen (`FloatingDock`).

A dock brought to the front over the dock that held the keyboard (Ctrl+I from the image list's search
box) left the keyboard behind it: typing filtered the list unseen. The keyboard now follows into the
dock shown (`_keyboard_follows`), at its first Tab stop.

Floating a dock (its float button, a double click or a drag on its title) takes its widgets out of the main
window, and Qt gave the keyboard the list had to the window's next widget: the image (the next Down nudged a
box behind the floated list) or the Label box (Up relabelled it). The widget in the dock that had the keyboard
when the mouse went down gets it back, in the dock's window, once the button is up (`FloatingDock`).

The Images list floated over part of the window (a laptop's screen, a maximised window) was gone after a restart:
Qt mapped it as the saved layout was restored, before the main window, which the window manager put on top. It is
raised once the window is on screen (`RaisedOverItsWindow`). F9 still hides a floating dock in sight at its first
press: Qt cannot tell whether a top-level is under another (`topLevelAt` named the main window with the list on top),
and a floating dock over a window that is not the active one is the ordinary case (the list on top while the user
works in the window), where raising it first took the keyboard from the image and two presses to hide it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QWindow
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QMainWindow, QWidget

from petloc_gui.ui.dock_tab_place import DockTabPlace
from petloc_gui.ui.keyboard_back import give_back
from petloc_gui.ui.tab_chain import kept, tab_policy, takes_tab
from petloc_gui.ui.window_geometry import fit_into, room_beside, steady_size_grid


def covered(dock: QDockWidget) -> bool:
    """Shown but not on screen: a tab behind another dock (its region is then empty)."""
    return not dock.isHidden() and dock.visibleRegion().isEmpty()


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def over_the_panes(dock: QDockWidget) -> bool:
    """A floating dock over its window's central widget (the image panes)."""
    window = dock.parentWidget()
    central = window.centralWidget() if isinstance(window, QMainWindow) else None
    return dock.isFloating() and central is not None and dock.frameGeometry().intersects(_global_rect(central))


def dock_again(dock: QDockWidget) -> None:
    """Back into the window: where it was docked (Qt keeps its place), else on the left, its default side."""
    dock.setFloating(False)
    window = dock.parentWidget()
    if dock.isFloating() and isinstance(window, QMainWindow):
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)


def _dock_holding(widget: QWidget | None) -> QDockWidget | None:
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget


def first_tab_stop(dock: QDockWidget) -> QWidget | None:
    """The first widget in ``dock`` that Tab stops on, by the main window's own Tab rule (`tab_chain.takes_tab`:
    enabled and shown, a compound widget by its focus proxy, and on macOS without full keyboard access only what
    Tab reaches there), so that the keyboard lands where Tab would."""
    body = dock.widget()
    if body is None:
        return None
    window, policy = body.window(), tab_policy()
    widget: QWidget | None = body
    while widget is not None and (widget is body or body.isAncestorOf(widget)):
        if takes_tab(widget, window, body, True, policy):
            return widget
        widget = kept(widget.nextInFocusChain())  # (`tab_chain.kept`: no loop of wrappers left to the collector)
    return None


def _keyboard_follows(dock: QDockWidget, holder: QDockWidget | None) -> None:
    """The dock that held the keyboard (``holder``) now covered by ``dock``: the keyboard into ``dock``."""
    if holder is None or holder is dock or not covered(holder):
        return
    target = first_tab_stop(dock)
    if target is not None:
        target.setFocus(Qt.FocusReason.OtherFocusReason)


def show_or_hide(dock: QDockWidget) -> None:
    """Hidden: shown; covered (a tab behind another dock): brought to the front; else (in sight, floating or
    docked) hidden, at the first press."""
    holder = _dock_holding(QApplication.focusWidget())
    if dock.isHidden():
        if over_the_panes(dock):  # closed while it floated over the image: it comes back docked
            dock_again(dock)
        dock.show()
        dock.raise_()  # shown as a tab behind the list otherwise
        _keyboard_follows(dock, holder)
    elif covered(dock):
        dock.raise_()
        _keyboard_follows(dock, holder)
    else:
        dock.hide()


def dock_toggle_action(dock: QDockWidget, text: str, shortcut: str | None = None) -> QAction:
    """A checkable action, ticked while the dock is shown (covered or not), that acts as `show_or_hide`.
    Without ``shortcut``, the dock's own ``SHOW_SHORTCUT`` if it has one (the image list's F9)."""
    qt_action = dock.toggleViewAction()
    action = QAction(text, dock)
    action.setCheckable(True)
    action.setChecked(not dock.isHidden())
    shortcut = shortcut or getattr(dock, "SHOW_SHORTCUT", None)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))

    def triggered() -> None:
        show_or_hide(dock)
        action.setChecked(not dock.isHidden())  # Qt ticked or unticked it before the trigger

    action.triggered.connect(triggered)
    qt_action.toggled.connect(action.setChecked)  # shown or hidden another way: its title bar's ×, a restored layout
    return action


class RaisedOverItsWindow(QObject):
    """Raises ``dock``, while it floats, over its main window once that window is on screen (its first show,
    and each show after it was minimised). The saved layout is restored as the window is made: Qt mapped the
    floating Images list (and Dataset panel) then, before the main window, and the window manager put the
    main window, mapped last, on top of them; clicking it did not bring them forward. Raised once the window
    is exposed (mapped by the window manager, on top), not at its Show (before it is mapped)."""

    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock)  # its child, holding no reference to it (no cycle for the collector)
        self._shown = False  # the window shown and not exposed yet
        window = dock.parentWidget()
        if window is not None:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            handle = watched.windowHandle()  # made by now; its Expose comes once it is mapped
            if handle is not None:
                self._shown = True
                handle.installEventFilter(self)  # (once: Qt does not install a filter twice)
        elif (event.type() == QEvent.Type.Expose and self._shown and isinstance(watched, QWindow)
              and watched.isExposed()):
            self._shown = False
            dock = self.parent()
            if isinstance(dock, QDockWidget) and dock.isFloating() and dock.isVisible():
                dock.raise_()
        return False


class FloatingDock(QObject):
    """Keeps ``dock``, while it floats, whole on its screen: when it is floated, shown (a window
    state restored from a bigger screen) or resized. A dock floated by its button or a double
    click on its title, in a window on screen, goes beside the window when the screen has room
    there; one dragged out stays where the user drops it, and so does one the saved layout floats
    as the window is made (restoreState floats it with no button down, as the button does; the
    window is not shown yet). Moves are left alone: the window manager's drag is the user's. Its size, while it
    floats, is not moved by its contents (`steady_size_grid`). The keyboard, in the dock when the mouse went
    down on its title or float button, stays there as it floats or docks again (`_keyboard_back_once_released`),
    and its place in the window's Tab order is kept (`dock_tab_place`)."""

    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock)
        self.dock = dock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # once Qt has made it a window of its own, with its size
        self._timer.timeout.connect(self.keep_on_screen)
        self._double_clicked = False  # Qt floats the dock on the double click's second press
        steady_size_grid(dock)  # floated, on a size grid its changing minimum does not move (at 150%)
        DockTabPlace(dock)  # docked again: its Tab stops where they were in the window's Tab order
        RaisedOverItsWindow(dock)  # restored floating: over the main window, not under it
        dock.topLevelChanged.connect(self._floated)
        dock.installEventFilter(self)
        # Qt's float button takes its own press: the focus then is the one to keep (`_had_keyboard`)
        float_button = dock.findChild(QAbstractButton, "qt_dockwidget_floatbutton")
        if float_button is not None:
            float_button.installEventFilter(self)
        self._had_keyboard: QWidget | None = None  # in the dock as a press on its title or float button began

    def _torn_down(self) -> bool:
        """Whether Python's collector has cleared this guard: the dock holds it (`floating_guard`) and it holds
        the dock, a cycle the collector breaks by clearing attributes once the window is dropped, while Qt may
        still send the dock a Resize or Show (an AttributeError from Qt's event loop). The dock goes with it."""
        return "dock" not in self.__dict__

    def _floated(self, floating: bool) -> None:
        if self._torn_down():
            return
        window = self.dock.parentWidget()
        asked = self._double_clicked or QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton  # not dragged out
        if floating and asked and window is not None and window.isVisible():
            QTimer.singleShot(0, self, self._place_once_released)
        # floated or docked again alike: either way Qt gives the keyboard to another window's widget. The press
        # is forgotten here, so one that changed nothing (a drag that did not float) is not used by a later change
        had, self._had_keyboard = self._had_keyboard, None
        if had is not None:
            QTimer.singleShot(0, self, lambda: self._keyboard_back_once_released(had, floating))
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if self._torn_down():
            return False
        if watched is self.dock and event.type() in (QEvent.Type.Show, QEvent.Type.Resize) and self.dock.isFloating():
            self._timer.start()
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            had = QApplication.focusWidget()  # before Qt floats the dock (a press may begin a drag out)
            self._had_keyboard = had if had is not None and self.dock.isAncestorOf(had) else None
        if watched is self.dock and event.type() == QEvent.Type.MouseButtonDblClick:
            # Qt handles it next (on the title it floats the dock, `_floated`); one elsewhere floats nothing
            self._double_clicked = True
            QTimer.singleShot(0, self, self._forget_double_click)
        return False

    def _forget_double_click(self) -> None:
        if not self._torn_down():
            self._double_clicked = False

    def _place_once_released(self) -> None:
        """`place_beside_window` once no mouse button is down: Qt floats the dock on a double click's
        second press, still held; the dock is not moved from under a press Qt may still take for a drag."""
        if self._torn_down():
            return
        if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.place_beside_window()
        else:
            QTimer.singleShot(50, self, self._place_once_released)

    def _keyboard_back_once_released(self, had: QWidget, floating: bool) -> None:
        """``had``, in the dock as the press began, gets the keyboard back, its window activated, once no mouse
        button is down (a press still held may be a drag out, its window the window manager's to move), if the
        dock is still as that press left it (``floating``: floated, or docked again in the main window)."""
        if self._torn_down():
            return
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            QTimer.singleShot(50, self, lambda: self._keyboard_back_once_released(had, floating))
            return
        if self.dock.isFloating() == floating and shiboken6.isValid(had) and self.dock.isAncestorOf(had):
            give_back(had)

    def area(self) -> QRect:
        """The available part of the dock's screen (its window's, else the primary one's)."""
        screen = self.dock.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect()

    def keep_on_screen(self) -> None:
        if not self._torn_down() and self.dock.isFloating() and self.dock.isVisible():
            fit_into(self.dock, self.area())

    def place_beside_window(self) -> None:
        """Beside the main window, right or left, when the screen has room for it there, where no other floating
        dock is (`room_beside`: below it, on the window's other side, or further out)."""
        if self._torn_down():
            return
        window = self.dock.parentWidget()
        if not self.dock.isFloating() or window is None:
            return
        owner, size, area = window.frameGeometry(), self.dock.frameGeometry().size(), self.area()
        # not over another dock floating there (the Dataset panel floated first): the same spot hid it
        taken = [other.frameGeometry() for other in window.findChildren(QDockWidget)
                 if other is not self.dock and other.isFloating() and other.isVisible()]
        spot = room_beside(owner, size, area, taken)
        if spot is None and taken:
            spot = room_beside(owner, size, area)  # no room they leave: beside the window all the same
        if spot is not None:  # none beside the window (only `beside`'s corner): left where it is
            self.dock.move(spot)
        self.keep_on_screen()
