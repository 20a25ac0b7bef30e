"""One open folder: its documents, file list rows, current image and review pass.

Showing an image costs: reading its XML (small), a decoded-image cache
lookup and a prediction cache lookup; the next few images in list order are
prefetched (decode + prediction) so moving on is instant.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from petloc_gui.app import review_queue
from petloc_gui.ui.review.annotation_scanner import AnnotationScanner
from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.app.class_list import merged_names, read_classes
from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.app.image_document import STATUS_ERROR, STATUS_VERIFIED
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.ui.canvas.image_cache import ImageCache
from petloc_gui.ui.canvas.image_panel import ImagePanel, is_prediction
from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box import LabelBox
from petloc_gui.ui.models.model_handle import ModelInfo
from petloc_gui.ui.models.prediction_service import PredictionService
from petloc_gui.ui.review.file_list_dock import FileListDock

PREFETCH = 4


@dataclass(frozen=True)
class SessionParts:
    """The window's parts a session drives (it is given these, not the window)."""

    edits: EditController
    images: ImageCache
    panel: ImagePanel
    predictions: PredictionService
    file_dock: FileListDock
    labels: LabelBox


class SessionHost(Protocol):
    """The little a session asks of the window around it."""

    def autosave(self) -> bool: ...

    def save_rows(self, rows: list[int], quiet: bool = False) -> bool: ...

    def model_state(self) -> tuple[ModelInfo | None, str | None]:
        """(the model in use or None while loading, why it failed or None)."""

    def image_shown(self, doc: ImageDocument) -> None:
        """An image became the current one (the window updates its verify action and counter)."""


