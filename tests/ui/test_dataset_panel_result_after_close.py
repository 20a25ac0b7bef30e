"""The dataset panel's statistics arriving after the window closed are let go. Closing waits a while for the
worker (`DatasetPanel.shutdown`); one still computing then (a large folder on a busy machine) later handed
its result to the panel, whose problem list had gone with the window: "Internal C++ object (ProblemList)
already deleted", seen as a test's teardown error."""

from __future__ import annotations

import threading

import shiboken6

from petloc_gui.ui.review import dataset_panel

from .conftest import open_and_wait


def test_statistics_finished_after_the_window_closed_touch_no_widget(qtbot, window, folder, monkeypatch):
    release, started = threading.Event(), threading.Event()
    compute = dataset_panel._compute

    def slow_compute(dataset, headers):  # in the worker: a folder that takes longer than the close waits
        started.set()
        release.wait(30)
        return compute(dataset, headers)

    monkeypatch.setattr(dataset_panel, "_compute", slow_compute)
    open_and_wait(qtbot, window, folder)
    panel = window.dataset_panel
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(started.is_set, timeout=5000)
    worker = panel._worker
    # the close's wait runs out with the worker still computing (it waits seconds; the test does not)
    monkeypatch.setattr(worker, "wait", lambda timeout_s=None: worker.is_finished())
    window.guard.confirm_leave = lambda reload=False: True
    window.close()
    assert not worker.is_finished()
    summary = panel.summary.text()
    shiboken6.delete(panel.problems)  # as the traceback had it: the list gone, the panel still reached
    release.set()
    assert worker._done.wait(10)
    qtbot.wait(200)  # the result's queued call is delivered (an exception in it fails the test)
    assert panel.stats is None and panel.summary.text() == summary
