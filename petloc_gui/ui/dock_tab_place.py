"""A dock's place in the main window's Tab order, kept when it floats and docks again.

Qt's Tab order is the window's focus chain, in the order its widgets were made. Floating a dock takes its widgets
out of that chain into the dock's own window, and docking it again puts them back at the chain's end, not where they
were: after the Images list had floated and docked again, Tab from the image went to the Label box before the list's
search box, and Shift+Tab the other way round. `DockTabPlace` remembers the widget before its Tab stops in the chain
(the anchor) as it is made (docked, in the window's creation order, before the saved layout may float it) and as a
press on the dock's title or float button begins (what floats it: its button, a double click or a drag on its
title), and, once it is docked again, puts its Tab stops back after that widget, in the order they have among
themselves: all of them, those inside another one too, and the anchor found walking back from the first of them, not
from the dock, which stays at the chain's end (the second float and dock put the stops after the Label box). The
walk back to the anchor passes scroll bars before their containers: `tab_chain.kept` keeps each parent's wrapper,
else a container's, made for the walk, took the scroll bar's with it (it stopped with "Internal C++ object
(QScrollBar) already deleted", and PySide 6.11 crashed printing that error from this event filter). A dock the saved
layout floated (no press: no anchor then) kept Qt's order once docked, until the anchor was also recorded as the
dock is made.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QWidget

from petloc_gui.ui.tab_chain import kept


def takes_focus(widget: QWidget) -> bool:
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def chain_anchor(dock: QDockWidget) -> QWidget | None:
    """The nearest widget outside ``dock`` before its first Tab stop in its window's focus chain that takes
    the focus (else the window itself, where the chain begins); None while the dock floats (its chain is its
    own). The walk starts from the first Tab stop, not the dock: `DockTabPlace.put_back` moves only the
    stops, the dock itself staying at the chain's end, where a walk from it found the widget Qt had put last
    (the Label box) and the second float and dock put the stops after that."""
    window = dock.window()
    if window is dock:
        return None
    stops = tab_stops(dock)
    start = stops[0] if stops else dock
    widget = kept(start.previousInFocusChain())
    while widget is not None and widget is not window \
            and (widget is dock or dock.isAncestorOf(widget) or not takes_focus(widget)):
        widget = kept(widget.previousInFocusChain())
    return widget


def tab_stops(dock: QDockWidget) -> list[QWidget]:
    """The dock's widgets that take the focus, in focus-chain order, those inside another of them too: Qt's
    `setTabOrder` moves a widget with only the focus children that follow it at once (a scroll area's
    viewport), so the Dataset panel's summary and problem list, left behind at the chain's end, came before
    its scroll area the next time and the dock's stops were put back in that order."""
    stops: list[QWidget] = []
    widget = kept(dock.nextInFocusChain())
    seen = 0
    while widget is not None and widget is not dock and seen < 10_000:
        seen += 1
        if dock.isAncestorOf(widget) and takes_focus(widget):
            stops.append(widget)
        widget = kept(widget.nextInFocusChain())
    return stops


class DockTabPlace(QObject):
    """Keeps ``dock``'s Tab stops after the widget they followed in the window's chain (`chain_anchor`),
    recorded as the dock is made (docked: the main window restores its saved layout, which may float it, after
    making its docks) and as a press on the docked dock's title or float button begins."""

    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock)  # its child, holding no reference to it (no cycle for the collector)
        self._anchor: QWidget | None = None
        dock.installEventFilter(self)
        float_button = dock.findChild(QAbstractButton, "qt_dockwidget_floatbutton")
        if float_button is not None:  # it takes its own press
            float_button.installEventFilter(self)
        dock.topLevelChanged.connect(self._floated)
        self.remember()  # floated by the saved layout there is no press to record it at

    @property
    def dock(self) -> QDockWidget:
        parent = self.parent()
        assert isinstance(parent, QDockWidget)
        return parent

    def remember(self) -> None:
        """Record the anchor, if the dock is docked now."""
        if not self.dock.isFloating():
            self._anchor = chain_anchor(self.dock)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.remember()  # before Qt floats the dock
        return False

    def _floated(self, floating: bool) -> None:
        if not floating:  # once Qt has put the widgets back in the window's chain
            QTimer.singleShot(0, self, self.put_back)

    def put_back(self) -> None:
        """The dock's Tab stops after the anchor again, if it is still in the dock's window."""
        dock, anchor = self.dock, self._anchor
        if dock.isFloating():
            return
        if anchor is None or not shiboken6.isValid(anchor) or anchor.window() is not dock.window() \
                or dock.isAncestorOf(anchor):
            return  # the anchor went, or there was none (a dock made floating): Qt's order stays
        previous = anchor
        for widget in tab_stops(dock):
            QWidget.setTabOrder(previous, widget)
            previous = widget
