"""The keyboard given back, once a modal dialog closes, to the widget that had it when the dialog opened.

When a modal dialog closes, the window system activates the dialog's parent window and Qt gives the keyboard
to that window's focus widget: right when the keyboard was in that window. Every dialog petloc opens from the
main window (Edit → Classes, Retrain…, F1, About, the questions of a save or a reload, the folder choosers)
has the main window as its parent, so with the Images list floating (a window of its own) the keyboard came
back to the image, not to the list the annotator was walking with the arrows: the next arrow moved nothing in
the list, and D or A acted on the image.

``with keyboard_back(): dialog.exec()`` around each such dialog, and `open_with_keyboard_back` for one shown
with ``open()``: no application-wide watcher (one that followed ``QApplication.focusChanged`` made the test
suite's process crash once windows were deleted under it: the revert 8c12e4bd). Where the dialog's answer
gives the keyboard on purpose (a folder opened gives it to the image: `MainWindow.focus_canvas`), it says so
(`KeyboardBack.given_elsewhere`), and that stands; so does another window that took the keyboard while the
dialog was open.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class KeyboardBack:
    """What `keyboard_back` yields: the widget given the keyboard back when the ``with`` ends."""

    def __init__(self) -> None:
        self.widget: QWidget | None = QApplication.focusWidget()

    def given_elsewhere(self) -> None:
        """What the dialog's answer led to gave the keyboard on purpose (a folder opened: to its image): it stays
        there. (Given back, the keyboard could win over it: a floating list's window is activated by the window
        system after the move, which found no window active to turn away from.)"""
        self.widget = None


@contextmanager
def keyboard_back() -> Iterator[KeyboardBack]:
    """The widget that has the keyboard now is given it back when the ``with`` ends (see the module)."""
    back = KeyboardBack()
    try:
        yield back
    finally:
        give_back(back.widget)


def open_with_keyboard_back(dialog: QDialog) -> None:
    """``dialog.open()`` (it returns at once), the keyboard given back when ``dialog`` finishes (the connection
    goes with the dialog)."""
    had = QApplication.focusWidget()
    dialog.finished.connect(lambda _result: give_back(had))
    dialog.open()


def give_back(widget: QWidget | None) -> None:
    """Give the keyboard to ``widget``, if it is still there (not deleted while the dialog was open), shown and
    enabled, and if the keyboard is where closing a dialog puts it: nowhere yet, or in the widget's own window
    or in that window's parent (the main window of a floating list). Another window that has it (the Retraining
    window brought forward while the dialog was open) took it on purpose, and keeps it. Within a dialog still
    open (this one asked from inside it), Qt gives the keyboard back itself."""
    if not _usable(widget) or QApplication.activeModalWidget() is not None:
        return
    assert widget is not None  # (`_usable`)
    now = QApplication.focusWidget()
    if now is widget:
        return
    own = widget.window()
    if now is not None and now.window() not in (own, _parent_window(own)):
        return
    if not own.isActiveWindow():
        # a floating dock's window is activated too, as its own ways back do: the focus alone moves within a
        # window that does not get the keys
        own.activateWindow()
    widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def _usable(widget: QWidget | None) -> bool:
    """``widget`` still there (not deleted), shown and enabled: one the keyboard can go to."""
    return widget is not None and shiboken6.isValid(widget) and widget.isVisible() and widget.isEnabled()


def _parent_window(window: QWidget) -> QWidget | None:
    parent = window.parentWidget()
    return parent.window() if parent is not None else None
