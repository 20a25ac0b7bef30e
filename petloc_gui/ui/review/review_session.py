"""One open folder: its documents, file list rows, current image and review pass.

Showing an image costs: reading its XML (small), a decoded-image cache
lookup and a prediction cache lookup; the next few images in list order are
prefetched (decode + prediction) so moving on is instant.
"""

from __future__ import annotations

import time
from pathlib import Path

from petloc_gui.app import review_queue
from petloc_gui.ui.review.annotation_scanner import AnnotationScanner
from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.app.image_document import STATUS_ERROR, STATUS_VERIFIED
from petloc_gui.ui.canvas.image_panel import is_prediction

PREFETCH = 4


class ReviewSession:
    """Per-folder state, driven by the MainWindow."""

    def __init__(self, window, dataset) -> None:
        self.window = window
        self.dataset = dataset
        self.store = AnnotationStore(dataset)
        items = dataset.items
        self.model = FileListModel([i.image_path.name for i in items], [i.has_annotation for i in items])
        self.row_of = {str(item.image_path): row for row, item in enumerate(items)}
        self.current: int | None = None
        self.visited: set[int] = set()
        self.folder_labels: set[str] = set()
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
        w = self.window
        previous = self.current
        if previous is not None and previous != row and w.settings.autosave:
            doc = self.store.loaded(previous)
            if doc is not None and doc.dirty:
                w.guard.save_rows([previous], quiet=True)
        item = self.dataset.items[row]
        doc = self.store.document(row)
        display = w.images.get(item.image_path)
        if display.image is not None and display.size[0] > 0:
            doc.image_size = display.size
        self.current = row
        w.edits.set_document(row, doc)
        w.panel.show_image(display)
        w.panel.show_annotation(doc, w.edits.selected)
        w.act["verify"].setChecked(doc.verified)
        self.show_prediction()
        self._doc_to_row(row, doc)
        w.file_dock.select_source_row(row)
        if doc.objects:
            w.label_combo.setCurrentText(doc.objects[0].name)
        w.position_label.setText(f"{row + 1} / {len(self.dataset.items)}")
        ahead = w.file_dock.visible_rows_after(row, PREFETCH, 1)
        behind = w.file_dock.visible_rows_after(row, 1, -1)
        paths = [self.dataset.items[r].image_path for r in ahead + behind]
        w.predictions.request([item.image_path] + paths)
        w.images.prefetch(paths)
        self.last_show_ms = (time.perf_counter() - started) * 1000

    def show_prediction(self) -> None:
        if self.current is None:
            return
        w = self.window
        result = w.predictions.cached(self.dataset.items[self.current].image_path)
        if result is None:
            if w.model_problem:
                message = w.model_problem
            else:
                message = "Predicting…" if w.current_model_info() is not None else "Loading model…"
            w.panel.show_prediction(None, message)
        else:
            w.panel.show_prediction(result)

    def request_all(self) -> None:
        """Predict the whole folder in the background (fills the review queue)."""
        self.window.predictions.request_background([i.image_path for i in self.dataset.items])
        if self.current is not None:
            self.window.predictions.request([self.dataset.items[self.current].image_path])

    # --- facts arriving ------------------------------------------------------------------
    def prediction_arrived(self, path: str, result) -> None:
        row = self.row_of.get(path)
        if row is None:
            return
        now = row == self.current
        if is_prediction(result):
            self.model.set_prediction(row, result.label, float(result.confidence), result.box, emit=now)
        else:
            self.model.set_prediction(row, None, None, None, emit=False)
            self.model.set_error(row, str(result), emit=now)
        if now:
            self.window.panel.show_prediction(result)

    def _scanned(self, rows: list, results: list) -> None:
        new_labels = False
        for row, result in zip(rows, results):
            if self.store.loaded(row) is not None:
                continue  # the open document is the truth now
            if isinstance(result, str):
                self.model.set_status(row, STATUS_ERROR, result, emit=False)
                continue
            name, box, verified, objects = result
            if name and name not in self.folder_labels:
                self.folder_labels.add(name)
                new_labels = True
            self.model.set_ground_truth(row, name, box, verified, emit=False, objects=objects)
            if verified:
                self.model.set_status(row, STATUS_VERIFIED, emit=False)
        self.model.items_changed()
        if new_labels:
            self.refresh_labels()

    def document_changed(self, doc) -> None:
        row = self.row_of.get(str(doc.image_path))
        if row is not None:
            self._doc_to_row(row, doc)
        for obj in doc.objects:
            if obj.name not in self.folder_labels:
                self.folder_labels.add(obj.name)
                self.refresh_labels()

    def _doc_to_row(self, row: int, doc) -> None:
        primary = doc.primary
        self.model.set_ground_truth(row, primary.name if primary else None, primary.box if primary else None,
                                    doc.verified, objects=[(o.name, o.box) for o in doc.objects])
        self.model.set_status(row, doc.status(), doc.load_error or doc.save_error)

    # --- labels and queue --------------------------------------------------------------------
    def label_names(self) -> list[str]:
        info = self.window.current_model_info()
        names = list(info.class_names) if info is not None else []
        names += sorted(n for n in self.folder_labels if n not in names)
        return names

    def refresh_labels(self) -> None:
        combo = self.window.label_combo
        current = combo.currentText()
        names = self.label_names()
        if [combo.itemText(i) for i in range(combo.count())] == names:
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(names)
        if current in names:
            combo.setCurrentText(current)
        combo.blockSignals(False)

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
