"""Noticing images added to or removed from the open folder.

The list of images is read once, when the folder opens (`core.dataset`), so
images copied in later (a camera import, a sync tool, ``cp`` in a terminal)
or deleted by another program were not seen until the folder was opened
again. `ImageSetWatch` watches the folders that index listed (a folder
watch, and a look at their modification times every few seconds for file
systems that send no events). When one of them changed, it indexes the
folder again in a background worker and says which images are new and which
are gone. The window then offers to reload the folder (File → Reload folder)
instead of changing the list under the user: rows, the undo history and the
review pass all refer to the list as it was read.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from petloc_gui.core.dataset import Dataset, open_dataset
from petloc_gui.core.errors import DatasetError
from petloc_gui.ui import background
from petloc_gui.ui.review.folder_follower import Stamp, stamps

QUIET_MS = 1000  # a copy of many images: one index after it pauses, not one per file
POLL_MS = 3000  # a stat of each listed folder: cheap, the index runs only when one moved
MAX_WATCHED = 1000  # folders given to the folder watch; the poll covers any beyond

Look = tuple[dict[str, Stamp], tuple[frozenset[str], list[Path]] | None]


def look_again(root: Path, known: dict[str, Stamp] | None) -> Look:
    """``(folder stamps, (image paths, folders) or None)``: the index is read again only when a
    folder in ``known`` moved (or nothing is known yet). The stamps are taken before the index,
    so a change while it reads is seen on the next look."""
    folders = list(known) if known is not None else []
    now = dict(zip(folders, stamps([Path(f) for f in folders]), strict=True))
    if known is not None and now == known:
        return now, None
    try:
        dataset = open_dataset(root)
    except (DatasetError, OSError):
        return now, None  # the folder is gone or unreadable: nothing to offer
    new = [str(folder) for folder in dataset.folders if str(folder) not in now]
    now.update(zip(new, stamps([Path(f) for f in new]), strict=True))
    listed = {str(folder) for folder in dataset.folders}
    now = {folder: stamp for folder, stamp in now.items() if folder in listed}
    return now, (frozenset(str(item.image_path) for item in dataset.items), dataset.folders)


class ImageSetWatch(QObject):
    """Emits ``changed(added, removed)``: sorted image paths new on disk and gone from it,
    compared with the list as the folder was opened (both empty: as listed again)."""

    changed = Signal(object, object)

    def __init__(self, dataset: Dataset, parent=None) -> None:
        super().__init__(parent)
        self._root = dataset.root
        self._listed = frozenset(str(item.image_path) for item in dataset.items)
        self._known: dict[str, Stamp] | None = None
        self._worker: background.Worker | None = None
        self._again = False
        self._said: tuple[list[str], list[str]] = ([], [])
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._schedule)
        self._watch([Path(folder) for folder in dataset.folders])
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(QUIET_MS)
        self.timer.timeout.connect(self.look)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.look)

    def start(self) -> None:
        """Follow the folders from now on. The first look indexes once more, after the poll
        interval: images that arrived between the window's index and the watch are not lost."""
        self.poll.start()

    def _watch(self, folders: Sequence[Path]) -> None:
        watched = set(self.watcher.directories())
        wanted = [str(f) for f in folders if str(f) not in watched and os.path.isdir(f)]
        room = MAX_WATCHED - len(watched)
        if wanted and room > 0:
            self.watcher.addPaths(wanted[:room])

    def _schedule(self, _folder: str = "") -> None:
        self.timer.start()

    def look(self) -> None:
        """Look at the folders now; the difference with the list arrives as ``changed``."""
        if self._worker is not None:
            self._again = True
            return
        self._again = False
        self._worker = background.start(look_again, self._root, self._known, returned=self._looked)

    def _looked(self, result: Look) -> None:
        known, found = result
        self._known = known
        self._worker = None
        if found is not None:
            images, folders = found
            self._watch(folders)
            said = (sorted(images - self._listed), sorted(self._listed - images))
            if said != self._said:
                self._said = said
                self.changed.emit(*said)
        if self._again:
            self.look()

    def stop(self) -> None:
        self.timer.stop()
        self.poll.stop()
        self._again = False
        if self._worker is not None:
            self._worker.wait(1)
        paths = self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
