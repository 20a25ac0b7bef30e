"""The one owner of a session's five ways of noticing what other programs do to its folder.

Each watches one thing, so each stays small:

- `AnnotationScanner`: the annotation files of every image, read once when the folder opens;
- `FolderFollower`: those files again as other programs write them afterwards (the images not open;
  any change also reaches ``files_changed``, with its rows: the Dataset panel counts again, the
  trained-here check looks whether one is a held-out image's);
- `DiskSync`: the files of the images opened in this session (their documents may hold edits);
- `ImageSetWatch`: images added to or removed from the folder, and a folder of it that cannot be read now;
- `ImageRewrites`: listed images whose file another program replaced or rewrote (their rows' predictions are
  the old file's).

`FolderWatchers` starts them in the one order that misses nothing (the follower notes every
file's state before the scan reads them, so a write during the scan is seen) and stops them
together when the session closes. It is given the session's store and where each finding
goes (narrow callables), not the session itself.
"""

from __future__ import annotations

from collections.abc import Callable

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.app.file_key import FileKey
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.dataset import Dataset
from petloc_gui.core.disk_state import DiskState
from petloc_gui.core.stale import dataset_annotation_folders
from petloc_gui.ui.review.annotation_scanner import AnnotationScanner
from petloc_gui.ui.review.disk_sync import DiskSync
from petloc_gui.ui.review.folder_follower import FolderFollower
from petloc_gui.ui.review.image_rewrites import ImageRewrites
from petloc_gui.ui.review.image_set_watch import ImageSetWatch

FilesRead = Callable[[list, list], None]  # (rows, `read_primary` results; None: no file now)
OpenFileChanged = Callable[[int, ImageDocument, DiskState], None]  # (row, its document, the file's state now)
ImagesChanged = Callable[[list[str], list[str]], None]  # (image paths new on disk, gone from it)
# the (folder, the OS's reason) pairs that cannot be read now; empty: every folder can be read again
FoldersUnreadable = Callable[[list[tuple[str, str]]], None]
ImagesRewritten = Callable[[list[FileKey]], None]  # the listed images whose file changed, by their keys of now


class FolderWatchers:
    """Started on construction; `close` stops all five (idempotent)."""

    def __init__(self, dataset: Dataset, store: AnnotationStore, files_read: FilesRead,
                 open_file_changed: OpenFileChanged, images_changed: ImagesChanged,
                 scan_done: Callable[[], None] = lambda: None,
                 files_changed: Callable[[list[int]], None] = lambda _rows: None,
                 folder_unreadable: FoldersUnreadable = lambda _folders: None,
                 images_rewritten: ImagesRewritten = lambda _keys: None) -> None:
        """``files_changed``: the rows whose annotation files changed on disk since the folder opened
        (written, replaced or removed by any program: the window's saves too), once they are read;
        ``folder_unreadable``: `ImageSetWatch.unreadable` (a folder that cannot be read, or can again);
        ``images_rewritten``: `ImageRewrites.rewritten` (images whose file changed since the open)."""
        items = dataset.items
        annotation_paths = [item.annotation_path_text for item in items]
        self.disk = DiskSync(store.loaded_items, open_file_changed)
        # each row read with its image's size and what it shares (`AnnotationStore.read_primary`)
        self.scanner = AnnotationScanner(annotation_paths, sweep_folders=dataset_annotation_folders(dataset),
                                         read=store.read_primary)
        self.scanner.scanned.connect(files_read)
        self.scanner.done.connect(scan_done)
        self.follower = FolderFollower(annotation_paths, read=store.read_primary)
        self.follower.changed.connect(files_read)
        changed = lambda rows, _results: files_changed(list(rows))  # noqa: E731 - after files_read: rows read
        self.follower.changed.connect(changed)
        self.follower.start(then=self.scanner.start)
        self.image_watch = ImageSetWatch(dataset)
        self.image_watch.changed.connect(images_changed)
        self.image_watch.unreadable.connect(folder_unreadable)
        self.image_watch.start()
        self.rewrites = ImageRewrites([item.image_path_text for item in items])
        self.rewrites.rewritten.connect(images_rewritten)
        # a file renamed over an image moves its folder's time: the folder watch the image set has says so
        # (no watch of its own: each is one more of the user's inotify instances)
        self.image_watch.looks.watcher.directoryChanged.connect(self.rewrites.soon)
        self.rewrites.start()
        self._connections = [(self.scanner.scanned, files_read), (self.scanner.done, scan_done),
                             (self.follower.changed, files_read), (self.follower.changed, changed),
                             (self.image_watch.changed, images_changed),
                             (self.image_watch.unreadable, folder_unreadable),
                             (self.rewrites.rewritten, images_rewritten),
                             (self.image_watch.looks.watcher.directoryChanged, self.rewrites.soon)]
        self.closed = False

    def watch(self, doc: ImageDocument) -> None:
        """Follow an opened document's file from now on (`DiskSync`)."""
        if not self.closed:
            self.disk.watch(doc)

    def scan_finished(self) -> bool:
        """Whether the opening scan has read every annotation file."""
        return self.scanner.scan_done()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        for signal, slot in self._connections:
            signal.disconnect(slot)  # a worker's result that lands after closing goes nowhere
        self.scanner.stop()
        # their watchers go with them: do not pile up one per folder opened
        for watcher in (self.disk, self.follower, self.image_watch, self.rewrites):
            watcher.stop()
            watcher.deleteLater()
