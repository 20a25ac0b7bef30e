"""The window's trained-here check runs on a thread of its own (never one of the global pool's, which decode the
photo the user steps to), at the process's priority: at nice 19 the OS paused it while it held Python's interpreter
lock in its pure-Python stretches, and with every core busy (right after a model load, during a retrain) the window
froze waiting for it (a review measured a main loop's p99 delay at 576-1062 ms against 66-96 ms at nice 0)."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from petloc_gui.model import bundle as bundle_module
from tests.ui import trained_here_window
from tests.ui.conftest import open_and_wait

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"),
                                                   reason="a thread's own priority: Linux")]


window = trained_here_window.window  # the fixture, for the test below


def test_the_check_reads_on_a_thread_of_its_own_at_the_process_priority(qtbot, window, tmp_path, monkeypatch):
    _, copies, model = trained_here_window.trained_and_copied(tmp_path)
    seen: list[tuple[int, int]] = []
    real = bundle_module.sha256_or_none

    def hashed(path):
        seen.append((threading.get_native_id(), os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))
        return real(path)

    monkeypatch.setattr(bundle_module, "sha256_or_none", hashed)
    open_and_wait(qtbot, window, copies, model=str(model))
    qtbot.waitUntil(lambda: window.trained_here.found is not None and not window.trained_here.found.pending,
                    timeout=10_000)
    assert window.trained_here.found.count == 4
    assert seen and {priority for _, priority in seen} == {os.getpriority(os.PRIO_PROCESS, 0)}
    assert threading.get_native_id() not in {thread for thread, _ in seen}  # off the UI thread
    assert window.trained_here._pool.maxThreadCount() == 1  # its own pool, one thread
