"""One way to show a modal dialog: run it, then let Qt delete it.

A dialog parented to the window lives as long as the window unless it is
deleted: every Ctrl+L, F1 or Retrain… would leave one more behind. Reading
the dialog after it is closed (its options, the button clicked) still
works inside the ``with``: ``deleteLater`` waits for the event loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtWidgets import QDialog

DialogT = TypeVar("DialogT", bound=QDialog)


@contextmanager
def modal(dialog: DialogT) -> Iterator[DialogT]:
    """``with modal(SomeDialog(parent)) as dialog: if dialog.exec(): ...`` deletes it after."""
    try:
        yield dialog
    finally:
        dialog.deleteLater()
