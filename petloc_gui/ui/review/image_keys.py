"""The file keys (`app.file_key`: path and stat) of an open folder's images, read once per open, in a worker.

The window looks a folder's predictions up by them (`PredictionService.cached_many`, and the prediction
worker's walk over the folder). Read on the UI thread each time, every open stat'ed every image there twice
(as the model began to load, and once it had loaded: 180-360 ms each at 10,000 images on a local disk, far
more on a network share), and the worker stat'ed them all again. Now a pool thread (`ui.background`) reads
each image's key once, and the folder's lookups use it until it is closed. A key read again: an image's file
deleted and copied back, the shown image's file rewritten (`forget`); the image on screen is looked up by
its key of now all the same (`PredictionService.cached`); one forgotten while a worker reads it is read again
(the worker may have read the file before it changed). An answer that arrives once the folder is closed, or for
an ask that a later one replaced, reaches no one: the later ask is answered. A key that says no file (`NO_FILE`: its
folder could not be read for a moment, the file deleted) answers the ask it was read for and is read again at the
next: kept, an image read in an outage (a model loaded then) was looked up by "no file" for the rest of the open,
where the failure of its prediction in the outage was kept, and its row said "error" once the folder was back.
A read begun before the files' lookups moved to another model state (a model loaded: `outdate_reads`) stops, and
what it read is read again: a model that loaded while the keys were read (many images on a network share) was
answered with keys read during its load, and an image replaced meanwhile was looked up by its old file's key.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from petloc_gui.app.file_key import NO_FILE, FileKey, file_key
from petloc_gui.ui import background

_log = logging.getLogger(__name__)


def read_keys(paths: Sequence[Path], stopped: Callable[[], bool]) -> dict[str, FileKey]:
    """In a pool thread: the keys of ``paths``, by path; those read before ``stopped()`` said so."""
    keys: dict[str, FileKey] = {}
    for path in paths:
        if stopped():
            break
        key = file_key(path)
        keys[key[0]] = key
    return keys


class ImageKeys:
    """One folder's image keys: `when_known` gives them, reading in a worker those not read yet."""

    def __init__(self) -> None:
        self._keys: dict[str, FileKey] = {}
        self._stop = threading.Event()
        self._asked: tuple[list[Path], Callable[[list[FileKey]], None]] | None = None
        self._reading = False  # a worker reads keys; its answer looks at the latest ask again
        self._read_for: object = None  # the ask the worker reads for (one asked since is answered after it)
        self._forgotten: set[str] = set()  # forgotten while the worker reads: what it read of them is not kept
        self._no_file: dict[str, FileKey] = {}  # read as no file since the last answer: given to it, not kept
        self._generation = 0  # counts `outdate_reads`: a read begun under an earlier one is not kept
        self._read_generation = 0  # the generation the worker's read began under

    def when_known(self, paths: Iterable[Path], then: Callable[[list[FileKey]], None]) -> None:
        """``then(keys)`` in the UI thread, the keys of ``paths`` in their order: at once when each was read
        already, else once a worker has read the others. A later call replaces this one (its ``then`` is not
        called): the folder's state then is the one to answer."""
        self._asked = (list(paths), then)
        self._answer()

    def forget(self, paths: Iterable[str | Path]) -> None:
        """These images' files changed (another file copied back, rewritten): their keys are read again.
        (A str is taken as it is: a model switch forgets a whole folder's keys, by the text they are kept by.)"""
        for path in paths:
            text = path if isinstance(path, str) else str(path)
            self._keys.pop(text, None)
            self._no_file.pop(text, None)
            if self._reading:
                self._forgotten.add(text)

    def outdate_reads(self) -> None:
        """The keys' lookups are for another model state now (a model loaded): what a worker reads now may
        be older than it, so it stops and is read again. (Keys read before are the caller's to `forget`.)"""
        self._generation += 1

    def stop(self) -> None:
        """The folder is closed: nothing more is read, and no answer is given."""
        self._stop.set()
        self._asked = None

    def _answer(self) -> None:
        if self._asked is None or self._stop.is_set() or self._reading:
            return  # (a worker's answer looks again)
        paths, then = self._asked
        missing = [path for path in paths if str(path) not in self._keys and str(path) not in self._no_file]
        if not missing:
            self._asked = None
            no_file, self._no_file = self._no_file, {}  # (gathered over the reads for this answer: no read loops)
            then([self._keys.get(str(path)) or no_file[str(path)] for path in paths])
            return
        self._reading, self._read_for, self._read_generation = True, self._asked, self._generation
        generation = self._generation

        def stopped() -> bool:  # (in the worker: an int compared, no lock needed)
            return self._stop.is_set() or self._generation != generation

        background.start(read_keys, missing, stopped, returned=self._read, errored=self._failed)

    def _read(self, keys: dict[str, FileKey]) -> None:
        outdated = self._read_generation != self._generation
        forgotten = self._read_ended()
        if self._stop.is_set():
            return
        if outdated:
            keys = {}  # read (some maybe) before the files' lookups moved on: read again for the ask of now
        for path, key in keys.items():
            if path not in forgotten:
                (self._no_file if key[1] == NO_FILE else self._keys)[path] = key
        self._answer()

    def _failed(self, exc: Exception) -> None:
        """Not an OSError (`file_key` says those as `NO_FILE`): logged; the ask it read for stays unanswered,
        one made since is answered (read again: another file list, maybe the failure's cause gone)."""
        read_for = self._read_for
        self._read_ended()
        _log.error("reading the images' file keys failed", exc_info=exc)
        if self._asked is read_for:
            self._asked = None  # (read again, it would fail again: no loop)
        self._answer()

    def _read_ended(self) -> set[str]:
        """The worker is done: the paths forgotten while it read (their keys it read may be the old files')."""
        forgotten, self._forgotten = self._forgotten, set()
        self._reading, self._read_for = False, None
        return forgotten
