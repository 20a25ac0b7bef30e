"""Cyclic garbage is collected on the UI thread only while the app runs (`ui.main_thread_gc`)."""

from __future__ import annotations

import gc
import threading
import weakref

from petloc_gui.ui.main_thread_gc import MainThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_no_collection_in_other_threads_and_the_timer_collects_on_the_ui_thread(qtbot):
    was_enabled = gc.isenabled()  # off: the GUI tests run under their own collector (conftest)
    gc.enable()  # as in a fresh process
    collector = MainThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        garbage = _Cycle()
        gone = weakref.ref(garbage)
        del garbage

        held: list = []  # kept alive: the count CPython triggers on is allocations minus frees

        def allocate() -> None:  # far past the youngest generation's threshold, in a worker
            held.extend([] for _ in range(20 * collector.thresholds[0]))

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert gone() is not None  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the UI thread's timer did
        held.clear()
    finally:
        collector.stop()
    assert gc.isenabled()  # handed back as it was found
    if not was_enabled:
        gc.disable()


def test_a_full_collection_waits_for_enough_new_long_lived_objects():
    collector = MainThreadCollector(interval_ms=60_000)
    try:
        gc.collect()
        collector._long_lived = len(gc.get_objects(2))
        collector.thresholds = (-1, -1, -1)  # every generation due by its count
        garbage = _Cycle()
        gone = weakref.ref(garbage)
        gc.collect(1)  # the cycle is now in the oldest generation
        del garbage
        collector.check()  # few new long-lived objects: not a full collection
        assert gone() is not None
        collector._long_lived = 0  # as after a small start: now a full one is due
        collector.check()
        assert gone() is None
    finally:
        collector.stop()


def test_check_collects_only_what_is_due():
    collector = MainThreadCollector(interval_ms=60_000)
    try:
        gc.collect()
        assert collector.check() == 0  # nothing allocated since: nothing due
        garbage = _Cycle()
        gone = weakref.ref(garbage)
        del garbage
        keep = [[] for _ in range(2 * collector.thresholds[0])]  # alive: past the threshold
        assert collector.check() >= 1 and gone() is None
        del keep
    finally:
        collector.stop()
