"""Python's cyclic garbage collection, run on the Qt main thread only.

CPython collects in whichever thread crosses an allocation threshold, so a
background worker (an image decode, the annotation scan) can end up freeing Qt
objects caught in reference cycles. Freeing one disconnects its Python slots:
PySide does that under Qt's connection lock and then waits for the GIL, while
the main thread, holding the GIL, waits for that lock in a ``connect()``. Both
wait forever (seen in a test run, thirteenth session: a worker collecting in
``voc_tree.read_voc_tree`` against ``QTimer.timeout.connect`` on the main
thread). So while the app runs, automatic collection is off and a main-thread
timer collects a generation whenever its allocation count passes the
threshold CPython would have used (pyqtgraph's ``GarbageCollector`` and
calibre do the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 1000  # cheap when nothing is due: three counters compared


class MainThreadCollector(QObject):
    """Owns the process's cyclic collection while it runs; ``stop()`` hands it back to CPython."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> int:
        """Collect the oldest generation that is due, as CPython's own trigger would; the objects
        found unreachable (0 when nothing was due)."""
        counts = gc.get_count()
        due = -1
        for generation in range(3):
            if counts[generation] <= self.thresholds[generation]:
                break
            due = generation
        return gc.collect(due) if due >= 0 else 0

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
