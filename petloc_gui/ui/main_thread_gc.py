"""Python's cyclic garbage collection, run on the Qt main thread only.

CPython collects in whichever thread crosses an allocation threshold, so a
background worker (an image decode, the annotation scan) can end up freeing Qt
objects caught in reference cycles. Freeing one disconnects its Python slots:
PySide does that under Qt's connection lock and then waits for the GIL, while
the main thread, holding the GIL, waits for that lock in a ``connect()``. Both
wait forever (seen in a test run, thirteenth session: a worker collecting in
``voc_tree.read_voc_tree`` against ``QTimer.timeout.connect`` on the main
thread). So while the app runs, automatic collection is off and a main-thread
timer collects what CPython's own trigger would have (pyqtgraph's
``GarbageCollector`` and calibre do the same), checked once per tick: the
youngest generations by their allocation thresholds, the oldest only when the
objects promoted into it since the last full collection reach a quarter of
those that survived it (CPython's rule against quadratic full collections; with
TensorFlow loaded a full collection takes ~0.25 s, counting the oldest
generation ~0.035 s, measured on the 2-core machine). The rule the rest relies
on (`background`): no worker thread connects, disconnects or drops the last
reference to a QObject with Python slots.
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
        self._long_lived = len(gc.get_objects(2))  # survivors of the last full collection (or now)
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
        if due < 0:
            return 0
        if due == 2 and len(gc.get_objects(2)) - self._long_lived < self._long_lived // 4:
            due = 1  # too few new long-lived objects to pay for a full collection yet
        found = gc.collect(due)
        if due == 2:
            self._long_lived = len(gc.get_objects(2))
        return found

    def stop(self) -> None:
        """Hand collection back to CPython (tests; the app keeps its collector to the end, when
        workers nobody waits for may still run)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
