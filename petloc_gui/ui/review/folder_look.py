"""When to look at some folders again, in the background: after a change there, and every few seconds.

`FolderFollower` (the annotation files of the images not open) and
`ImageSetWatch` (the images themselves) both compare files on disk with what
they saw last. `FolderLook` is the part they share: a folder watch whose
events start a look after a quiet period (a tool writing many files gets one
look after it pauses, not one per file), a poll for the changes no folder
event reports (a file rewritten in place; network file systems), and one
look at a time in a background worker, where a request that arrives while
one runs makes it run once more after it.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from petloc_gui.ui import background

MAX_WATCHED = 1000  # folders given to the folder watch; the poll covers any beyond

Work = Callable[[], tuple[Callable[..., Any], tuple]]


class FolderLook(QObject):
    """Runs ``func(*args)`` from ``work()`` in a worker and hands its result to ``done``.

    Nothing runs before `start` (the owner's baseline) or after `stop`.
    """

    def __init__(self, work: Work, done: Callable[[Any], None], *, quiet_ms: int, poll_ms: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work, self._done = work, done
        self._worker: background.Worker | None = None
        self._started = False
        self._again = False  # a look was asked for while one ran, or before the start
        self._watcher: QFileSystemWatcher | None = None  # made when first wanted (`watcher`)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(quiet_ms)
        self.timer.timeout.connect(self.look)
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(self.look)

    @property
    def watcher(self) -> QFileSystemWatcher:
        """The folder watch, made when first wanted: each is one more of the user's inotify instances (128 by
        default), and an owner told of its folders' events by another's watch (`ImageRewrites`) never gives
        it a folder."""
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.directoryChanged.connect(self._schedule)
        return self._watcher

    @property
    def busy(self) -> bool:
        """A look is running in its worker."""
        return self._worker is not None

    def watch(self, folders: Iterable[str | os.PathLike[str]]) -> None:
        """Add folders to the folder watch (those that exist, up to `MAX_WATCHED`)."""
        watched = set(self.watcher.directories())
        wanted = list(dict.fromkeys(str(Path(f)) for f in folders))
        wanted = [f for f in wanted if f not in watched and os.path.isdir(f)]
        room = MAX_WATCHED - len(watched)
        if wanted and room > 0:
            self.watcher.addPaths(wanted[:room])

    def start(self) -> None:
        """Look from now on (and at once when a look was asked for before)."""
        self._started = True
        self.poll.start()
        if self._again:
            self.look()

    def _schedule(self, _folder: str = "") -> None:
        self.timer.start()

    def look(self) -> None:
        """Look now, or once the look that is running has ended."""
        if not self._started or self._worker is not None:
            self._again = True
            return
        self._again = False
        func, args = self._work()
        self._worker = background.start(func, *args, returned=self._finished, errored=self._failed)

    def _finished(self, result: Any) -> None:
        self._worker = None
        if not self._started:
            return  # stopped meanwhile: the owner has moved on
        self._done(result)
        if self._again:
            self.look()

    def _failed(self, exc: BaseException) -> None:
        """A look raised (the look functions catch what files do: this is a bug). Said on stderr; the
        folder is followed on: the next event or poll looks again (it stopped for good, busy forever)."""
        print("petloc: looking at the folder again failed; it is looked at again on the next change",
              file=sys.stderr)
        traceback.print_exception(exc, file=sys.stderr)
        self._worker = None
        if self._started and self._again:
            self.look()

    def stop(self) -> None:
        """No look from now on; one still running in its worker ends unseen (nothing waits for it)."""
        self._started = False
        self._again = False
        self.timer.stop()
        self.poll.stop()
        paths = self._watcher.directories() if self._watcher is not None else []
        if paths:
            self.watcher.removePaths(paths)
