"""Stopping the opening scan (a folder switch, F5) does not wait for it, and what it still reads reaches
nobody, not even once the scanner is gone."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from petloc_gui.ui.review.annotation_scanner import CHUNK, AnnotationScanner


def test_stop_returns_at_once_and_nothing_arrives_after_it(qtbot, tmp_path):
    gate, reading = threading.Event(), threading.Event()
    read_rows: list[int] = []

    def read(row: int):
        reading.set()
        gate.wait(30)  # a slow network share
        read_rows.append(row)
        return ("cat", None, False, (), None)

    paths = [tmp_path / f"{i}.xml" for i in range(CHUNK + 5)]
    scanner = AnnotationScanner(paths, read=read)
    chunks, done = [], []
    scanner.scanned.connect(lambda rows, _results: chunks.append(rows))
    scanner.done.connect(lambda: done.append(1))
    scanner.start()
    assert reading.wait(10)
    worker = scanner._worker
    started = time.monotonic()
    scanner.stop()
    assert time.monotonic() - started < 1  # it waited up to 10 s for the worker before
    assert not worker.is_finished()  # still reading, unseen
    scanner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert not shiboken6.isValid(scanner)
    gate.set()
    assert worker.wait(10)
    qtbot.wait(100)  # its queued chunk and finished land: on a deleted scanner, dropped
    assert chunks == [] and done == []
    assert read_rows == list(range(CHUNK))  # it read on to its next chunk, and no further
