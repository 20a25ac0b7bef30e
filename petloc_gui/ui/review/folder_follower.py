"""Following the annotation files of the images that are not open, as other programs change them.

`DiskSync` watches the documents opened in this session. The other images'
rows come from one background scan when the folder opens
(`annotation_scanner`), so a file written meanwhile by another program
(`petloc predict --write-voc` in a terminal, labelImg, a sync tool) showed
only once its image was opened. `FolderFollower` notes every annotation
file's size and modification time before that scan, then looks again after a
file is added, replaced or removed in an annotation folder (a folder watch,
after a quiet period) and every few seconds (a file rewritten in place, as
labelImg saves an existing one, changes no folder; `folder_look` decides
when). Each look runs in a background worker, reads the changed files
(`annotation_store.read_primary`) and hands them to the session. Images
added to or removed from the folder are `image_set_watch`'s.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from petloc_gui.app.annotation_store import read_primary
from petloc_gui.core.folder_listing import stat_state
from petloc_gui.ui import background
from petloc_gui.ui.review.folder_look import FolderLook

QUIET_MS = 300  # a tool writing many files: one look after it pauses, not one per file
POLL_MS = 3000  # plus 1 ms per 10 files (10,000 files: a look every 4 s, ~30 ms of stat calls)

Stamp = tuple[int, int] | None  # (modification time in ns, size), None when there is no file
# A file that cannot be looked at (its folder turned unreadable, a network share's hiccup): not "no file",
# which emptied the row of every annotated image ("error: Permission denied") for as long as it lasted.
UNLOOKED: Stamp = (-1, -1)


def stamps(paths: Sequence[str | os.PathLike[str]]) -> list[Stamp]:
    """What each file looks like now, without reading it (`UNLOOKED`: it cannot be looked at)."""
    out: list[Stamp] = []
    for path in paths:
        state = stat_state(path)
        if isinstance(state, os.stat_result):
            out.append((state.st_mtime_ns, state.st_size))
        else:  # a reason: it cannot be looked at; None: no file
            out.append(UNLOOKED if isinstance(state, str) else None)
    return out


def changed_files(paths: Sequence[str | os.PathLike[str]], known: Sequence[Stamp],
                  read: Callable[[int], object] | None = None) -> tuple[list[int], list, list[Stamp]]:
    """``(rows, read_primary results, stamps now)`` of the files that changed since ``known``
    (``read(row)``, `AnnotationStore.read_primary`; by default the file read alone). A file that cannot
    be looked at now is no news: its row stays as read, its stamp as known, so once it can be looked at
    again it is read only if it changed meanwhile (one not looked at before is read then)."""
    now = [before if after == UNLOOKED else after for before, after in zip(known, stamps(paths), strict=True)]
    rows = [row for row, (before, after) in enumerate(zip(known, now, strict=True)) if before != after]
    return rows, [read(row) if read is not None else read_primary(Path(paths[row])) for row in rows], now


class FolderFollower(QObject):
    """Emits ``changed(rows, results)``: results as `read_primary` gives them (None: no file now)."""

    changed = Signal(object, object)

    def __init__(self, annotation_paths: Sequence[str | os.PathLike[str]], parent=None,
                 read: Callable[[int], object] | None = None) -> None:
        super().__init__(parent)
        # as given (os.stat takes either): a Path made of each of 20,000 was ~0.15 s of a folder's open
        self._paths = list(annotation_paths)
        self._known: list[Stamp] | None = None
        self._baseline_worker: background.Worker | None = None
        self.looks = FolderLook(lambda: (changed_files, (self._paths, self._known, read)), self._looked,
                                quiet_ms=QUIET_MS, poll_ms=min(30_000, POLL_MS + len(self._paths) // 10),
                                parent=self)
        self.looks.watch(dict.fromkeys(os.path.dirname(path) for path in self._paths))
        self._then: Callable[[], None] | None = None

    def start(self, then: Callable[[], None] | None = None) -> None:
        """Note how every file looks now (in the background), then call ``then`` (the opening scan:
        a change while it reads is then never missed); changes after that are followed."""
        self._then = then
        self._baseline_worker = background.start(stamps, self._paths, returned=self._baseline)

    def _baseline(self, known: list[Stamp]) -> None:
        if self._baseline_worker is None:
            return  # stopped meanwhile
        self._baseline_worker = None
        self._known = known
        then, self._then = self._then, None
        if then is not None:
            then()
        self.looks.start()  # a look asked for meanwhile runs now

    def look(self) -> None:
        """Compare every file with what was seen last; the changed ones arrive as ``changed``."""
        self.looks.look()

    def _looked(self, result) -> None:
        rows, results, now = result
        self._known = now
        if rows:
            self.changed.emit(rows, results)

    def stop(self) -> None:
        self._then = None
        self._baseline_worker = None
        self.looks.stop()
