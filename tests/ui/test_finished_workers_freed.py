"""A finished background worker is freed: PySide held every QRunnable a pool was given (started
with autoDelete off) for good, so the window kept one worker per image it ever decoded."""

from __future__ import annotations

import gc
import threading
import weakref

from petloc_gui.ui import background


def _alive(refs) -> int:
    gc.collect()
    return sum(ref() is not None for ref in refs)


def test_finished_workers_are_freed_not_kept_by_their_pool(qtbot):
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    results = []
    refs = [weakref.ref(background.start(lambda k=k: k, pool=pool, returned=results.append)) for k in range(40)]
    assert pool.waitForDone(5000)
    qtbot.waitUntil(lambda: len(results) == 40 and not background._running, timeout=5000)
    qtbot.waitUntil(lambda: _alive(refs) == 0, timeout=5000)
    assert sorted(results) == list(range(40))


def test_workers_taken_off_a_pool_unstarted_are_freed(qtbot):
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    busy = background.start(release.wait, 5, pool=pool)
    ran = []
    refs = [weakref.ref(background.start(ran.append, k, pool=pool)) for k in range(5)]
    background.cancel_queued(pool)
    release.set()
    assert busy.wait(5) and pool.waitForDone(5000)
    assert ran == [] and _alive(refs) == 0  # let go once the pool has called them
    busy_ref = weakref.ref(busy)
    del busy
    qtbot.waitUntil(lambda: not background._running and _alive([busy_ref]) == 0, timeout=5000)