class ReviewSession:
    """Per-folder state: documents, list rows, the current image and the review pass."""

    def __init__(self, dataset, parts: SessionParts, host: SessionHost) -> None:
        self.parts = parts
        self.host = host
        self.dataset = dataset
        self.store = AnnotationStore(dataset)
        items = dataset.items
        self.model = FileListModel([i.image_path.name for i in items], [i.has_annotation for i in items])
        self.row_of = {str(item.image_path): row for row, item in enumerate(items)}
        self.current: int | None = None
        self.visited: set[int] = set()
        self.folder_labels: set[str] = set()
        self.predefined = read_classes(dataset.root)  # labelImg's predefined_classes.txt
        self.last_show_ms = 0.0
        self.scanner = AnnotationScanner([i.annotation_path for i in items])
        self.scanner.scanned.connect(self._scanned)
        self.scanner.start()

    def close(self) -> None:
        self.scanner.stop()

    def suggested_model(self) -> str:
        from petloc_gui.app.model_choice import choose_model

        return choose_model(self.dataset)

    # --- showing an image ------------------------------------------------------------
    def show(self, row: int) -> None:
        """Make ``row`` the current image (autosaving the previous one if that is on)."""
        started = time.perf_counter()
        w = self.parts
        previous = self.current
        if previous is not None and previous != row and self.host.autosave():
            doc = self.store.loaded(previous)
            if doc is not None and doc.dirty:
                self.host.save_rows([previous], quiet=True)
        item = self.dataset.items[row]
        doc = self.store.document(row)
        display = w.images.get(item.image_path)
        if display.image is not None and display.size[0] > 0:
            doc.image_size = display.size
        self.current = row
        w.edits.set_document(row, doc)
        w.panel.show_image(display)
        w.panel.show_annotation(doc, w.edits.selected)
        self.show_prediction()
        self.refresh_row_from(row, doc)
        w.file_dock.select_source_row(row)
        self.host.image_shown(doc)
        ahead = w.file_dock.visible_rows_after(row, PREFETCH, 1)
        behind = w.file_dock.visible_rows_after(row, 1, -1)
        paths = [self.dataset.items[r].image_path for r in ahead + behind]
        w.predictions.request([item.image_path] + paths)
        w.images.prefetch(paths)
        self.last_show_ms = (time.perf_counter() - started) * 1000

    def show_prediction(self) -> None:
        if self.current is None:
            return
        w = self.parts
        result = w.predictions.cached(self.dataset.items[self.current].image_path)
        if result is None:
            info, problem = self.host.model_state()
            if problem:
                message = problem
            else:
                message = "Predicting…" if info is not None else "Loading model…"
            w.panel.show_prediction(None, message)
        else:
            w.panel.show_prediction(result)

    def request_all(self) -> None:
        """Fill the list from the cache, then predict the rest of the folder in the background.

        After a rollback to a model used earlier in this run, every image may
        already be cached: those results are never predicted (nor signalled)
        again, so without this the list's prediction columns stayed empty.
        """
        paths = [i.image_path for i in self.dataset.items]
        for path, result in self.parts.predictions.cached_many(paths).items():
            self.prediction_arrived(str(path), result, emit=False)
        self.model.items_changed()
        self.parts.predictions.request_background(paths)
        if self.current is not None:
            self.parts.predictions.request([self.dataset.items[self.current].image_path])

    # --- facts arriving ------------------------------------------------------------------
    def prediction_arrived(self, path: str, result, emit: bool = True) -> None:
        row = self.row_of.get(path)
        if row is None:
            return
        now = emit and row == self.current
        if is_prediction(result):
            self.model.set_prediction(row, result.label, float(result.confidence), result.box, emit=now)
        else:
            self.model.set_prediction(row, None, None, None, emit=False)
            self.model.set_error(row, str(result), emit=now)
        if now:
            self.parts.panel.show_prediction(result)

    def _scanned(self, rows: list, results: list) -> None:
        new_labels = False
        for row, result in zip(rows, results):
            if self.store.loaded(row) is not None:
                continue  # the open document is the truth now
            if isinstance(result, str):
                self.model.set_status(row, STATUS_ERROR, result, emit=False)
                continue
            name, box, verified = result
            if name and name not in self.folder_labels:
                self.folder_labels.add(name)
                new_labels = True
            self.model.set_ground_truth(row, name, box, verified, emit=False)
            if verified:
                self.model.set_status(row, STATUS_VERIFIED, emit=False)
        self.model.items_changed()
        if new_labels:
            self.refresh_labels()

    def document_changed(self, doc) -> None:
        row = self.row_of.get(str(doc.image_path))
        if row is not None:
            self.refresh_row_from(row, doc)
        for obj in doc.objects:
            if obj.name not in self.folder_labels:
                self.folder_labels.add(obj.name)
                self.refresh_labels()

    def refresh_row(self, row: int) -> None:
        """Show an image's document (after a save) in its list row."""
        doc = self.store.loaded(row)
        if doc is not None:
            self.refresh_row_from(row, doc)

    def refresh_row_from(self, row: int, doc) -> None:
        primary = doc.primary
        self.model.set_ground_truth(row, primary.name if primary else None, primary.box if primary else None,
                                    doc.verified)
        self.model.set_status(row, doc.status(), doc.load_error or doc.save_error)

    # --- labels and queue --------------------------------------------------------------------
    def label_names(self) -> list[str]:
        """The class list: the folder's predefined classes, the model's, then labels found on boxes."""
        info, _problem = self.host.model_state()
        return merged_names(self.predefined, info.class_names if info is not None else (), self.folder_labels)

    def refresh_labels(self) -> None:
        self.parts.labels.set_names(self.label_names())

    def next_to_review(self) -> int | None:
        self.model.update_ranks()
        entries = self.model.queue_entries()
        skip = set(self.visited)
        if self.current is not None:
            skip.add(self.current)
        row = review_queue.next_to_review(entries, self.model.ranks, skip)
        if row is not None:
            self.visited.add(row)
        return row

    def image_path(self, row: int) -> Path:
        return self.dataset.items[row].image_path
