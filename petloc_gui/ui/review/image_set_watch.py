"""Noticing images added to or removed from the open folder.

The list of images is read once, when the folder opens (`core.dataset`), so
images copied in later (a camera import, a sync tool, ``cp`` in a terminal)
or deleted by another program were not seen until the folder was opened
again. `ImageSetWatch` watches the folders that index listed (a folder
watch, and a look at their modification times every few seconds for file
systems that send no events). When one of them changed, it lists that folder
again in a background worker, and only when the image names there differ
does it index the whole folder again and say which images are new and which
are gone. The window then offers to reload the folder (File → Reload folder)
instead of changing the list under the user: rows, the undo history and the
review pass all refer to the list as it was read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from petloc_gui.core.dataset import Dataset, open_dataset
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.folder_listing import FolderListing, folder_listing, folder_time
from petloc_gui.ui.review.folder_look import FolderLook

QUIET_MS = 1000  # a copy of many images: one look after it pauses, not one per file
POLL_MS = 3000  # a stat of each listed folder: cheap; a listing only when one moved


@dataclass(frozen=True)
class Seen:
    """The folders as last listed, and (after a new index) the images found. Every layout's index
    walks its images folder's subfolders (the sidecar folder, ``images/`` or ``JPEGImages/``), so each
    folder is listed again as that search lists it: its subfolders' names count too, and a folder
    holding subfolders reads as unchanged when only its time moved."""

    folders: dict[Path, FolderListing]
    images: frozenset[str] | None = None  # None: not indexed again, the image set is as before


def look_again(root: Path, seen: Seen) -> Seen:
    """The folders now. A folder whose time moved is listed again, and only when its image (or
    folder) names changed is the whole folder indexed again: saving an annotation in the sidecar
    layout moves the time of its folder, and 10,000 images index in ~150 ms against ~15 ms for
    one listing. The index records each folder's time before listing it, so a change while it
    reads is seen on the next look."""
    now: dict[Path, FolderListing] = {}
    for folder, listed in seen.folders.items():
        if folder_time(folder) == listed.mtime_ns:
            now[folder] = listed
            continue
        listing = folder_listing(folder)
        if not listing.same_names(listed):
            break
        now[folder] = listing
    else:
        return Seen(now)
    if not os.path.isdir(root):
        # the folder itself renamed, moved or deleted: every image is gone (said at once, not "no
        # annotation" row by row); each folder reads as missing, so one that comes back is listed again
        missing = FolderListing(None, frozenset())
        return Seen(dict.fromkeys(seen.folders, missing), frozenset())
    try:
        dataset = open_dataset(root)
    except (DatasetError, OSError):
        return Seen(seen.folders)  # the folder is gone or unreadable: asked again next look
    # A folder that is still there but could not be listed (permissions, a network share's
    # hiccup) would read as all its images gone: its images are taken as last seen, and it is
    # looked at again once its time moves (a time kept from before would re-index every look).
    images = {str(item.image_path) for item in dataset.items}
    folders = dict(dataset.folders)
    for folder, listed in seen.folders.items():
        if folder not in folders and os.path.isdir(folder):
            folders[folder] = FolderListing(folder_time(folder), listed.images, listed.folders)
            images.update(str(folder / name) for name in listed.images)
    return Seen(folders, frozenset(images))


class ImageSetWatch(QObject):
    """Emits ``changed(added, removed)``: sorted image paths new on disk and gone from it,
    compared with the list as the folder was opened (both empty: as listed again)."""

    changed = Signal(object, object)

    def __init__(self, dataset: Dataset, parent=None) -> None:
        super().__init__(parent)
        self._root = dataset.root
        self._listed = frozenset(item.image_path_text for item in dataset.items)
        # what the window's own index saw: nothing is indexed again until a folder changes
        self.seen = Seen(dict(dataset.folders))
        self._said: tuple[list[str], list[str]] = ([], [])
        self.looks = FolderLook(lambda: (look_again, (self._root, self.seen)), self._looked,
                                quiet_ms=QUIET_MS, poll_ms=POLL_MS, parent=self)
        self.looks.watch(dataset.folders)

    def start(self) -> None:
        """Follow the folders from now on."""
        self.looks.start()

    def look(self) -> None:
        """Look at the folders now; a difference with the list arrives as ``changed``."""
        self.looks.look()

    def _looked(self, seen: Seen) -> None:
        self.seen = seen
        if seen.images is not None:
            self.looks.watch(seen.folders)
            said = (sorted(seen.images - self._listed), sorted(self._listed - seen.images))
            if said != self._said:  # said once, not at every look that finds the same
                self._said = said
                self.changed.emit(*said)

    def stop(self) -> None:
        self.looks.stop()
