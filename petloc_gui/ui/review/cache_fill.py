"""An open folder's list rows filled from the prediction cache, by its images' file keys (`ImageKeys`).

`ReviewSession.request_all` asks for it as a model starts loading (the predictions kept on disk under its
files' fingerprint, `PredictionService.serves_early`), once it has loaded, and after a rollback to a model
used before. The keys are read once per open in a worker; those a prediction was found by are read again
for a lookup under another model state (the model loaded since, or another one). An image replaced on disk
between a folder's open and its model's load (a copy, a sync) was looked up, once the model had loaded, by
the key of its old file, which found the old picture's kept prediction: its row showed it, and the model's
walk over the folder, by the same key, skipped the image as predicted, until it was shown. A row whose key
changed since the fill that served it loses that prediction (the old picture's) until the model's of the
new one arrives. A row served nothing shows nothing of the old picture: its key is not read again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from petloc_gui.app.file_key import FileKey
from petloc_gui.ui.models.prediction_service import PredictionService
from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.ui.review.image_keys import ImageKeys

Arrived = Callable[[str, object, bool], None]  # (image path, result, emit): `ReviewSession.prediction_arrived`


class CacheFill:
    """`request` fills the rows from the cache and asks the worker for the rest of the folder."""

    def __init__(self, model: FileListModel, row_of: dict[str, int], predictions: PredictionService,
                 keys: ImageKeys, arrived: Arrived, stale: Callable[[], bool]) -> None:
        self._model = model
        self._row_of = row_of
        self._predictions = predictions
        self._keys = keys
        self._arrived = arrived
        self._stale = stale  # the folder closed, or its model being chosen: no fill
        self._served: dict[str, FileKey] = {}  # the keys the last fill found a prediction by, by path
        self._served_for: tuple[str | None, bool] | None = None  # (model version, served while loading) then

    def _state(self) -> tuple[str | None, bool]:
        return self._predictions.version(), self._predictions.serves_early()

    def request(self, paths: Sequence[Path]) -> None:
        """Fill the rows of ``paths`` from the cache once their keys are known, then predict the rest."""
        if self._served and self._served_for != self._state():
            # read for a model loading, or another one: a file may have changed since (read again in a worker)
            self._keys.forget(map(Path, self._served))
        self._predictions.request_background(())  # another folder's walk ends while the keys are read
        self._keys.when_known(paths, self._fill)

    def _fill(self, keys: list[FileKey]) -> None:
        if self._stale():
            return
        for key in keys:
            before, row = self._served.get(key[0]), self._row_of.get(key[0])
            if before is not None and before != key and row is not None:
                self._model.set_prediction(row, None, None, None, emit=False)  # the old file's
        found = self._predictions.cached_many(keys)
        self._served = {key[0]: key for key in keys if Path(key[0]) in found}
        self._served_for = self._state()
        for path, result in found.items():
            self._arrived(str(path), result, False)
        self._model.items_changed()
        self._predictions.request_background(keys)
