"""Reads every image's primary ground-truth object off the UI thread.

The file list needs each image's GT box and label for its IoU column and the
review queue; reading 10,000 XML files on the UI thread would freeze the
window, so a QThread reads them and reports in chunks. First it removes
petloc's own stale temporaries from the annotation folders (core.stale).
An unreadable file (even one in a folder that cannot be searched) is a
per-image error text, never an exception that ends the thread.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from petloc_gui.app.annotation_store import read_primary

CHUNK = 100
YIELD_EVERY = 20


class AnnotationScanner(QThread):
    """Emits ``scanned(rows, results)`` with results from annotation_store.read_primary."""

    scanned = Signal(object, object)  # object: no QVariant conversion of the lists

    def __init__(self, annotation_paths: list[Path], parent=None, sweep_folders=()) -> None:
        super().__init__(parent)
        self._paths = list(annotation_paths)
        self._sweep_folders = list(sweep_folders)
        self._stop = False
        self.swept: list[Path] = []

    def stop(self) -> None:
        self._stop = True
        self.wait(10_000)

    def run(self) -> None:
        try:
            self._scan()
        except Exception:  # noqa: BLE001 - the thread must never die with the list half filled
            import traceback

            traceback.print_exc()

    def _scan(self) -> None:
        from petloc_gui.core.stale import remove_stale_in

        # Temporaries of saves killed a day or more ago (ours only: core.stale).
        self.swept = remove_stale_in(self._sweep_folders)
        rows: list[int] = []
        results: list = []
        for row, path in enumerate(self._paths):
            if self._stop:
                return
            if row % YIELD_EVERY == 0:
                time.sleep(0.001)  # hand the GIL to the UI thread now and then: no stutter
            result = read_primary(path)
            if result is None:
                continue
            rows.append(row)
            results.append(result)
            if len(rows) >= CHUNK:
                self.scanned.emit(rows, results)
                rows, results = [], []
        if rows and not self._stop:
            self.scanned.emit(rows, results)
