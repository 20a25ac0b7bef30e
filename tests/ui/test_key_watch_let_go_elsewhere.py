"""A watched key (A, D) held in petloc and let go after another program took the keyboard: its release never
reached petloc, so the watch read it as still down and the menu's Accept or Duplicate after it was refused as a
held key until the key was pressed again. The application losing the keyboard lets every watched key go."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from petloc_gui.ui.editing.accept_guard import KeyReleaseWatch


def test_keys_held_when_the_application_lost_the_keyboard_are_let_go(qapp):
    watch = KeyReleaseWatch()
    watch.eventFilter(None, QKeyEvent(QEvent.KeyPress, Qt.Key_A, Qt.NoModifier, "a", True))  # held: a repeat
    assert watch.held(Qt.Key_A)
    watch.eventFilter(None, QEvent(QEvent.ApplicationDeactivate))
    assert not watch.held(Qt.Key_A)
