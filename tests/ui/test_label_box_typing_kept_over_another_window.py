"""Typing in the Label box survives the window losing the keyboard (Alt+Tab to another program, a window-modal
question): "cat" typed over a box labelled dog went back to "dog", the status line saying the typed label was not
applied, and on return the keyboard was back in the box with the typing gone. Only a focus-out that leaves the
box for good (a click, Tab, a save) drops it.

Offscreen Qt activates no other window, so the focus-out Qt sends then (reason ActiveWindowFocusReason) is sent
here; the whole switch on a real display is in the docstring of `test_typing_kept_when_the_window_loses_the_keyboard`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from .test_label_box_typing_left import NOT_APPLIED, _label, _shown_with_a_dog, _type


def _window_loses_then_gets_the_keyboard(window, then=None) -> None:
    combo = window.label_combo
    QApplication.sendEvent(combo, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.ActiveWindowFocusReason))
    if then is not None:
        then()
    QApplication.sendEvent(combo, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.ActiveWindowFocusReason))


def test_typing_kept_when_the_window_loses_the_keyboard(qtbot, window, folder):
    """(On Xvfb with a window manager: type "cat", activate another top-level window, activate this one again:
    the box reads "cat", the box's label is still dog, and Enter applies cat.)"""
    _shown_with_a_dog(qtbot, window, folder)
    typing_in = _type(qtbot, window, "cat")
    away = {}
    _window_loses_then_gets_the_keyboard(window, lambda: away.update(text=window.label_combo.currentText(),
                                                                      label=_label(window)))
    assert away == {"text": "cat", "label": "dog"}  # kept while away, and not applied by Qt's activation either
    assert window.label_combo.currentText() == "cat" and _label(window) == "dog"
    assert window.statusBar().currentMessage() != NOT_APPLIED.format("cat")
    qtbot.keyClick(typing_in, Qt.Key_Return)  # Enter still applies it
    assert _label(window) == "cat" and window.label_combo.currentText() == "cat"


def test_a_new_class_typed_is_kept_too(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    typing_in = _type(qtbot, window, "rabbit")  # no item matches: nothing for Qt to activate
    _window_loses_then_gets_the_keyboard(window)
    assert window.label_combo.currentText() == "rabbit" and _label(window) == "dog"
    qtbot.keyClick(typing_in, Qt.Key_Return)
    assert _label(window) == "rabbit"


def test_typing_left_by_tab_is_still_dropped(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    _type(qtbot, window, "cat")
    QApplication.sendEvent(window.label_combo, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert window.label_combo.currentText() == "dog" and _label(window) == "dog"
    assert window.statusBar().currentMessage() == NOT_APPLIED.format("cat")
