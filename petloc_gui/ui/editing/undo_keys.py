"""Which keys the Label box (`label_box.LabelBox`) takes as a text field's Undo and Redo, wherever it runs."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QKeySequence

# The window's Redo keys (`main_window`), taken in the box as a text field's whatever Qt binds where it runs: X11's
# text field Redo is Ctrl+Shift+Z alone, so Ctrl+Y was the window's Redo over typing (`LabelBox._undo_key`)
WINDOW_REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")


def is_redo(event: QKeyEvent) -> bool:
    """Whether key ``event`` is a text field's Redo where the box runs, or one of the window's Redo keys."""
    pressed = QKeySequence(event.keyCombination())
    return event.matches(QKeySequence.StandardKey.Redo) or any(pressed == QKeySequence(keys)
                                                               for keys in WINDOW_REDO_KEYS)


def is_undo_or_redo(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo) or is_redo(event)
