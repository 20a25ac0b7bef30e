"""One open folder: its documents, file list rows, current image and review pass.

Showing an image costs: reading its XML (small), a decoded-image cache
lookup and a prediction cache lookup; the next few images in list order are
prefetched (decode + prediction) so moving on is instant. The UI thread never
reads an image file: an image not decoded yet shows "Loading…" while a pool
thread decodes it (ui.canvas.image_cache), and is shown when it arrives
unless the user has moved on meanwhile.

The folder's model is chosen in a worker too (`ui.models.folder_model_chooser`: it reads up to 500
annotation files): until it is decided (``model_pending``), the first image shows with "Choosing the
model…" and no prediction is asked for or shown, since the model the window had may not be this folder's.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from petloc_gui.app.annotation_store import AnnotationStore, folder_gone
from petloc_gui.app.class_list import read_classes
from petloc_gui.app.image_document import (
    STATUS_ANNOTATED,
    STATUS_ERROR,
    STATUS_NONE,
    STATUS_PRELABEL,
    STATUS_VERIFIED,
    ImageDocument,
)
from petloc_gui.app.list_names import shown_names
from petloc_gui.core.real_paths import part_inside
from petloc_gui.core.text import visible
from petloc_gui.ui.canvas.image_cache import ImageCache
from petloc_gui.ui.canvas.image_panel import ImagePanel, is_prediction
from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box import LabelBox
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.models.folder_model_chooser import CHOOSING, FolderModel, FolderModelChooser
from petloc_gui.ui.models.prediction_service import PredictionService
from petloc_gui.ui.review import listed_queue
from petloc_gui.ui.review.cache_fill import CacheFill
from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.ui.review.file_list_dock import FileListDock
from petloc_gui.ui.review.folder_classes import FolderClasses
from petloc_gui.ui.review.folder_outage import FolderOutage
from petloc_gui.ui.review.folder_watchers import FolderWatchers
from petloc_gui.ui.review.gone_images import GoneImages
from petloc_gui.ui.review.image_keys import ImageKeys
from petloc_gui.ui.review.image_set_watch import unreadable_text
from petloc_gui.ui.review.their_version import TheirVersion

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


class SessionHost(listed_queue.StatusLine, Protocol):
    """The little a session asks of the window around it (its status line: `show_status`, `clear_status_if`)."""

    def autosave(self) -> bool: ...

    def save_rows(self, rows: list[int], quiet: bool = False) -> bool: ...

    def model_state(self) -> tuple[ModelInfo | None, str | None]:
        """(the model in use or None while loading, why it failed or None)."""

    def image_shown(self, doc: ImageDocument | None) -> None:
        """An image became the current one (the window updates its verify action and counter).

        ``doc`` is None while the image is still loading (the counter alone moves)."""

    def refresh_modified(self) -> None:
        """The window's unsaved-edits mark follows the documents again."""

    def folder_labels_changed(self, labels: set[str]) -> None:
        """The folder's labels grew: a model that no longer fits them is chosen again."""

    def annotation_files_changed(self, rows: list[int]) -> None:
        """The annotation files of ``rows`` changed on disk (another program; a save too): the Dataset panel
        counts again, the model's trained-here check looks whether one is a held-out image's."""


