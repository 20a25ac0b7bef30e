"""Images deleted from the open folder after its list was read, and images copied back (ADR 0005).

The list keeps their rows until the folder is read again (F5): rows, the
undo stacks and the review pass hold row numbers of the list as read.
`FileListModel.set_gone` makes such a row read "gone" and ranks it last in
the review queue. What else follows is here: the images just deleted are
taken out of the folder-wide prediction list (each would only fail),
and an image copied back is tried again: a decode that failed while it was
gone (its document's image error) and a prediction (asked for again; the
caches keep a failure only when the file did not change while it was read,
so a file deleted meanwhile and moved back with its old time is not served
the error), and the image on screen is shown again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.ui.models.prediction_service import PredictionService
from petloc_gui.ui.review.file_list import FileListModel


class GoneHost(Protocol):
    """What `GoneImages` asks of the session."""

    current: int | None

    def show(self, row: int) -> None: ...

    def request_all(self) -> None: ...

    def refresh_row_from(self, row: int, doc: ImageDocument) -> None: ...


class GoneImages:
    """Follows the image-set watch's "gone" list (`update`) for one session."""

    def __init__(self, model: FileListModel, store: AnnotationStore, row_of: dict[str, int],
                 items: Sequence[DatasetItem], predictions: PredictionService, host: GoneHost) -> None:
        self._model = model
        self._store = store
        self._row_of = row_of
        self._items = items
        self._predictions = predictions
        self._host = host

    def paths_left(self) -> list[Path]:
        """The images of the list that are still in the folder (those worth predicting)."""
        gone = self._model.gone
        return [item.image_path for row, item in enumerate(self._items) if row not in gone]

    def update(self, removed: Sequence[str]) -> None:
        """The image paths gone from the folder now (all of them, as `ImageSetWatch` says)."""
        before = self._model.gone
        back = self._model.set_gone({self._row_of[path] for path in removed if path in self._row_of})
        for row in back:
            self._model.set_prediction_error(row, None)  # asked for again below: not "failed" meanwhile
            doc = self._store.loaded(row)
            if doc is not None and doc.image_error:
                doc.image_error = None  # decoded again when shown
                self._host.refresh_row_from(row, doc)  # its own news (a changed file) stays
        if back:
            self._host.request_all()  # their predictions from the cache, or made again
            if self._host.current in back:
                self._host.show(self._host.current)  # its picture, not its decoding error
        elif self._model.gone - before:
            # out of the worker's list, not resent: it would look at every image again from the start
            self._predictions.drop_background(self._items[row].image_path for row in self._model.gone - before)
