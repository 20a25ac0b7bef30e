"""The keyboard back where it was when a modal dialog opened, also when that was another window of petloc's.

When a modal dialog closes, the window system activates the dialog's parent window and Qt gives the keyboard
to that window's focus widget: right when the keyboard was in that window. Every dialog petloc opens from the
main window (Edit → Classes, Retrain…, F1, About, the questions a save or a reload asks, the folder choosers)
has the main window as its parent, so with the Images list floating (a window of its own) the keyboard came
back to the image, not to the list the annotator was walking with the arrows: D, A and the arrows acted on
the image until a click on the list.

`KeyboardAfterDialogs` follows where the keyboard is (QApplication's ``focusChanged``): the widget that had it
when a modal dialog took it is given it back once it lands in another window after the dialog closed. A move
made on purpose after the dialog (a folder opened gives the image the keyboard: `MainWindow.focus_canvas`)
calls `forget`, and stands.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def _usable(widget: QWidget | None) -> bool:
    """``widget`` still there (not deleted), shown and enabled: one the keyboard can go to."""
    return widget is not None and shiboken6.isValid(widget) and widget.isVisible() and widget.isEnabled()


class KeyboardAfterDialogs(QObject):
    """Gives the keyboard back to the widget that had it when a modal dialog opened (see the module)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._last: QWidget | None = None  # the last widget with the keyboard outside modal dialogs
        self._in_dialog = False  # a modal dialog has the keyboard
        self._opened_from: QWidget | None = None  # `_last` when a modal dialog took the keyboard
        self._back: QWidget | None = None  # given the keyboard at the next turn of the event loop
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # (a window exists: so does the application)
        app.focusChanged.connect(self._focus_changed)

    def forget(self) -> None:
        """The keyboard was given somewhere on purpose: where it was when the dialog opened is not wanted back."""
        self._opened_from = self._back = None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return  # between two windows: where it lands next is what counts
        if QApplication.activeModalWidget() is not None:
            if not self._in_dialog:  # (a question opened from the dialog, or a popup in it, is still the dialog)
                self._in_dialog = True
                self._opened_from = self._last
            return
        self._last = new
        back, self._opened_from = self._opened_from, None
        if not self._in_dialog:
            return
        self._in_dialog = False
        # landed in the window it was in: that window's focus widget is it, or a widget given the keyboard since
        if _usable(back) and back is not None and back.window() is not new.window():
            self._back = back
            QTimer.singleShot(0, self, self._give_back)  # (not from inside Qt's own focus change)

    def _give_back(self) -> None:
        back, self._back = self._back, None
        if back is None or not _usable(back) or QApplication.activeModalWidget() is not None:
            return
        # its window activated too, as a floating dock's own ways back do: the focus alone moves within a window
        # that does not get the keys
        back.window().activateWindow()
        back.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
