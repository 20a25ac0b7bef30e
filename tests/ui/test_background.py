"""The one background pattern: callbacks arrive in the UI thread; generators stream and stop."""

from __future__ import annotations

import threading

from petloc_gui.ui import background


def test_results_and_yields_arrive_in_the_ui_thread_in_order(qtbot):
    seen = []
    ui = threading.get_ident()

    def count(n):
        for i in range(n):
            yield i, threading.get_ident() != ui  # produced off the UI thread
        return "done"

    worker = background.start(count, 5, yielded=lambda v: seen.append((v, threading.get_ident() == ui)))
    qtbot.waitUntil(lambda: len(seen) == 5, timeout=5000)
    assert [v for v, _ in seen] == [(i, True) for i in range(5)]
    assert all(in_ui for _, in_ui in seen)
    assert worker.wait(5)


def test_errors_arrive_as_errored_and_quit_stops_a_generator(qtbot):
    errors = []
    background.start(lambda: 1 / 0, errored=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)

    release = threading.Event()
    produced = []

    def endless():
        i = 0
        while True:
            release.wait(5)
            produced.append(i)
            yield i
            i += 1

    worker = background.start(endless)
    worker.quit()
    release.set()
    assert worker.wait(5) and len(produced) <= 1


def test_an_ended_worker_is_released_and_its_signals_freed_in_the_ui_thread(qtbot):
    """Freed in a pool thread, a QObject with Python slots can deadlock against the UI thread
    (`background._Reaper`): an ended worker is let go in the UI thread, and its signals are
    deleted there after every callback, whichever thread drops the last outside reference."""
    import weakref

    import shiboken6
    from PySide6.QtCore import Qt

    ui = threading.get_ident()
    calls, freed_in = [], []
    worker = background.start(lambda: 7, returned=lambda v: calls.append(("returned", v)),
                              finished=lambda: calls.append(("finished", None)))
    signals = weakref.ref(worker.signals)
    worker.signals.destroyed.connect(lambda *_: freed_in.append(threading.get_ident()),
                                     Qt.ConnectionType.DirectConnection)  # runs where it is freed
    assert worker.wait(5)
    holder = [worker]
    del worker
    dropper = threading.Thread(target=holder.clear)  # the last outside reference goes elsewhere...
    dropper.start()
    dropper.join()
    assert not freed_in  # ...and frees nothing of Qt's there
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5000)
    assert calls == [("returned", 7), ("finished", None)]  # every callback ran first
    assert freed_in == [ui]
    left = signals()  # its Python wrapper may wait for a collection; its Qt side is gone
    assert left is None or not shiboken6.isValid(left)
    assert not background._running


def test_cancel_queued_releases_the_workers_a_pool_has_not_started(qtbot):
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    ran = []
    running = threading.Event()
    busy = background.start(lambda: (running.set(), release.wait(5)), pool=pool)
    assert running.wait(5)
    queued = [background.start(ran.append, k, pool=pool) for k in range(3)]
    background.cancel_queued(pool)
    assert all(w not in background._running and w.is_finished() for w in queued)
    assert busy in background._running  # a running worker is left to end
    release.set()
    assert busy.wait(5) and pool.waitForDone(5000)
    qtbot.waitUntil(lambda: busy not in background._running, timeout=5000)
    assert ran == []
