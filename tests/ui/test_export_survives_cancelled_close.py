"""Asking to close the window while an export runs, then answering Cancel, leaves the export running;
the close, once accepted, stops it without a box about it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import edit_b


@pytest.fixture
def slow_export(monkeypatch):
    """export_coco that waits (reporting progress, so a cancel stops it) until ``release`` is set."""
    from petloc_gui.core import interop

    real = interop.export_coco
    release = threading.Event()
    started = threading.Event()

    def export(dataset, out, *, progress=None, **kwargs):
        started.set()
        while not release.wait(0.01):
            progress(0, len(dataset.items))  # raises ExportCancelled once cancelled
        return real(dataset, out, progress=progress, **kwargs)

    monkeypatch.setattr(interop, "export_coco", export)
    return started, release


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Ignore)  # export the files as on disk
    return shown


def test_cancelling_the_close_keeps_the_export_running(qtbot, window, folder, tmp_path, slow_export, boxes):
    started, release = slow_export
    assert window.open_folder(folder, model="fake")
    edit_b(window)  # closing asks about these edits
    exports = window.exports
    assert exports.start("coco", tmp_path / "out")
    assert started.wait(10)
    window.guard.confirm_leave = lambda reload=False: False  # the user answers Cancel
    window.close()
    assert window.isVisible()
    assert not exports.job.cancelled
    release.set()
    qtbot.waitUntil(lambda: exports.last_report is not None, timeout=20_000)
    assert (tmp_path / "out" / "annotations.json").is_file()
    assert not any("cancelled" in text for text in boxes)


def test_an_accepted_close_stops_the_export_quietly(qtbot, window, folder, tmp_path, slow_export, boxes):
    started, _release = slow_export  # never released: only the cancel ends it
    assert window.open_folder(folder, model="fake")
    exports = window.exports
    assert exports.start("coco", tmp_path / "out")
    assert started.wait(10)
    window.guard.confirm_leave = lambda reload=False: True
    window.close()
    assert not window.isVisible()
    assert exports.job.cancelled and not exports.job.running()  # stopped before close returned
    qtbot.wait(100)  # its queued "cancelled" result arrives: no box for a window that is gone
    assert boxes == [] and exports.last_report is None


def test_an_export_that_ends_after_the_close_shows_no_result(qtbot, window, folder, tmp_path, monkeypatch, boxes):
    """Closed while the export wrote its last files (no image left to stop at): its result comes after
    the close and is kept (last_report), but no "Export finished" box opens for a window that is gone."""
    from petloc_gui.core import interop

    real = interop.export_coco
    release, started = threading.Event(), threading.Event()

    def export(dataset, out, *, progress=None, **kwargs):  # past its last image: a cancel no longer stops it
        started.set()
        release.wait(10)
        return real(dataset, out, **kwargs)

    monkeypatch.setattr(interop, "export_coco", export)
    opened = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: opened.append(box.text()))
    assert window.open_folder(folder, model="fake")
    exports = window.exports
    assert exports.start("coco", tmp_path / "out")
    assert started.wait(10)
    threading.Timer(0.2, release.set).start()  # ends while the close waits for it
    window.guard.confirm_leave = lambda reload=False: True
    window.close()
    assert not window.isVisible() and not exports.job.running()
    qtbot.waitUntil(lambda: exports.last_report is not None, timeout=10_000)  # its result has arrived
    qtbot.wait(50)
    assert opened == [] and boxes == []
    assert (tmp_path / "out" / "annotations.json").is_file()
