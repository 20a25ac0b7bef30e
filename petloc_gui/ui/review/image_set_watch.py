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
review pass all refer to the list as it was read. A folder that cannot be
looked at or listed (permissions, a network share's hiccup) is no folder
emptied: its listing is kept and the window is told (``unreadable``) instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from petloc_gui.core.dataset import Dataset, open_dataset
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.folder_listing import FolderListing, folder_listing, stat_state, why_unlistable
from petloc_gui.core.text import counted
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
    # the folders that could not be looked at (each with the OS's reason): their listing is kept as
    # last seen, never read as "every image gone"
    unreadable: tuple[tuple[Path, str], ...] = ()
    # each folder's change time (st_ctime_ns) as last looked at: a chmod moves it, not the modification
    # time, so a folder turned unreadable is listed again and said (one taken as it is the first time)
    changed_ns: dict[Path, int] = field(default_factory=dict)


def look_again(root: Path, seen: Seen) -> Seen:
    """The folders now. A folder whose time moved is listed again, and only when its image (or
    folder) names changed is the whole folder indexed again: saving an annotation in the sidecar
    layout moves the time of its folder, and 10,000 images index in ~150 ms against ~15 ms for
    one listing. The index records each folder's time before listing it, so a change while it
    reads is seen on the next look. A folder that cannot be looked at or listed (permissions, a
    network share's hiccup) is a distinct outcome (``unreadable``), not an empty one: its images are
    taken as last seen, and it is listed again at each look until it can be, when any real change
    is found."""
    now: dict[Path, FolderListing] = {}
    changed_ns: dict[Path, int] = {}
    unreadable: dict[Path, str] = {}
    was_unreadable = {folder for folder, _why in seen.unreadable}
    names_moved = False
    for folder, listed in seen.folders.items():
        state = stat_state(folder)
        if isinstance(state, str):
            unreadable[folder] = state
            now[folder] = listed
            continue
        if state is not None:
            changed_ns[folder] = state.st_ctime_ns
            if (state.st_mtime_ns == listed.mtime_ns and folder not in was_unreadable
                    and seen.changed_ns.get(folder, state.st_ctime_ns) == state.st_ctime_ns):
                now[folder] = listed
                continue
        if names_moved:
            continue  # indexed below, which lists it (one it cannot list is looked at there)
        listing = folder_listing(folder)
        # a folder it cannot list reads as one emptied: said instead (not "every image gone"), its listing kept
        why = None if listing.same_names(listed) else listing.error
        if why is not None:
            unreadable[folder] = why
            now[folder] = listed  # its old time: listed again once it can be
        elif not listing.same_names(listed):
            names_moved = True  # indexed below; the other folders are still looked at (can each be read?)
        else:
            now[folder] = listing
    said = tuple(unreadable.items())
    if not names_moved:
        return Seen(now, None, said, changed_ns)
    # not indexed after all (the folder cannot be looked at now): every folder as last seen, change times
    # too, so that each is listed again at the next look
    root_state = stat_state(root)
    if isinstance(root_state, str):
        return Seen(seen.folders, None, ((root, root_state), *said), seen.changed_ns)
    if root_state is None or not os.path.isdir(root):
        # the folder itself renamed, moved or deleted: every image is gone (said at once, not "no
        # annotation" row by row); each folder reads as missing, so one that comes back is listed again
        missing = FolderListing(None, frozenset())
        return Seen(dict.fromkeys(seen.folders, missing), frozenset())
    try:
        dataset = open_dataset(root)
    except (DatasetError, OSError):
        return Seen(seen.folders, None, said, seen.changed_ns)  # gone or unreadable: asked again next look
    # A folder that is still there but could not be listed (permissions, a network share's
    # hiccup) would read as all its images gone: its images are taken as last seen, and it is
    # looked at again at each look (its old listing kept; a time kept from before would re-index every look).
    images = {str(item.image_path) for item in dataset.items}
    folders = dict(dataset.folders)
    for folder, listed in seen.folders.items():
        if folder in folders:
            continue
        state = stat_state(folder)
        if state is None:
            continue  # gone, its images with it
        why = state if isinstance(state, str) else why_unlistable(folder)
        if why is not None:
            unreadable.setdefault(folder, why)
            folders[folder] = listed
        elif isinstance(state, os.stat_result) and os.path.isdir(folder):  # readable, not indexed: kept as seen
            folders[folder] = FolderListing(state.st_mtime_ns, listed.images, listed.folders)
        else:
            continue
        images.update(str(folder / name) for name in listed.images)
    return Seen(folders, frozenset(images), tuple(unreadable.items()), changed_ns)


class ImageSetWatch(QObject):
    """Emits ``changed(added, removed)``: sorted image paths new on disk and gone from it,
    compared with the list as the folder was opened (both empty: as listed again); and
    ``unreadable(folders)``: the (folder, the OS's reason) pairs that cannot be read now, once
    they are found and again when that changes (empty: every folder can be read again)."""

    changed = Signal(object, object)
    unreadable = Signal(object)

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
        before = self.seen.unreadable
        self.seen = seen
        if seen.unreadable != before:  # said once, and once more when it changes (readable again)
            self.unreadable.emit([(str(folder), why) for folder, why in seen.unreadable])
        if seen.images is not None:
            self.looks.watch(seen.folders)
            said = (sorted(seen.images - self._listed), sorted(self._listed - seen.images))
            if said != self._said:  # said once, not at every look that finds the same
                self._said = said
                self.changed.emit(*said)

    def stop(self) -> None:
        self.looks.stop()


def cannot_read(folders: list[tuple[str, str]], name: Callable[[str], str] = str) -> str:
    """"Cannot read the folder pets/day (and 2 more folders): Permission denied": the first of the (folder, the
    OS's reason) pairs ``folders`` (not empty), as ``name`` names it, and how many more; how the status line
    (`unreadable_text`) and the line under the list (`unreadable_notice.unreadable_line`) both begin."""
    folder, why = folders[0]
    more = f" (and {counted(len(folders) - 1, 'more folder')})" if len(folders) > 1 else ""
    return f"Cannot read the folder {name(folder)}{more}: {why}"


def unreadable_text(folders: list[tuple[str, str]]) -> str:
    """The status line's words for `ImageSetWatch.unreadable`: which folder cannot be read and why, and
    that nothing of the list or the edits is dropped for it (its images are not "deleted")."""
    if not folders:
        return "The folder can be read again; it is followed as before (new or deleted images are said)"
    return (f"{cannot_read(folders)}. The list and any unsaved edits are kept as they are; "
            "it is looked at again until it can be read")
