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
those that survived it (CPython's rule against quadratic full collections).
The rule the rest relies on (`background`): no worker thread connects,
disconnects or drops the last reference to a QObject with Python slots.

TensorFlow's import (the model worker's, wrapped in `lasting_import`) makes
~740k objects that live as long as the process, ~4k of them garbage. Collected
as they came, each tick's collection went through the new ones (50-200 ms a
second while it imported) and the first of the middle generation after it
through all of them: 0.5-1.0 s, the window frozen at every start (a full
collection with TensorFlow and a model loaded took 0.4-0.8 s on the 2-core
machine). During that import nothing is collected now, and after it
``gc.freeze()`` leaves every object then alive out of every later collection
(a full one then takes milliseconds; the import's few garbage objects stay).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

_lock = threading.Lock()  # a freeze (any thread) never runs inside a collection (the UI thread's)
_imports = 0  # lasting imports under way: nothing is collected meanwhile
_freezes = 0  # freezes so far: the collector counts the oldest generation afresh after one


@contextlib.contextmanager
def lasting_import() -> Iterator[None]:
    """Around an import whose objects live as long as the process (TensorFlow's), in any thread: the
    collector collects nothing meanwhile, and once it has succeeded ``gc.freeze()`` moves every object
    alive out of every later collection (a failed one may leave garbage: nothing is frozen)."""
    global _imports, _freezes
    with _lock:
        _imports += 1
    imported = False
    try:
        yield
        imported = True
    finally:
        with _lock:
            _imports -= 1
            if imported:
                gc.freeze()  # frees nothing, touches no object: safe in a worker thread
                _freezes += 1

CHECK_INTERVAL_MS = 1000  # cheap when nothing is due: three counters compared


class MainThreadCollector(QObject):
    """Owns the process's cyclic collection while it runs; ``stop()`` hands it back to CPython."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._long_lived = len(gc.get_objects(2))  # survivors of the last full collection (or now)
        self._pending = 0  # objects promoted into the oldest generation since (CPython's long_lived_pending)
        self._freezes = _freezes
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> int:
        """Collect the oldest generation that is due, as CPython's own trigger would; the objects
        found unreachable (0 when nothing was due, or during a `lasting_import`)."""
        counts = gc.get_count()
        due = -1
        for generation in range(3):
            if counts[generation] <= self.thresholds[generation]:
                break
            due = generation
        if due < 0:
            return 0
        with _lock:
            if _imports:
                return 0  # its objects are frozen when it ends: going through them now is time lost
            if self._freezes != _freezes:  # every object alive then is out of reach: counted afresh
                self._freezes, self._long_lived, self._pending = _freezes, 0, 0
            if due == 2 and self._pending < self._long_lived // 4:
                due = 1  # too few new long-lived objects to pay for a full collection yet
            # what a collection of the middle generation promotes, counted in the lists it goes through
            # anyway (not the oldest generation's: 400k objects before the freeze, for a rule)
            young = len(gc.get_objects(0)) + len(gc.get_objects(1)) if due == 1 else 0
            found = gc.collect(due)
            if due == 2:
                self._long_lived, self._pending = len(gc.get_objects(2)), 0
            elif due == 1:
                self._pending += max(0, young - found)
        return found

    def stop(self) -> None:
        """Hand collection back to CPython (tests; the app keeps its collector to the end, when
        workers nobody waits for may still run)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
