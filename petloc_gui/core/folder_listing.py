"""What a folder holds as the dataset index sees it, and that folder listed again later.

`core.dataset` indexes a folder once. Images copied in or deleted later
change the folders it listed, and the window (`ui.review.image_set_watch`)
compares each with what the index saw there (`FolderListing`). Which names
count (an image by its extension, `image_stem`; a folder the sidecar search
walks into; hidden names skipped; a symbolic link that cannot be followed, a loop, is no
folder and no file, `entry_kind`) is decided here, for both. So is which
files are images of a format petloc does not read (`unread_images`: a HEIC
photo is named where a folder is read, not skipped silently; `core.unread_note`
words them). And so is why a folder cannot be listed (`why_unlistable`; a listing that failed
keeps it, `FolderListing.error`), for the window opening a folder and its watch; by the same rule,
whether a path is there, gone or cannot be looked at now (`stat_state`), for the window's watches and checks.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from petloc_gui.core.image_formats import IMAGE_EXTENSIONS, UnreadFormat, unread_format_named


@dataclass(frozen=True)
class FolderListing:
    """One folder as the index listed it: its modification time in ns (None: no folder),
    taken just before the listing, and the names there that decide which images the index
    finds: the image files and the folders its search walks into.
    Saving an annotation moves the time but not the names. ``error``: why a folder that is there
    could not be listed (`unlisted_reason`); its names then read as none, which is no folder emptied.
    Not compared: a listing equals another by what it holds."""

    mtime_ns: int | None
    images: frozenset[str]
    folders: frozenset[str] = frozenset()
    error: str | None = field(default=None, compare=False)

    def same_names(self, other: FolderListing) -> bool:
        return self.images == other.images and self.folders == other.folders


def folder_listing(folder: str | os.PathLike[str]) -> FolderListing:
    """``folder`` as the index would list it now: every layout's search walks into subfolders."""
    mtime = folder_time(folder)
    try:
        with os.scandir(folder) as iterator:
            entries = list(iterator)
    except OSError as exc:
        return FolderListing(mtime, frozenset(), error=unlisted_reason(exc))
    kinds = {entry.name: entry_kind(entry) for entry in entries if not entry.name.startswith(".")}
    folders = {name for name, kind in kinds.items() if kind is True}
    # as the sidecar index: a link in a loop is neither (`entry_kind` says why)
    images = {name for name, kind in kinds.items() if kind is False and image_stem(name) is not None}
    return FolderListing(mtime, frozenset(images), frozenset(folders))


def why_unlistable(folder: str | os.PathLike[str]) -> str | None:
    """The OS's reason why ``folder`` cannot be listed now (permissions, a network share's hiccup); None
    when it can, or is gone, or its path holds a NUL (opening it says that)."""
    try:
        with os.scandir(folder):
            return None
    except ValueError:
        return None
    except OSError as exc:
        return unlisted_reason(exc)


def unlisted_reason(exc: OSError) -> str | None:
    """The OS's reason in ``exc``, raised listing a folder; None when the folder is gone (deleted, moved,
    a file now): that is no folder that cannot be read."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return None
    return exc.strerror or str(exc)


def stat_state(path: str | os.PathLike[str]) -> os.stat_result | str | None:
    """``path``'s stat; None when nothing is there (deleted, moved, under what is a file now); the OS's reason
    when it cannot even be looked at (a folder above it turned unreadable, a network share's hiccup: nothing
    gone), by `unlisted_reason`'s rule. A path holding a NUL raises ValueError, as os.stat does."""
    try:
        return os.stat(path)
    except OSError as exc:
        return unlisted_reason(exc)


def folder_time(folder: str | os.PathLike[str]) -> int | None:
    """The folder's modification time in ns (a name added, removed or renamed moves it); None: no folder."""
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return None


def image_stem(name: str) -> str | None:
    """The stem of an image file name, or None when it is not an image name."""
    dot = name.rfind(".")
    if dot <= 0 or name[dot:].lower() not in IMAGE_EXTENSIONS:
        return None  # also skips hidden files such as ".jpg"
    return name[:dot]


def is_annotation_name(name: str) -> bool:
    """Whether ``name`` is an annotation file's name as every layout reads one: ``.xml`` in any case,
    not hidden."""
    return name[-4:].lower() == ".xml" and not name.startswith(".")


def is_dataset_file(name: str) -> bool:
    """Whether a file named ``name`` is one a layout reads: an annotation (`is_annotation_name`), an
    image, or an image of a format petloc does not read (HEIC...), which the index names; not hidden."""
    return not name.startswith(".") and (
        is_annotation_name(name) or image_stem(name) is not None or unread_format_named(name) is not None)


def unread_images(folders: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, UnreadFormat]]:
    """Each file in ``folders`` named as an image of a format petloc does not read (HEIC, AVIF, ...)
    with that format, in name order. The dataset's ``folders`` are where its index looked for images;
    a folder that cannot be listed gives none (the index reported it)."""
    found = []
    for folder in folders:
        try:
            with os.scandir(folder) as iterator:
                entries = list(iterator)
        except OSError:
            continue
        for name in sorted(file_names(entries)):
            fmt = unread_format_named(name)
            if fmt is not None and not name.startswith("."):
                found.append((Path(folder, name), fmt))
    return found


def file_names(entries: Iterable[os.DirEntry], untold: list[tuple[str, str]] | None = None) -> list[str]:
    """The names of the entries that are files. One whose kind cannot be told (`entry_kind`: a
    symbolic link in a loop) is left out, and added to ``untold`` with its path and why."""
    names = []
    for entry in entries:
        kind = entry_kind(entry)
        if kind is False:
            names.append(entry.name)
        elif kind is not True and untold is not None:
            untold.append((entry.path, kind))
    return names


def entry_kind(entry: os.DirEntry) -> bool | str:
    """True: a folder, or a link to one; False: not one (a file, a broken link); else why it cannot be
    told. Python raises where a symbolic link cannot be followed (``ln -s a b; ln -s b a``: "Too many
    levels of symbolic links"), and one such entry stopped every command reading the folder: each
    listing asks here, never ``entry.is_dir()`` itself."""
    try:
        return entry.is_dir()  # follows symbolic links
    except OSError as exc:
        return f"symbolic link that cannot be followed ({exc.strerror or exc}); not read"

