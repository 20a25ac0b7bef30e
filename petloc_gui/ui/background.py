"""The one way the window runs work off the UI thread: a ``Worker`` on a QThreadPool.

A worker runs ``func(*args)``; when that returns a generator, each value it
yields is sent to the UI thread as ``yielded`` (progress, chunks of results,
the prediction loop's events), and ``quit()`` stops it at the next yield.
Results and errors arrive as ``returned`` and ``errored``, always in the UI
thread (the connections are queued). Owners that need a bound pass their own
pool: the image cache decodes one image at a time, and the prediction loop
holds one thread for its whole life so it never takes the global pool's.

A pool is given a worker's ``run`` to call, not the worker as a QRunnable: PySide keeps a
reference to every QRunnable a pool is given until its Qt side is deleted, which for one not
auto-deleted is never, and for one that is was not always (seen in the window): each finished
worker stayed alive, with its events and signals object, one per image the window ever decoded.

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

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QThreadPool, Signal

_running: set[Worker] = set()  # keeps a started worker (and its signals) alive until it is released
_lock = threading.Lock()


class _Signals(QObject):
    yielded = Signal(object)
    returned = Signal(object)
    errored = Signal(object)  # the exception
    finished = Signal()


class Worker:
    def __init__(self, func: Callable[..., Any], *args: Any) -> None:
        self.signals = _Signals()  # created here, so it lives in the UI thread
        self._func: Callable[..., Any] | None = func  # None once released (`_release`)
        self._args = args
        self._abort = threading.Event()
        self._done = threading.Event()
        self.pool: QThreadPool | None = None
        self.reaper: _Reaper | None = None  # set when started from the UI thread (`_adopt`)
        self.started = False  # by its pool (under `_lock`): `cancel_queued` leaves it be
        self.cancelled = False  # taken back unstarted (under `_lock`): its pool's call does nothing

    def connect(self, *, yielded=None, returned=None, errored=None, finished=None) -> Worker:
        """Connect callbacks; they run in the UI thread whatever they are (queued connections)."""
        for signal, slot in ((self.signals.yielded, yielded), (self.signals.returned, returned),
                             (self.signals.errored, errored), (self.signals.finished, finished)):
            if slot is not None:
                signal.connect(slot, Qt.ConnectionType.QueuedConnection)
        return self

    def run(self) -> None:  # in the pool's thread
        with _lock:
            if self.cancelled:
                return  # released already, by `cancel_queued`
            self.started = True
        try:
            func = self._func
            assert func is not None, "released only once run, or taken back unstarted (`cancelled`)"
            result = func(*self._args)
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
            # Ended before `finished` is sent: a finished slot asks `is_finished` (trained_here_watch's
            # `_ended`, through its `busy`), and would find the worker running still if the UI thread
            # took the queued signal before the pool thread got here.
            self._done.set()
            self.signals.finished.emit()
            # after the emit has returned (never delete a sender mid-emit): the UI thread lets go
            _hand_back(self)

    def quit(self) -> None:
        """Ask a generator worker to stop at its next yield."""
        self._abort.set()

    @property
    def aborted(self) -> bool:
        return self._abort.is_set()

    def is_finished(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the worker has ended (shutdown, tests); False on timeout. Its ``finished`` may not
        have been delivered yet (it is queued to the UI thread, and sent after the worker ends): one who then
        deletes its receivers (a test tearing the window down) waits for ``finished`` itself."""
        return self._done.wait(timeout_s)


class _Reaper(QObject):
    """Lives in the UI thread; a worker that has ended is released here, never in its pool thread.

    Freeing a QObject disconnects its Python slots, and PySide does that under Qt's
    connection lock while waiting for the GIL: from a pool thread that can deadlock
    with the UI thread connecting anything (`main_thread_gc`, ADR 0005). A worker's
    last references (``_running``, its function and arguments: often a bound method of
    a QObject) would otherwise go in the pool thread when ``run`` ends. The queued
    ``ended`` carries the worker to the UI thread, where it is let go and its signals
    object (parented to the application, so its Python wrapper cannot free it
    elsewhere) is deleted after every callback queued before it.
    """

    ended = Signal(object)  # the worker

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.ended.connect(_release, Qt.ConnectionType.QueuedConnection)


_reaper: _Reaper | None = None


def _in_ui_thread() -> QCoreApplication | None:
    """The application when called from its thread, else None."""
    app = QCoreApplication.instance()
    return app if app is not None and QThread.currentThread() == app.thread() else None


def _adopt(worker: Worker) -> None:
    """In the UI thread, as a worker starts: its signals become the application's, to be deleted
    by `_release` (no application, or not the UI thread: the worker is released as it ends)."""
    global _reaper
    app = _in_ui_thread()
    if app is None:
        return
    if _reaper is None:
        _reaper = _Reaper(app)
    worker.signals.setParent(app)
    worker.reaper = _reaper


def _hand_back(worker: Worker) -> None:
    """In the pool thread, last thing: the worker goes to the UI thread to be released."""
    if worker.reaper is not None:
        worker.reaper.ended.emit(worker)
    else:
        _release(worker)


def _release(worker: Worker) -> None:
    """Let a worker go (in the UI thread when it was adopted)."""
    with _lock:
        _running.discard(worker)
    worker._func, worker._args = None, ()
    if worker.reaper is not None:
        worker.reaper = None
        worker.signals.deleteLater()


def cancel_queued(pool: QThreadPool) -> None:
    """Release every worker of ``pool`` that has not started yet; when the pool calls it, it does
    nothing (a pool's ``clear()`` drops them without their ``finished``, which kept them forever)."""
    with _lock:
        queued = [w for w in _running if w.pool is pool and not w.started]
        for worker in queued:
            worker.cancelled = True
    for worker in queued:
        worker._done.set()
        _release(worker)


def start(func: Callable[..., Any], *args: Any, pool: QThreadPool | None = None, priority: int = 0,
          **callbacks) -> Worker:
    """Run ``func(*args)`` on ``pool`` (default: the global pool); see ``Worker.connect`` for the callbacks.

    A higher ``priority`` runs before lower ones still waiting in the same pool.
    """
    worker = Worker(func, *args).connect(**callbacks)
    worker.pool = pool or QThreadPool.globalInstance()
    _adopt(worker)
    with _lock:
        _running.add(worker)
    worker.pool.start(worker.run, priority)  # the callable is let go once called
    return worker
