"""Following the annotation files of the images that are not open, as other programs change them.

`DiskSync` watches the documents opened in this session. The other images'
rows come from one background scan when the folder opens
(`annotation_scanner`), so a file written meanwhile by another program
(`petloc predict --write-voc` in a terminal, labelImg, a sync tool) showed
only once its image was opened. `FolderFollower` notes every annotation
file's size and modification time before that scan, then looks again after a
file is added, replaced or removed in an annotation folder (a folder watch,
after a quiet period) and every few seconds (a file rewritten in place, as
labelImg saves an existing one, changes no folder). Each look runs in a
background worker, reads the changed files (`annotation_store.read_primary`)
and hands them to the session. Images added to or removed from the folder
are not followed: the list of images is the one read when the folder opened.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from petloc_gui.app.annotation_store import read_primary
from petloc_gui.ui import background

QUIET_MS = 300  # a tool writing many files: one look after it pauses, not one per file
POLL_MS = 3000  # plus 1 ms per 10 files (10,000 files: a look every 4 s, ~30 ms of stat calls)

Stamp = tuple[int, int] | None  # (modification time in ns, size), None when there is no file


def stamps(paths: Sequence[Path]) -> list[Stamp]:
    """What each file looks like now, without reading it."""
    out: list[Stamp] = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            out.append(None)
        else:
            out.append((info.st_mtime_ns, info.st_size))
    return out


def changed_files(paths: Sequence[Path], known: Sequence[Stamp]) -> tuple[list[int], list, list[Stamp]]:
    """``(rows, read_primary results, stamps now)`` of the files that changed since ``known``."""
    now = stamps(paths)
    rows = [row for row, (before, after) in enumerate(zip(known, now, strict=True)) if before != after]
    return rows, [read_primary(paths[row]) for row in rows], now


class FolderFollower(QObject):
    """Emits ``changed(rows, results)``: results as `read_primary` gives them (None: no file now)."""

    changed = Signal(object, object)

    def __init__(self, annotation_paths: Sequence[Path], parent=None) -> None:
        super().__init__(parent)
        self._paths = [Path(p) for p in annotation_paths]
        self._known: list[Stamp] | None = None
        self._worker: background.Worker | None = None
        self._again = False  # a change arrived while a look was running
        self.watcher = QFileSystemWatcher(self)
        folders = dict.fromkeys(str(path.parent) for path in self._paths)
        existing = [folder for folder in folders if os.path.isdir(folder)]
        if existing:
            self.watcher.addPaths(existing)
        self.watcher.directoryChanged.connect(self._schedule)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(QUIET_MS)
        self.timer.timeout.connect(self.look)
        self.poll = QTimer(self)
        self.poll.setInterval(min(30_000, POLL_MS + len(self._paths) // 10))
        self.poll.timeout.connect(self.look)
        self._then: Callable[[], None] | None = None

    def start(self, then: Callable[[], None] | None = None) -> None:
        """Note how every file looks now (in the background), then call ``then`` (the opening scan:
        a change while it reads is then never missed); changes after that are followed."""
        self._then = then
        self._worker = background.start(stamps, self._paths, returned=self._baseline)

    def _baseline(self, known: list[Stamp]) -> None:
        self._known = known
        self._worker = None
        self.poll.start()
        then, self._then = self._then, None
        if then is not None:
            then()
        if self._again:
            self.look()

    def _schedule(self, _folder: str = "") -> None:
        self.timer.start()

    def look(self) -> None:
        """Compare every file with what was seen last; the changed ones arrive as ``changed``."""
        if self._known is None or self._worker is not None:
            self._again = True
            return
        self._again = False
        self._worker = background.start(changed_files, self._paths, self._known, returned=self._looked)

    def _looked(self, result) -> None:
        rows, results, now = result
        self._known = now
        self._worker = None
        if rows:
            self.changed.emit(rows, results)
        if self._again:
            self.look()

    def stop(self) -> None:
        self.timer.stop()
        self.poll.stop()
        self._then = None
        self._again = False
        if self._worker is not None:
            self._worker.wait(1)
        paths = self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
