"""Escape pressed in the next modal dialog once it has the keyboard, as a user answers a question with Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def escape_in_the_next_dialog(opened: list[str]) -> None:
    """Escape in the next modal dialog once it has the keyboard; its class and title kept in ``opened``."""

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or focus.window() is not dialog:
            QTimer.singleShot(20, press)
            return
        opened.append(f"{type(dialog).__name__}: {dialog.windowTitle()}")
        QTest.keyClick(focus, Qt.Key.Key_Escape)

    QTimer.singleShot(0, press)
