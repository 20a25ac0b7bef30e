"""Reads every image's primary ground-truth object off the UI thread.

The file list needs each image's GT box and label for its IoU column and the
review queue; reading 10,000 XML files on the UI thread would freeze the
window, so a background worker reads them and reports in chunks. First it
removes petloc's own stale temporaries from the annotation folders
(core.stale). An unreadable file (even one in a folder that cannot be
searched) is a per-image error text, never an exception that ends the scan.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from petloc_gui.app.annotation_store import read_primary
from petloc_gui.ui import background

CHUNK = 100

ReadRow = Callable[[int], object]  # row -> its `read_primary` result (`AnnotationStore.read_primary`)


def scan(paths: Sequence[str | os.PathLike[str]], sweep_folders: list[Path], swept: list[Path],
         read: ReadRow | None = None):
    """Sweep stale temporaries (into ``swept``), then yield (rows, results) chunks of read_primary results
    (``read(row)``; by default the file at ``paths[row]`` read alone, without its image's size).

    Files without an annotation are skipped; an unexpected exception is printed
    and ends the scan with what was read so far delivered, never half a chunk lost.
    """
    from petloc_gui.core.stale import remove_stale_in

    rows: list[int] = []
    results: list = []
    try:
        # Temporaries of saves killed a day or more ago (ours only: core.stale).
        swept.extend(remove_stale_in(sweep_folders))
        for row, path in enumerate(paths):
            result = read(row) if read is not None else read_primary(Path(path))
            if result is None:
                continue
            rows.append(row)
            results.append(result)
            if len(rows) >= CHUNK:
                yield rows, results
                rows, results = [], []
    except Exception:  # noqa: BLE001 - the scan must never die with the list half filled
        traceback.print_exc()
    if rows:
        yield rows, results


class AnnotationScanner(QObject):
    """Emits ``scanned(rows, results)`` with results from annotation_store.read_primary."""

    scanned = Signal(object, object)  # object: no QVariant conversion of the lists
    done = Signal()  # after the last chunk: every annotation file has been read

    def __init__(self, annotation_paths: Sequence[str | os.PathLike[str]], parent=None, sweep_folders=(),
                 read: ReadRow | None = None) -> None:
        super().__init__(parent)
        self._paths = list(annotation_paths)
        self._read = read
        self._sweep_folders = list(sweep_folders)
        self.swept: list[Path] = []  # stale temporaries removed (filled by the worker before any chunk)
        self._worker: background.Worker | None = None
        self._delivered = False  # every chunk has reached the UI thread

    def start(self) -> None:
        self._worker = background.start(scan, self._paths, self._sweep_folders, self.swept, self._read,
                                        yielded=self._chunk, finished=self._finished)

    def _finished(self) -> None:
        self._delivered = True
        if self._worker is not None and not self._worker.aborted:
            self.done.emit()

    def _chunk(self, chunk) -> None:
        if self._worker is not None and not self._worker.aborted:
            self.scanned.emit(*chunk)

    def stop(self) -> None:
        """No chunk from now on. The worker reads on to its next chunk, unseen, and ends there: the UI
        thread does not wait for it (it did, up to 10 s, on every folder switch and F5), and nothing
        it still reads reaches anyone (``_chunk`` and ``_finished`` check ``aborted``; Qt drops a queued
        call to a deleted scanner)."""
        if self._worker is not None:
            self._worker.quit()

    def scan_done(self) -> bool:
        """True once every chunk has been delivered (the finished signal follows the last one)."""
        return self._delivered
