"""The one rule for the window's single keys: a widget with the keyboard that moves within itself keeps its keys.

The arrows (with Shift, Alt, Alt+Shift), Space and Home/End/PgUp/PgDown are
the window's shortcuts (nudge and resize the box, next to review, first and
last image): on the image, or anywhere that has no use for them. A text box,
a drop-down or a spin box uses them all itself, a list or table, a slider or
a tab bar the arrows, and a button Space: with one of those focused the window's
shortcut moved the image's box without a word (Down in the search box or on
the "All statuses" drop-down), or Space on a drop-down went to the next image.
A scrolled panel (the Dataset panel, a QScrollArea) scrolls by the arrows and
Home/End/PgUp/PgDown, from itself or from anything in it: Down there to scroll
nudged the box, PgDown showed the next image. The image panes are scroll areas
too (QGraphicsView), but no QScrollArea: their keys stay the window's.
The menu bar has the keyboard after a menu left by Esc (Alt+V, Esc): it walks its menus with the arrows,
opens the one shown with Return, Enter or Space, another by its letter; the window's arrows moved the box there.
Qt asks the focused widget first (a ShortcutOverride event); this answers for
it, for every shortcut of those keys, the ones added later too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

ARROWS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down})
PAGING = frozenset({Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})
OPENING = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space})
# Ctrl+arrows and the like are commands (Ctrl+Shift+Up: brighter), not a move within a widget
MOVING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier
# typed into or picked from: every key that moves within them, and Space (a space, or the drop-down's list)
ENTRIES = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
# walked: the arrows. Home/End/PgUp/PgDown stay the window's (in the image list they show its first, last,
# next, previous image; a table's own Home only went to the row's first cell), and so does Space (next to
# review: a one-row selection has no use for it)
WALKED = (QAbstractItemView, QAbstractSlider, QTabBar)


def in_scrolled_panel(widget: QWidget | None) -> bool:
    """Whether ``widget`` is a scrolled panel of widgets (a QScrollArea) or lies in one, in its window. The
    panel scrolls by the arrows and Home/End/PgUp/PgDown; a widget in it with no use for one of them leaves it
    unused, and Qt passes it on to the parent, up to the panel. A list in it keeps them all (its own page,
    first and last row: no other image)."""
    while widget is not None:
        if isinstance(widget, QScrollArea):
            return True
        if widget.isWindow():
            return False
        widget = widget.parentWidget()
    return False


def menu_letter(bar: QMenuBar, key: int) -> bool:
    """Whether ``key`` is the letter of one of ``bar``'s menus (V for "&View"), which opens it there."""
    alt_letter = QKeySequence(QKeyCombination(Qt.KeyboardModifier.AltModifier, Qt.Key(key)))
    return any(QKeySequence.mnemonic(action.text()) == alt_letter for action in bar.actions())  # V: Alt+V's


def keeps_key(widget: QWidget, key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """Whether ``widget``, with the keyboard, uses ``key`` pressed with ``modifiers`` itself."""
    modifiers &= ~Qt.KeyboardModifier.KeypadModifier  # the keypad's arrows are arrows
    arrow = key in ARROWS and not modifiers & ~MOVING_MODIFIERS
    paging = key in PAGING and not modifiers & ~MOVING_MODIFIERS
    space = key == Qt.Key.Key_Space and modifiers == Qt.KeyboardModifier.NoModifier
    if isinstance(widget, ENTRIES):
        return arrow or paging or space
    if isinstance(widget, QMenuBar):  # focused only in its keyboard mode (Alt, or a menu left by Esc)
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        return arrow or (plain and (key in OPENING or menu_letter(widget, key)))
    if (arrow or paging) and in_scrolled_panel(widget):
        return True
    if isinstance(widget, WALKED):
        return arrow
    if isinstance(widget, QAbstractButton):  # pressed by Space; radio buttons step along with the arrows
        return space or (key in ARROWS and widget.autoExclusive())
    return False


class FocusedWidgetKeys(QObject):
    """Installed on the application (Qt sends the question to the focused widget, in any window); it goes
    with its parent, the main window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        if isinstance(event, QKeyEvent) and keeps_key(watched, event.key(), event.modifiers()):
            event.accept()  # the key goes to the widget as a key press, no shortcut fires
            return True
        return False


def keep_widget_keys(window: QWidget) -> FocusedWidgetKeys:
    """The rule for as long as ``window`` lives."""
    rule = FocusedWidgetKeys(window)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(rule)
    return rule
