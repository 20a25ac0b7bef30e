"""What a save shows while it runs: "Saving 3 of 5: c.xml…" on the status line, each row as it lands.

Saves run on the UI thread: their questions (a file changed by another program, a link out of
the folder) are the window's, and so are the documents they write, which an edit made during a
save in a worker would change under it. So the event loop does not run until the batch is done:
on a slow disk (a network share, a USB stick: 0.5 s an fsync) Save All of five images took 5 s with
every row still "edited (unsaved)" and no word. The status line and the rows are painted directly
(`QWidget.repaint` paints at once all that is marked for painting in the window), never by running
the event loop mid-save (``processEvents``), which would let a file watcher, a prediction or a key
act on the documents being written.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow, QWidget

from petloc_gui.core.text import visible

# A batch on a fast disk (Save All after a rename: a thousand files of a few milliseconds) is not
# slowed down by a paint per file; on a slow one every file is painted.
PAINT_EVERY_S = 0.05


class SaveProgress:
    """The progress of one batch of ``total`` saves in ``window`` (its status bar, else all of it)."""

    def __init__(self, window: QWidget, show_status: Callable[[str, int], None], total: int) -> None:
        self._window = window
        self._show_status = show_status
        self._total = total
        self._painted_at: float | None = None
        self.said = False  # "Saving…" is on the status line (the batch's end replaces it: saved, failed, a note)

    def saving(self, number: int, name: str) -> None:
        """File ``name``, the ``number``-th (from 1) of the batch, is written next: said, and painted
        with the rows saved before it."""
        shown = visible(name)
        self._show_status(f"Saving {shown}…" if self._total == 1
                          else f"Saving {number} of {self._total}: {shown}…", 0)
        self.said = True
        self.paint()

    def paint(self, now: bool = False) -> None:
        """Paint what changed (the status line, the rows saved), at most every `PAINT_EVERY_S` unless ``now``."""
        started = time.monotonic()
        if not now and self._painted_at is not None and started - self._painted_at < PAINT_EVERY_S:
            return
        target = self._window.statusBar() if isinstance(self._window, QMainWindow) else self._window
        target.repaint()  # with it, every widget marked for painting: the rows just saved
        self._painted_at = time.monotonic()
