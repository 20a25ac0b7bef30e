"""Tab and Shift+Tab in the main window stop only on what the user can see.

Qt skips hidden widgets when Tab moves the focus, but its dock layout hides neither a dock that is a tab
behind another (the image list behind the Dataset panel) nor the tab bar of a dock area left with one
dock (the Dataset panel closed): it parks them outside the window, at (-500 - width, -500 - height)
(QWidgetAnimator, given an empty place for them), where they stay "visible". So Tab from the image
walked through the parked list's search box, filters, table and button ("zzz" typed there filtered the
list unseen), and one Tab stop in every layout was the parked tab bar, the focus shown nowhere.

`next_tab_stop` walks the focus chain as Qt does (`QApplicationPrivate::focusNextPrevChild_helper`:
focus policy, focus proxies, enabled and shown) and also passes over a widget that lies wholly outside
its parent, or sits in one that does (`parked`), and a widget of another window (a floating dock: the
focus set there moved no key, its window not the active one).

Each widget a walk is handed goes back to its own parent's keeping (`kept`): PySide records the widget a call
returns as the child of the one it was called on (its return-value heuristic, for whose Python wrapper keeps
whose), so the walk tied the wrappers in Tab order, and into loops nothing else held (a scroll area is its
viewport's focus proxy; Shift+Tab after Tab). The collector (`main_thread_gc`) freed such a loop, and PySide,
clearing it, gave each widget in it to Python, which deleted it in the live window: the Dataset panel's
figures after Tab to its "N problems" link, the image list's viewport. The parent's own wrapper is kept first,
up to the window: PySide, freeing a wrapper, marks its children's wrappers deleted, and a parent Qt made (a scroll
bar's container), reached first by a walk backwards, had a wrapper made there and held by no one: Shift+Tab from the
image, as the first key in a new window, stopped with "Internal C++ object (QToolButton) already deleted" and took
petloc down (PySide 6.11 crashes printing an error raised in `focusNextPrevChild`).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def kept(widget: QWidget | None) -> QWidget | None:
    """``widget``, just returned by a call on another widget (``nextInFocusChain``, ``focusProxy``,
    ``focusWidget``), recorded by PySide as its parent's again, or Python's for a window made here."""
    if widget is None:
        return None
    parent = kept(widget.parentWidget())  # its wrapper held by its own parent's, up to the window
    if parent is not None:
        widget.setParent(parent)  # the parent it has: nothing changes for Qt
    elif shiboken6.createdByPython(widget):
        widget.setParent(None)  # a window of ours (the main window, where the chain comes round)
    return widget


def parked(widget: QWidget, window: QWidget) -> bool:
    """``widget``, or a parent of it inside ``window``, lies wholly outside its parent: nothing of it
    can be seen, though Qt calls it visible."""
    while widget is not window and not widget.isWindow():
        parent = widget.parentWidget()
        if parent is None:
            return False
        if not parent.rect().intersects(widget.geometry()):
            return True
        widget = parent
    return False


def _deepest_proxy(widget: QWidget) -> QWidget | None:
    proxy = kept(widget.focusProxy())
    while proxy is not None and (deeper := kept(proxy.focusProxy())) is not None:
        proxy = deeper
    return proxy


def tab_policy() -> int:
    """The focus policy a Tab stop needs: Tab focus, or strong focus where the platform tabs only to
    text fields and lists (macOS without full keyboard access), as Qt's own walk."""
    hints = QGuiApplication.styleHints()
    every_control = hints is None or hints.tabFocusBehavior() == Qt.TabFocusBehavior.TabFocusAllControls
    return (Qt.FocusPolicy.TabFocus if every_control else Qt.FocusPolicy.StrongFocus).value


def takes_tab(widget: QWidget, window: QWidget, start: QWidget, forward: bool, policy: int) -> bool:
    """Tab (``forward``) or Shift+Tab from ``start`` stops on ``widget`` in ``window``, by Qt's rule (its focus
    proxy's policy against ``policy``, `tab_policy`; a compound widget entered once) and shown on screen."""
    proxy = _deepest_proxy(widget)
    taker = proxy or widget
    if not taker.isEnabled() or taker.focusPolicy().value & policy != policy or proxy is start:
        return False
    # a compound widget (its focus proxy a child) is entered once, not again from its child
    if proxy is not None and (proxy.isAncestorOf(widget) if forward else widget.isAncestorOf(proxy)):
        return False
    return (widget.isEnabled() and widget.isVisibleTo(window) and widget.window() is window
            and not parked(widget, window))


def next_tab_stop(window: QWidget, forward: bool) -> QWidget | None:
    """The widget Tab (``forward``) or Shift+Tab moves the focus to in ``window``; None: none."""
    start = kept(window.focusWidget()) or window
    policy = tab_policy()
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    widget = kept(step(start))
    while widget is not None and widget is not start:
        if takes_tab(widget, window, start, forward, policy):
            return widget
        widget = kept(step(widget))
    return None


class OnScreenTabChain:
    """Mixed into the main window: Tab and Shift+Tab pass over the parked docks and tab bars."""

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt's names
        window = self
        assert isinstance(window, QWidget), "mixed into the main window"
        target = next_tab_stop(window, next)
        if target is None:
            return False
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True
