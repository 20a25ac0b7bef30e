"""The window's trained-here check read the open folder's images on a thread of the global pool at the priority of
any, competing with the decoding of the photo the user steps to (its next image took three times as long while a
big folder was read). It runs on a thread of its own at the lowest priority (Linux: a thread's own nice value),
and the global pool's threads, which run other work next, keep theirs."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtCore import QThreadPool

from petloc_gui.model import bundle as bundle_module
from tests.model.trained_here_folders import bundle, copied_folder, training_folder
from tests.ui.conftest import main_window_for_a_test, open_and_wait
from tests.ui.test_window_says_training_images_here import BundleFactory

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"),
                                                   reason="a thread's own priority: Linux")]


@pytest.fixture
def window(qtbot, tmp_path):
    yield from main_window_for_a_test(qtbot, BundleFactory({}), tmp_path)


def test_the_check_reads_at_the_lowest_priority_on_a_thread_of_its_own(qtbot, window, tmp_path, monkeypatch):
    source = training_folder(tmp_path)
    copies = copied_folder(tmp_path, source)
    model = bundle(tmp_path, source)
    priorities: set[int] = set()
    real = bundle_module.sha256_or_none

    def hashed(path):
        priorities.add(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return real(path)

    monkeypatch.setattr(bundle_module, "sha256_or_none", hashed)
    open_and_wait(qtbot, window, copies, model=str(model))
    qtbot.waitUntil(lambda: window.trained_here.found is not None and not window.trained_here.found.pending,
                    timeout=10_000)
    assert window.trained_here.found.count == 4
    assert priorities == {19}
    # every thread of the global pool (the scan, the image-set watch, ...: one job each, held until all run) keeps
    # the process's priority
    pool = QThreadPool.globalInstance()
    together = threading.Barrier(pool.maxThreadCount(), timeout=10)
    seen: list[int] = []

    def job() -> None:
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        together.wait()

    for _ in range(pool.maxThreadCount()):
        pool.start(job)
    assert pool.waitForDone(15_000)
    assert seen == [os.getpriority(os.PRIO_PROCESS, 0)] * pool.maxThreadCount()
