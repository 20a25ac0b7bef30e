"""An open folder's list rows filled from the prediction cache, by its images' file keys (`ImageKeys`).

`ReviewSession.request_all` asks for it as a model starts loading (the predictions kept on disk under its
files' fingerprint, `PredictionService.serves_early`), once it has loaded, and after a rollback to a model
used before. The keys are read once per open in a worker; those a prediction was found by are read again
for a lookup under another model state (the model loaded since, or another one), and after a fill served
while a model loaded (the next may be another loading model's: nothing tells them apart). An image replaced on disk
between a folder's open and its model's load (a copy, a sync) was looked up, once the model had loaded, by
the key of its old file, which found the old picture's kept prediction: its row showed it, and the model's
walk over the folder, by the same key, skipped the image as predicted, until it was shown. A row whose key
changed since the fill that served it loses that prediction (the old picture's) until the model's of the
new one arrives. A row served nothing shows nothing of the old picture: its key is not read again.

An image in a folder that cannot be read now (``unreadable``: `FolderOutage.covers`) is left out of the fill, and
out of the walk as it is queued, once the keys are read and the rows filled: predicting it would only fail. Looked
at only as the fill was asked for, an outage noticed while its keys were read (a model chosen just before) had its
folder's images put back in the walk, and their rows read "cannot open image: Permission denied".

A model that finished loading while the keys were still read for the fill asked for as it began (many images on a
network share) found no fill served yet, forgot no key, and was answered with the keys read during its load: an image
replaced meanwhile showed its old picture's kept prediction. A fill asked for under another model state than the
last one's (or after one asked while a model loaded) now has the keys still being read for that one read again.

An image another program replaced or rewrote after its key was read (`ImageRewrites`: a sync tool's rename, a
``cp`` over it, a half-copied file completed) is `rewritten`: its key is read again, its row loses the old file's
prediction and decode error, and it is looked up, or predicted next, under its key of now.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QTimer

from petloc_gui.app.file_key import FileKey
from petloc_gui.ui.models.prediction_service import PredictionService
from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.ui.review.image_keys import ImageKeys

SLICE_S = 0.02  # the longest the fill keeps the event loop waiting
LOOKUP_CHUNK = 250  # keys looked up at a time (the slice's time is looked at between them)

Arrived = Callable[[str, object, bool], None]  # (image path, result, emit): `ReviewSession.prediction_arrived`


class CacheFill:
    """`request` fills the rows from the cache and asks the worker for the rest of the folder."""

    def __init__(self, model: FileListModel, row_of: dict[str, int], predictions: PredictionService,
                 keys: ImageKeys, arrived: Arrived, stale: Callable[[], bool],
                 unreadable: Callable[[Path | str], bool] = lambda _path: False) -> None:
        self._model = model
        self._row_of = row_of
        self._predictions = predictions
        self._keys = keys
        self._arrived = arrived
        self._stale = stale  # the folder closed, or its model being chosen: no fill
        self._unreadable = unreadable  # whether an image (its path) is in a folder that cannot be read now
        self._served: dict[str, FileKey] = {}  # the keys the last fill found a prediction by, by path
        self._served_for: tuple[str | None, bool] | None = None  # (model version, served while loading) then
        self._fills = 0  # counts fills begun: a slice of an earlier one does nothing
        self._asked_for: tuple[str | None, bool] | None = None  # (model version, loading) of the last request
        self._paths: Sequence[Path] = ()  # those of the last request
        self._filling = False  # a fill is on its way (its keys may be older than a rewrite said since)

    def _state(self) -> tuple[str | None, bool]:
        return self._predictions.version(), self._predictions.serves_early()

    def _served_early(self) -> bool:
        """Whether the last fill was served while a model loaded: its keys are not taken to be this fill's
        model's. The service names no loading model (no version yet, `serves_early` for any), so a model
        asked for while another still loaded was the same state, `(None, True)`: the keys stayed, and an image
        replaced in between was looked up under the new model by its old file's key (its kept prediction of
        the old picture shown, and the walk skipped it). A loaded model's version names it."""
        return self._served_for is not None and self._served_for[0] is None

    def request(self, paths: Sequence[Path]) -> None:
        """Fill the rows of ``paths`` from the cache once their keys are known, then predict the rest."""
        if self._served and (self._served_early() or self._served_for != self._state()):
            # read for a model loading, or another one: a file may have changed since (read again in a worker)
            self._keys.forget(list(self._served))  # by their text: no Path of 20,000 built on each switch
        if self._asked_for is not None and (self._asked_for[0] is None or self._asked_for != self._state()):
            self._keys.outdate_reads()  # (a read still going for the last request, under its model state)
        self._asked_for = self._state()
        self._paths, self._filling = paths, True
        self._fills += 1  # an earlier fill still going stops (its slices look at this)
        self._predictions.request_background(())  # another folder's walk ends while the keys are read
        self._keys.when_known([path for path in paths if not self._unreadable(path)], self._fill)

    def _fill(self, keys: list[FileKey]) -> None:
        if self._stale():
            return
        self._served_for = self._state()
        self._fill_from(keys, 0, self._fills, self._served_for)

    def _fill_from(self, keys: list[FileKey], start: int, fill: int, state: tuple[str | None, bool]) -> None:
        """One slice of fill ``fill``, from ``start``; the next one once the event loop has run."""
        deadline = time.perf_counter() + SLICE_S
        while True:
            if fill != self._fills or self._stale() or self._state() != state:
                return  # a later fill, the folder closed, or another model (served by the fill asked for then)
            if start >= len(keys):
                break
            chunk = keys[start:start + LOOKUP_CHUNK]
            start += len(chunk)
            self._fill_chunk(chunk)
            if time.perf_counter() >= deadline:
                break  # (one chunk a slice at least: a slow machine's fill still ends)
        if start < len(keys):
            QTimer.singleShot(0, lambda: self._fill_from(keys, start, fill, state))
            return
        self._filling = False
        paths = {key[0] for key in keys}
        self._served = {path: key for path, key in self._served.items() if path in paths}  # (the rows left)
        # (an outage noticed since the images were picked: its folder's keys read as no file, or before it)
        self._predictions.request_background([key for key in keys if not self._unreadable(key[0])])

    def rewritten(self, keys: list[FileKey]) -> None:
        """These images' files changed since their keys were read (``keys``: each one's of now): their rows drop
        what the old files gave (a prediction, a decode error) and take the cache's for the new ones, or are
        predicted next. A fill on its way (its keys read before) begins again, with these keys read anew."""
        self._keys.forget([key[0] for key in keys])  # (by their text) any later fill reads them again
        if self._stale():
            return  # the folder closed, or its model being chosen: the fill asked for then reads them again
        keys = [key for key in keys if (row := self._row_of.get(key[0])) is not None
                and row not in self._model.gone and not self._unreadable(key[0])]
        for key in keys:
            row = self._row_of[key[0]]
            self._served.pop(key[0], None)
            self._model.set_prediction(row, None, None, None, emit=False)  # the old file's
            self._model.set_prediction_error(row, None, emit=False)  # (its decode error too: a half-copied file's)
        if self._filling:
            self.request(self._paths)
            return
        found = self._predictions.cached_many(keys)
        for key in keys:
            if key[0] in found:
                self._served[key[0]] = key
        for path, result in found.items():
            self._arrived(path, result, False)
        self._predictions.predict_again([key for key in keys if key[0] not in found])

    def _fill_chunk(self, keys: list[FileKey]) -> None:
        for key in keys:
            before, row = self._served.get(key[0]), self._row_of.get(key[0])
            if before is not None and before != key and row is not None:
                self._model.set_prediction(row, None, None, None, emit=False)  # the old file's
        found = self._predictions.cached_many(keys)
        for key in keys:
            if key[0] in found:
                self._served[key[0]] = key
            else:
                self._served.pop(key[0], None)
        for path, result in found.items():
            self._arrived(path, result, False)
