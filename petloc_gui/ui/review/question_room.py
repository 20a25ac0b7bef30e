"""The room a line of a `QMessageBox`'s text has before the box's label wraps it, measured on the box itself.

A message box is as wide as its text up to half its screen (at most 500 pixels, or its row of buttons when
wider): past that its label wraps (qmessagebox.cpp's "soft limit"). The unsaved-changes question fits each image
it lists to that room (`save_texts`): a fixed cut in characters, 40 for an 800-pixel screen at 150%, cut on a
large screen names that fitted whole, and 60 wrapped on a small one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

SOFT_LIMIT_PX = 500  # a message box's widest before its text wraps, on a screen twice as wide or more
_LABEL_NAME = "qt_msgbox_label"  # QMessageBox's name for the label of its text


def line_fits(parent: QWidget | None, buttons: QMessageBox.StandardButton) -> Callable[[str], bool]:
    """Whether a line fits unwrapped in the text of a question box with ``buttons`` (and the question icon),
    opened over ``parent`` (None: on the primary screen), at its widest before it wraps. Measured in the box's own
    font and layout: a box laid out at that width, never shown."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    probe = QMessageBox(QMessageBox.Icon.Question, "", "", buttons)  # (no parent: gone with this call)
    layout = probe.layout()
    assert layout is not None  # (QMessageBox lays itself out in its constructor)
    widest = max(min(screen.availableGeometry().width() // 2, SOFT_LIMIT_PX), layout.minimumSize().width())
    layout.setGeometry(QRect(0, 0, widest, layout.sizeHint().height()))
    label = probe.findChild(QLabel, _LABEL_NAME)
    assert label is not None  # (QMessageBox makes its text's label in its constructor)
    room, metrics = label.contentsRect().width(), QFontMetricsF(label.font())
    return lambda line: metrics.horizontalAdvance(line) <= room
