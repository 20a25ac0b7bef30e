"""Annotation files that no image of the dataset has: the image renamed, moved or deleted.

The index starts from the images, so an XML left behind by an image that went
is in no item, and every command passed it by without a word: its boxes are in
no figure, no training and no export. `petloc stats` lists each one, as it
lists the other files it cannot use. Only the folders where the layout keeps
annotations are listed (beside the images; Oxford's annotations/xmls, a VOC
devkit's Annotations), once each: cheap next to reading the annotations.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.core.folder_listing import file_names

if TYPE_CHECKING:  # no import cycle at run time: the dataset module is the caller's
    from petloc_gui.core.dataset import Dataset


def annotations_without_image(dataset: Dataset, untold: list[tuple[str, str]] | None = None) -> list[Path]:
    """The ``.xml`` files (any case, not hidden) in the dataset's annotation folders that are no
    image's annotation, in folder then name order. An XML of an image petloc does not read (HEIC...)
    is that image's, not one without an image: the image is listed as not read. ``untold`` gets each
    entry of those folders that cannot be told a file or a folder (`folder_listing.file_names`: a
    symbolic-link loop), with why."""
    owned = {_key(item.annotation_path) for item in dataset.items}
    owned |= {_key(dataset.annotation_path_for(path)) for path, _ in dataset.unread()}
    # each folder by its name as the dataset gives it (a relative DATA stays relative in the problems)
    folders = {_key(os.path.dirname(os.fspath(item.annotation_path))): os.path.dirname(os.fspath(item.annotation_path))
               for item in dataset.items}
    for looked in dataset.folders:  # where the layout keeps the annotations of each folder it listed, images or not
        folder = os.fspath(dataset.annotation_path_for(Path(looked, "x.png")).parent)
        folders.setdefault(_key(folder), folder)
    found = []
    for folder in folders.values():
        unfollowed: list[tuple[str, str]] = []
        try:
            with os.scandir(folder) as iterator:
                names = file_names(iterator, unfollowed)
        except OSError:
            continue  # no such folder (an Oxford set with no xmls yet), or one the index reported
        if untold is not None:
            untold.extend(sorted(unfollowed))  # in name order, as the files found
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.lower().endswith(".xml") and not name.startswith(".") and _key(path) not in owned:
                found.append(Path(path))
    return found


def _key(path: str | os.PathLike[str]) -> str:
    """One spelling per file for comparing (absolute, and case-folded where the system folds it)."""
    return os.path.normcase(os.path.abspath(path))
