"""Ctrl+Q quits from the application's other windows too (the Retraining window is one of its own,
not a dialog): it did nothing there, as most applications' Quit does not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog


def _ctrl_q_in(qtbot, window, other: QDialog) -> int:
    """How many times Ctrl+Q pressed in ``other`` (shown and active) triggers the window's Quit."""
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: other.isActiveWindow())
    triggered = []
    window.act["quit"].triggered.connect(lambda: triggered.append(True))
    qtbot.keyClick(other, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    return len(triggered)


def test_ctrl_q_in_another_window_of_the_app_triggers_quit(qtbot, window):
    other = QDialog(window)
    other.setWindowFlags(Qt.WindowType.Window)  # as RetrainProgress: a window of its own beside the main one
    assert _ctrl_q_in(qtbot, window, other) == 1


def test_not_while_a_modal_dialog_is_open(qtbot, window):
    # Quitting under the unsaved-changes question or the Retrain dialog must not happen by a key.
    modal = QDialog(window)
    modal.setModal(True)
    assert _ctrl_q_in(qtbot, window, modal) == 0
