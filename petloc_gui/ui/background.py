"""The one way the window runs work off the UI thread: a ``Worker`` on a QThreadPool.

A worker runs ``func(*args)``; when that returns a generator, each value it
yields is sent to the UI thread as ``yielded`` (progress, chunks of results,
the prediction loop's events), and ``quit()`` stops it at the next yield.
Results and errors arrive as ``returned`` and ``errored``, always in the UI
thread (the connections are queued). Owners that need a bound pass their own
pool: the image cache decodes one image at a time, and the prediction loop
holds one thread for its whole life so it never takes the global pool's.

There are no QThread subclasses, no polling timers and no sleeps to hand the
GIL over (superqt's ``thread_worker`` was considered; its workers swap the
process-wide ``warnings`` state from each thread, which overlapping workers
leave stale).
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThread, QThreadPool, Signal

_running: set[Worker] = set()  # keeps a started worker (and its signals) alive until it ends
_lock = threading.Lock()


class _Signals(QObject):
    yielded = Signal(object)
    returned = Signal(object)
    errored = Signal(object)  # the exception
    finished = Signal()


class Worker(QRunnable):
    def __init__(self, func: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()  # created here, so it lives in the UI thread
        self._func, self._args = func, args
        self._abort = threading.Event()
        self._done = threading.Event()

    def connect(self, *, yielded=None, returned=None, errored=None, finished=None) -> Worker:
        """Connect callbacks; they run in the UI thread whatever they are (queued connections)."""
        for signal, slot in ((self.signals.yielded, yielded), (self.signals.returned, returned),
                             (self.signals.errored, errored), (self.signals.finished, finished)):
            if slot is not None:
                signal.connect(slot, Qt.ConnectionType.QueuedConnection)
        return self

    def run(self) -> None:  # in the pool's thread
        try:
            result = self._func(*self._args)
            if inspect.isgenerator(result):
                for value in result:
                    if self._abort.is_set():
                        result.close()
                        break
                    self.signals.yielded.emit(value)
                result = None
            if not self._abort.is_set():
                self.signals.returned.emit(result)
        except Exception as exc:  # noqa: BLE001 - handed to the owner's errored callback
            self.signals.errored.emit(exc)
        finally:
            self._done.set()
            self.signals.finished.emit()
            with _lock:
                _running.discard(self)

    def quit(self) -> None:
        """Ask a generator worker to stop at its next yield."""
        self._abort.set()

    @property
    def aborted(self) -> bool:
        return self._abort.is_set()

    def is_finished(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the worker has ended (shutdown, tests); False on timeout."""
        return self._done.wait(timeout_s)


def _free_in_ui_thread(signals: _Signals) -> None:
    """Give ``signals`` to the application, to be freed in the UI thread after its last result.

    Freeing a QObject disconnects its Python slots, and PySide does that under Qt's
    connection lock while waiting for the GIL: from a pool thread (a worker's last
    reference often goes there) that can deadlock with the UI thread connecting
    anything (`main_thread_gc`). Parented, the object outlives its Python wrapper; the
    queued ``finished`` connected last, after every callback, deletes it in the UI thread.
    """
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() != app.thread():
        return  # no application, or not started from the UI thread: freed as before
    signals.setParent(app)
    signals.finished.connect(signals.deleteLater, Qt.ConnectionType.QueuedConnection)


def start(func: Callable[..., Any], *args: Any, pool: QThreadPool | None = None, priority: int = 0,
          **callbacks) -> Worker:
    """Run ``func(*args)`` on ``pool`` (default: the global pool); see ``Worker.connect`` for the callbacks.

    A higher ``priority`` runs before lower ones still waiting in the same pool.
    """
    worker = Worker(func, *args).connect(**callbacks)
    _free_in_ui_thread(worker.signals)
    with _lock:
        _running.add(worker)
    (pool or QThreadPool.globalInstance()).start(worker, priority)
    return worker