class ReviewSession:
    """Per-folder state: documents, list rows, the current image and the review pass."""

    def __init__(self, dataset, parts: SessionParts, host: SessionHost) -> None:
        self.parts = parts
        self.host = host
        self.dataset = dataset
        self.store = AnnotationStore(dataset)
        items = dataset.items
        self.model = FileListModel(shown_names(dataset), [i.has_annotation for i in items])
        self.row_of = {item.image_path_text: row for row, item in enumerate(items)}  # no Path built for each
        self.current: int | None = None
        self.visited: set[int] = set()
        self.listed = listed_queue.ListedQueue(self.model, parts.file_dock, host)  # N among the rows listed
        # app.model_choice.ModelChoice, once `choose_model`'s answer came (None before, and when it was not
        # needed: a model named, a pick the folder remembers)
        self.model_choice = None
        self.model_pending = False  # the folder's model is being chosen (`choose_model`)
        self._chooser = FolderModelChooser()
        self._keys = ImageKeys()  # the images' file keys, read once per open off the UI thread (`request_all`)
        self.outage = FolderOutage(items, parts.predictions, self)  # no prediction asked for where none can be made
        self._fill = CacheFill(self.model, self.row_of, parts.predictions, self._keys, self.prediction_arrived,
                               lambda: self.closed or self.model_pending, self.outage.covers)
        # labelImg's predefined_classes.txt, read once: FolderClasses keeps it from then on
        self.classes = FolderClasses(self.model, lambda: read_classes(dataset.root), parts.labels, host,
                                     lambda: self.closed, parts.edits)
        # what other programs do to the folder meanwhile: its annotation files, the open images' files,
        # images added or deleted
        self.gone = GoneImages(self.model, self.store, self.row_of, dataset.items, parts.predictions, self)
        self.their_version = TheirVersion(self.model, self.store, dataset.items, parts, host, self)
        self.watchers = FolderWatchers(dataset, self.store, files_read=self._scanned,
                                       open_file_changed=self.their_version.disk_changed,
                                       images_changed=self._folder_changed, scan_done=self.classes.scan_done,
                                       files_changed=host.annotation_files_changed,
                                       folder_unreadable=self._folder_unreadable, images_rewritten=self._fill.rewritten)
        self.loading: str | None = None  # the image path shown as "Loading…"
        self.closed = False
        parts.images.decoded.connect(self.image_decoded)
        self._listening = True

    def close(self) -> None:
        if self._listening:  # once: closing the window closes the session again
            self.parts.images.decoded.disconnect(self.image_decoded)
            self._listening = False
        self.loading = None
        self.closed = True
        self._chooser.stop()  # a choice on its way is dropped (the window quits, another folder opens)
        self._keys.stop()  # so are the images' keys
        self.watchers.close()

    def _folder_changed(self, added: list[str], removed: list[str]) -> None:
        self.parts.file_dock.show_folder_change(added, removed, str(self.dataset.root))
        was_gone = {str(self.image_path(row)) for row in self.model.gone} - set(removed)
        self._keys.forget(map(Path, was_gone))  # back: another file, maybe (the update asks for them again)
        self.gone.update(removed)
        gone = folder_gone(Path(self.dataset.root)) if removed else None
        if gone is not None:
            self.host.show_status(visible(gone), 30000)
        elif self.current is not None and str(self.image_path(self.current)) in removed:
            # it stays on screen (decoded already): say it is gone before anyone annotates it
            self.host.show_status(f"{visible(self.image_path(self.current).name)} was deleted from the folder; "
                                  "F5 reloads the list", 15000)

    def _folder_unreadable(self, folders: list[tuple[str, str]]) -> None:
        """A folder of the list cannot be read now (or can again): said, under the list too; list and image stay."""
        self.parts.file_dock.show_folder_unreadable(folders, str(self.dataset.root))
        self.host.show_status(visible(unreadable_text(folders)), 30000)
        self.outage.said(folders)  # nothing there asked for meanwhile (it would only fail); asked for once readable

    def choose_model(self, pick: str, chosen: Callable[[FolderModel], None]) -> None:
        """Choose this folder's model in a worker (``pick``: a model the user picked elsewhere, "" if none:
        `find_folder_model`); ``chosen`` gets the answer in the UI thread, never once this session is
        closed. Until `model_decided`, no prediction is asked for or shown."""
        self.model_pending = True
        self._chooser.start(self.dataset, pick, chosen)

    def model_decided(self) -> None:
        """The folder's model is decided (chosen, named or picked): predictions may be asked for again (the
        model controller switches to it, or asks for them: `request_all`)."""
        self.model_pending = False

    # --- showing an image ------------------------------------------------------------
    def show(self, row: int) -> None:
        """Make ``row`` the current image (autosaving the previous one if that is on)."""
        w = self.parts
        previous = self.current
        if previous is not None and previous != row:
            self.autosave(previous)
        item = self.dataset.items[row]
        if previous != row:
            self.model.release()  # the image left moves to its place in the queue now
        self.current = row
        self.visited.add(row)  # N skips what was seen this pass, however it was reached
        display = w.images.cached(item.image_path)
        if display is None:
            # Decoded in the background; the document waits for the image's
            # size (so the header is never read here) and comes with it.
            self.loading = str(item.image_path)
            w.edits.set_document(row, None)
            w.panel.show_image(None, f"Loading {visible(item.image_path.name)}…")
            w.panel.show_annotation(None)
            w.images.request(item.image_path)
            self.host.image_shown(None)
        else:
            self._present(row, display)
        w.file_dock.select_source_row(row)
        ahead = w.file_dock.visible_rows_after(row, PREFETCH, 1)
        behind = w.file_dock.visible_rows_after(row, 1, -1)
        paths = self.outage.readable([self.image_path(r) for r in ahead + behind if r not in self.model.gone])
        shown = [] if row in self.model.gone else [item.image_path]  # a deleted image would only fail
        if not self.model_pending:  # else by the model the window had: maybe not this folder's
            w.predictions.request(shown + paths)
        w.images.prefetch(paths)

    def autosave(self, row: int) -> bool | None:
        """Save image ``row``'s edits if autosave is on, as leaving it does (also D on the list's last
        image, which leaves nothing): True if saved, False if the save failed (the status line says
        why), None when there was nothing to save or autosave is off."""
        doc = self.store.loaded(row)
        if not self.host.autosave() or doc is None or not doc.dirty:
            return None
        return self.host.save_rows([row], quiet=True)

    def image_decoded(self, path: str, display) -> None:
        """A decode finished (pool thread -> UI thread): show it if it is the one awaited."""
        if self.loading is None or path != self.loading or self.current is None:
            return  # a prefetch, or an image the user has already left
        if str(self.dataset.items[self.current].image_path) != path:
            return
        self._present(self.current, display)

    def _present(self, row: int, display) -> None:
        """Show image ``row`` with its decoded picture (or its decoding error)."""
        w = self.parts
        self.loading = None
        # The decoded size spares reading the image header to check the XML's.
        decoded = display.image is not None and display.size[0] > 0
        known = self.store.loaded(row)  # the image file measured before: another one now is news
        measured = known.image_key if known is not None else None
        doc = self.store.document(row, display.size if decoded else None)
        self.watchers.watch(doc)
        if not self.closed:
            self.watchers.disk.follow_image(self.image_path(row), self._image_file_changed)
        doc.image_error = display.error  # kept, so the list keeps saying "error"
        if decoded:
            doc.image_size = display.size
        # An image that cannot be shown takes no edits (as one still loading): its boxes cannot be
        # drawn where they are, and a key (Delete, the arrows) would change them unseen.
        w.edits.set_document(row, doc if decoded else None)
        w.panel.show_image(display, source=self.image_path(row))
        w.panel.show_annotation(doc, w.edits.selected, name=self.model.names[row])  # as the list names it
        self.host.image_shown(doc)
        self.show_prediction()
        self.refresh_row_from(row, doc)
        # another picture under its boxes (`ImageDocument.image_measured`): said, as `TheirVersion.disk_changed` does
        if doc.image_change and measured is not None and doc.image_key != measured:
            self.host.show_status(visible(doc.image_change), 15000)

    def _image_file_changed(self, path: Path) -> None:
        """The shown image's file was rewritten (restored after its decoding failed, replaced): decoded anew."""
        if not self.closed and self.current is not None and self.image_path(self.current) == path:
            self._keys.forget([path])
            self.show(self.current)

    def show_prediction(self) -> None:
        if self.current is None:
            return
        w = self.parts
        result = w.predictions.cached(self.dataset.items[self.current].image_path)
        # a failure the cache did not keep (its file changed as it was read): shown, not "Predicting…" for
        # good; showing the image again asks for it again, and what arrives replaces this
        failed = self.model.pred_errors[self.current]
        if self.model_pending:
            w.panel.show_prediction(None, CHOOSING)
        elif result is None and self.current in self.model.gone:
            w.panel.show_prediction(None, "Deleted from the folder: nothing to predict (F5 reloads the list)")
        elif result is None and failed:
            w.panel.show_prediction(None, f"No prediction: {failed}")
        elif result is None:
            info, problem = self.host.model_state()
            w.panel.show_prediction(None, problem or ("Predicting…" if info is not None else "Loading model…"))
        else:  # its row too: a cached result is not signalled, and the row said an error read in an outage
            self.prediction_arrived(self.dataset.items[self.current].image_path_text, result)

    def request_all(self) -> None:
        """Fill the list from the cache, then predict the rest of the folder in the background.

        Called as a model starts loading too (its predictions kept on disk by an earlier run, shown at once) and after a
        rollback to a model used earlier: cached results are never predicted (nor signalled) again, so without this the
        list's prediction columns stayed empty. Nothing while the folder's model is being chosen (the model the window
        had loading meanwhile), nor in a folder that cannot be read now (`FolderOutage`: asked for once it can be). By
        the images' keys, read once per open in a worker (`ImageKeys`), again for a model loaded since (`CacheFill`)."""
        if self.model_pending:
            return
        self._fill.request(self.gone.paths_left())  # (less the outage's images: `CacheFill`)
        if self.current is not None and self.current not in self.model.gone:  # (none: the urgent ones dropped)
            self.parts.predictions.request(self.outage.readable([self.image_path(self.current)]))

    # --- facts arriving ------------------------------------------------------------------
    def prediction_arrived(self, path: str, result, emit: bool = True) -> None:
        row = self.row_of.get(path)
        if row is None or self.model_pending:  # (asked for by the folder before, if reloaded)
            return
        now = emit and row == self.current
        if is_prediction(result):
            self.model.set_prediction(row, result.label, float(result.confidence), result.box, emit=now)
        else:
            self.model.set_prediction(row, None, None, None, emit=False)
            self.model.set_prediction_error(row, result, emit=now)  # its kind: the image's fault or not
        if now:
            self.parts.panel.show_prediction(result)

    def _scanned(self, rows: list, results: list) -> None:
        """Annotation files as read off the UI thread: at opening (`AnnotationScanner`), or changed
        on disk since (`FolderFollower`; None: the file is gone)."""
        new_labels, had = False, set()
        for row, result in zip(rows, results, strict=False):
            doc = self.store.loaded(row)
            if doc is not None:  # the open document is the truth now (`DiskSync` follows its file)
                new_labels |= self.classes.found(doc.class_names())
                continue
            self.dataset.items[row].has_annotation = result is not None  # as `take_theirs` keeps it
            had |= self.model.labels_of(row)  # a file rewritten or removed since may take a class with it
            if isinstance(result, str):
                self.model.set_ground_truth(row, None, None, False, emit=False)  # its boxes are unknown now
                self.model.set_status(row, STATUS_ERROR, result, emit=False)
                continue
            # the text of an annotation that could not be read goes (a prediction's error is apart)
            if result is None:
                self.model.set_ground_truth(row, None, None, False, emit=False)
                self.model.set_status(row, STATUS_NONE, None, emit=False)
                continue
            name, box, verified, objects, prelabel = result
            new_labels |= self.classes.found({n for n, _box in objects or () if n} | ({name} if name else set()))
            self.model.set_ground_truth(row, name, box, verified, emit=False, objects=objects)
            status = STATUS_VERIFIED if verified else STATUS_PRELABEL if prelabel else STATUS_ANNOTATED
            self.model.set_status(row, status, None, emit=False)
        # (each row set above queued its own repaint; a repaint of every row here, after each save's read
        # back of its own file, woke everything that follows the list's dataChanged)
        if new_labels:
            self.classes.refresh()
        self.classes.maybe_gone(had)

    def document_changed(self, doc) -> None:
        row = self.row_of.get(str(doc.image_path))
        had = self.model.labels_of(row) if row is not None else set()
        if row is not None:
            if row == self.current:  # an edit: the image moves in the queue once the user leaves it
                self.model.hold(row)
            self.refresh_row_from(row, doc)
        self.classes.edited(had, doc.class_names())

    def refresh_row(self, row: int) -> None:
        """Show an image's document (after a save) in its list row."""
        doc = self.store.loaded(row)
        if doc is not None:
            self.refresh_row_from(row, doc)

    def refresh_row_from(self, row: int, doc) -> None:
        primary = doc.primary
        self.model.set_ground_truth(row, primary.name if primary else None, primary.box if primary else None,
                                    doc.verified, objects=[(o.name, o.box) for o in doc.objects])
        self.model.set_status(row, doc.status(), doc.problem_text())

    # --- files changed by another program (`TheirVersion`) -----------------------------------
    def take_theirs(self, row: int) -> None:
        """Show image ``row``'s file as it is on disk now; the objects shown before stay one Ctrl+Z away."""
        self.their_version.take_theirs(row)

    def show_both(self, row: int) -> str:
        """Show the disk version plus the user's boxes it lacks, unsaved, to sort out by hand; returns the words
        on boxes shown with two labels stacked (`their_version.stacked_labels`), "" if none."""
        return self.their_version.show_both(row)

    # --- the review queue --------------------------------------------------------------------
    def queue_known(self) -> bool:
        """Whether the review order is final: every annotation read and every image predicted (or failed)."""
        return self.watchers.scan_finished() and self.model.count_predicted_or_failed() == len(self.model.names)

    def show_queue_top(self) -> bool:
        """Show the list's first row as ranked now (not at the re-rank timer); True when that moved."""
        self.model.update_ranks()
        first = self.parts.file_dock.first_visible_row()
        if first is None or first == self.current:
            return False
        self.show(first)
        return True

    def next_to_review(self) -> int | listed_queue.Stay | None:
        """N: the next image to review among those the list shows; `listed_queue.STAY` (said) when the filter
        hides all left, None when none is left (`listed_queue`: read from the queue kept in order, no re-sort)."""
        return self.listed.next_to_review(self.visited, self.current)

    def image_path(self, row: int) -> Path:
        return self.dataset.items[row].image_path

    def row_of_file(self, path: str | os.PathLike[str]) -> int | None:
        """The row of an image given by any path to it (through a link to the folder too), or None."""
        row = self.row_of.get(str(path))
        if row is not None:
            return row
        inside = part_inside(path, self.dataset.root)
        return None if inside is None else self.row_of.get(str(Path(self.dataset.root) / inside))
