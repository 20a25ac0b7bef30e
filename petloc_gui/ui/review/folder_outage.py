"""The open list's folders that cannot be read now (chmod 000, a network share dropping: `ImageSetWatch.unreadable`).

An image there cannot be looked at: its file key reads "no file" (`app.file_key.NO_FILE`), so its kept prediction is
not found, and predicting it only fails. The session asked for the image shown there again as the outage began: its
row turned "error / error", its pane and header said "Permission denied" while the status line promised the list was
kept as it was, and once the folder could be read again the row took its prediction back from the cache but pane and
header kept the error (a cached result is not signalled). So while a folder cannot be read nothing in it is asked
for by the session (the image the user steps onto still is: that it cannot be read is news), the folder's walk leaves
its images, and once it can be read again the rows are filled from the cache (or predicted) and the image shown has
its prediction shown anew.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.ui.models.prediction_service import PredictionService


class OutageHost(Protocol):
    """What `FolderOutage` asks of the session."""

    current: int | None

    def image_path(self, row: int) -> Path: ...

    def request_all(self) -> None: ...

    def show_prediction(self) -> None: ...


class FolderOutage:
    """Follows the watch's word on the folders that cannot be read (`said`) for one session; `readable` and
    `covers` tell the session what it may ask for."""

    def __init__(self, items: Sequence[DatasetItem], predictions: PredictionService, host: OutageHost) -> None:
        self._items = items
        self._predictions = predictions
        self._host = host
        self._folders: frozenset[str] = frozenset()
        self._inside: tuple[str, ...] = ()  # each folder's path and a separator: what an image there begins with

    def said(self, folders: Iterable[tuple[str, str]]) -> None:
        """The (folder, the OS's reason) pairs that cannot be read now (none: every folder can be read again)."""
        now = frozenset(folder for folder, _why in folders)
        lost, back = now - self._folders, self._folders - now
        self._folders, self._inside = now, _inside(now)
        if lost:  # out of the walk, not resent: it would look at every image again from the start
            inside = _inside(lost)
            self._predictions.drop_background(text for item in self._items
                                              if (text := item.image_path_text).startswith(inside))
        if not back:
            return
        self._host.request_all()  # the rows failed or left meanwhile: their kept prediction, or a new one
        current = self._host.current
        if current is not None and not self.covers(self._host.image_path(current)):
            self._host.show_prediction()  # (one still in a folder that cannot be read keeps what it shows)

    def covers(self, path: Path | str) -> bool:
        """Whether image ``path`` is in a folder that cannot be read now (a subfolder of one too)."""
        return bool(self._inside) and str(path).startswith(self._inside)

    def readable(self, paths: list[Path]) -> list[Path]:
        """``paths`` less those in a folder that cannot be read now."""
        return [path for path in paths if not self.covers(path)] if self._inside else paths


def _inside(folders: Iterable[str]) -> tuple[str, ...]:
    return tuple(folder.rstrip(os.sep) + os.sep for folder in folders)
