"""Reads every image's primary ground-truth object off the UI thread.

The file list needs each image's GT box and label for its IoU column and the
review queue; reading 10,000 XML files on the UI thread would freeze the
window, so a background worker reads them and reports in chunks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from petloc_gui.app.annotation_store import read_primary
from petloc_gui.ui import background

CHUNK = 100


def scan(paths: list[Path]):
    """Yield (rows, results) chunks of read_primary results (files without an annotation are skipped)."""
    rows: list[int] = []
    results: list = []
    for row, path in enumerate(paths):
        result = read_primary(path)
        if result is None:
            continue
        rows.append(row)
        results.append(result)
        if len(rows) >= CHUNK:
            yield rows, results
            rows, results = [], []
    if rows:
        yield rows, results


class AnnotationScanner(QObject):
    """Emits ``scanned(rows, results)`` with results from annotation_store.read_primary."""

    scanned = Signal(object, object)  # object: no QVariant conversion of the lists

    def __init__(self, annotation_paths: list[Path], parent=None) -> None:
        super().__init__(parent)
        self._paths = list(annotation_paths)
        self._worker: background.Worker | None = None
        self._delivered = False  # every chunk has reached the UI thread

    def start(self) -> None:
        self._worker = background.start(scan, self._paths, yielded=self._chunk, finished=self._finished)

    def _finished(self) -> None:
        self._delivered = True

    def _chunk(self, chunk) -> None:
        if self._worker is not None and not self._worker.aborted:
            self.scanned.emit(*chunk)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.quit()
            self._worker.wait(10)

    def isFinished(self) -> bool:  # noqa: N802 - the QThread name the tests and callers know
        """True once every chunk has been delivered (the finished signal follows the last one)."""
        return self._delivered
