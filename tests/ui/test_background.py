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


def test_a_workers_signals_are_freed_in_the_ui_thread_after_its_last_callback(qtbot):
    """Freed in a pool thread, a QObject with Python slots can deadlock against the UI thread
    (`background._free_in_ui_thread`): the worker's signals go only in the UI thread, and only
    after every callback has run."""
    import shiboken6

    ui = threading.get_ident()
    calls, freed_in = [], []
    worker = background.start(lambda: 7, returned=lambda v: calls.append(("returned", v)),
                              finished=lambda: calls.append(("finished", None)))
    signals = worker.signals
    signals.destroyed.connect(lambda *_: freed_in.append(threading.get_ident()))
    assert worker.wait(5)
    background._running.discard(worker)
    holder = [worker]
    del worker
    dropper = threading.Thread(target=holder.clear)  # the last reference goes in another thread...
    dropper.start()
    dropper.join()
    assert not freed_in  # ...and frees nothing of Qt's there
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5000)
    assert calls == [("returned", 7), ("finished", None)]  # ...every callback ran first
    assert freed_in == [ui] and not shiboken6.isValid(signals)
