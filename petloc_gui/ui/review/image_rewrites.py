"""Noticing images of the open list that another program rewrote (same name, another file).

The window looks its images' predictions up by their file keys (`app.file_key`), read once per open
(`ImageKeys`), and only the image on screen was followed (`DiskSync.follow_image`): an image not shown that
a sync tool replaced (a temporary file renamed over it), a ``cp other.png img.png``, a git checkout or an
rsync finishing a file the folder was opened on half-copied kept its old file's prediction (or its "error")
in its row, and N ranked it by those, until it was shown or the folder reloaded. `ImageSetWatch` looks at
image names only. `ImageRewrites` compares each listed image's stamp (modification time, size, change
time) with the one read at the open, in a background worker, and says the images whose file changed:

- a folder whose modification time moved (a file renamed over an image or created there, as every sync tool
  and ``git checkout`` write) has all its images stat'ed at the next look (`ImageSetWatch`'s folder events
  ask for one after a quiet period: `soon`);
- a file rewritten in place (``cp`` over an existing name, rsync ``--inplace``) changes no folder: a
  rolling stat of `ROLL` images a look, every `POLL_MS`, goes round the whole list (20,000 images: ~45 ms
  of stat calls a look, measured on a slow disk (7 µs a stat), a round in 12 s; up to 5,000 images, every look;
  a folder of 20,000 whose time moved, an annotation saved there in the sidecar layout too: ~170 ms). All of
  it in the worker: the UI thread stats none.

An image that cannot be looked at now (deleted, its folder unreadable) is no news here (`ImageSetWatch`,
`FolderOutage` say those): its stamp stays as known, so it is compared once it can be looked at again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from petloc_gui.app.file_key import NO_FILE, FileKey, FileStamp, file_stamp
from petloc_gui.ui import background
from petloc_gui.ui.review.folder_look import FolderLook

QUIET_MS = 300  # a sync writing many files: one look after it pauses
POLL_MS = 3000
ROLL = 5000  # images stat'ed a look besides those of a folder that moved (~7 µs a stat on a slow disk)


def _folder_time(folder: str) -> int | None:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return None


@dataclass(frozen=True)
class Stamps:
    """The images' stamps as last seen (by row), their folders' times, and where the rolling stat goes on."""

    paths: Sequence[str]
    known: list[FileStamp]
    rows_in: dict[str, list[int]]  # each folder's rows
    folder_times: dict[str, int | None]
    next_row: int = 0


def first_stamps(paths: Sequence[str]) -> Stamps:
    """In a worker: every image's stamp now. Each folder's time is read before its images', so a file
    renamed in while they are read moves it past the time kept, and the next look stats the folder again."""
    rows_in: dict[str, list[int]] = {}
    for row, path in enumerate(paths):
        rows_in.setdefault(os.path.dirname(path), []).append(row)
    folder_times = {folder: _folder_time(folder) for folder in rows_in}
    return Stamps(paths, [file_stamp(path) for path in paths], rows_in, folder_times)


def changed_images(seen: Stamps) -> tuple[list[FileKey], Stamps]:
    """In a worker: the images whose file changed since ``seen`` (their keys of now), and the stamps now."""
    known = list(seen.known)
    folder_times = dict(seen.folder_times)
    rows: dict[int, None] = {}
    for folder, in_folder in seen.rows_in.items():
        time = _folder_time(folder)
        if time is not None and time != folder_times.get(folder):
            folder_times[folder] = time  # (read before its images: a rename meanwhile moves it again)
            rows.update(dict.fromkeys(in_folder))
    count = len(known)
    rolled = min(ROLL, count)
    rows.update(dict.fromkeys((seen.next_row + step) % count for step in range(rolled)))
    changed: list[FileKey] = []
    for row in rows:
        now = file_stamp(seen.paths[row])
        if now == NO_FILE:
            continue  # gone or not to be looked at now: no news here, compared again once it can be
        before, known[row] = known[row], now
        if before != now and before != NO_FILE:  # (one not looked at before: `ImageSetWatch`'s, `FolderOutage`'s)
            changed.append((seen.paths[row], now))
    next_row = (seen.next_row + rolled) % count if count else 0
    return changed, Stamps(seen.paths, known, seen.rows_in, folder_times, next_row)


class ImageRewrites(QObject):
    """Emits ``rewritten(keys)``: the listed images whose file changed, each with its key of now."""

    rewritten = Signal(object)

    def __init__(self, image_paths: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self._paths = list(image_paths)
        self._seen: Stamps | None = None
        self._baseline_worker: background.Worker | None = None
        self.looks = FolderLook(lambda: (changed_images, (self._seen,)), self._looked,
                                quiet_ms=QUIET_MS, poll_ms=POLL_MS, parent=self)

    def start(self) -> None:
        """Note every image's stamp now (in the background); changes after that are said."""
        self._baseline_worker = background.start(first_stamps, self._paths, returned=self._baseline)

    def _baseline(self, seen: Stamps) -> None:
        if self._baseline_worker is None:
            return  # stopped meanwhile
        self._baseline_worker = None
        self._seen = seen
        self.looks.start()

    def soon(self, _folder: str = "") -> None:
        """A folder of the list changed (a file renamed or created there): look after a quiet period."""
        self.looks.timer.start()

    def look(self) -> None:
        self.looks.look()

    def _looked(self, result: tuple[list[FileKey], Stamps]) -> None:
        changed, self._seen = result
        if changed:
            self.rewritten.emit(changed)

    def stop(self) -> None:
        self._baseline_worker = None
        self.looks.stop()
