"""Annotation files that no image of the dataset has: the image renamed, moved or deleted.

The index starts from the images, so an XML left behind by an image that went
is in no item, and every command passed it by without a word: its boxes are in
no figure, no training and no export. `petloc stats` lists each one, as it
lists the other files it cannot use. Only the folders where the layout keeps
annotations are listed, once each: cheap next to reading the annotations. In the
sidecar layout those are the folders beside the images; a layout with separate
folders (Oxford's annotations/xmls, a VOC devkit's Annotations) has its annotations
folder searched with its subfolders (a CVAT export writes ``Annotations/day/x.xml``),
by the sidecar search's rules (`core.folder_walk`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.folder_listing import file_names, is_annotation_name
from petloc_gui.core.folder_walk import walk_folders
from petloc_gui.core.index_problem import IndexProblem

if TYPE_CHECKING:  # no import cycle at run time: the dataset module is the caller's
    from petloc_gui.core.dataset import Dataset


def annotations_without_image(dataset: Dataset, untold: list[tuple[str, str]] | None = None) -> list[Path]:
    """The ``.xml`` files (any case, not hidden) in the dataset's annotation folders that are no
    image's annotation, in folder then name order. An XML of an image petloc does not read (HEIC...)
    is that image's, not one without an image: the image is listed as not read. ``untold`` gets each
    entry of those folders that cannot be told a file or a folder (`folder_listing.file_names`: a
    symbolic-link loop), and in an annotations folder's subfolders each link to a folder not followed
    and each folder that cannot be listed, with why."""
    owned = {_key(item.annotation_path) for item in dataset.items}
    owned |= {_key(dataset.annotation_path_for(path)) for path, _ in dataset.unread()}
    found = []
    for folder, names, unfollowed in _listings(dataset):
        if untold is not None:
            untold.extend(unfollowed)  # in name order, as the files found
        for name in sorted(names):
            path = os.path.join(folder, name)
            if is_annotation_name(name) and _key(path) not in owned:
                found.append(Path(path))
    return found


def _listings(dataset: Dataset) -> list[tuple[str, list[str], list[tuple[str, str]]]]:
    """(folder, its file names, the entries there it could not tell or follow) of each folder where the
    dataset's layout keeps annotations, in folder order."""
    annotations = dataset.annotations_folder
    if annotations is not None:
        problems: list[str] = []
        try:
            walked = sorted(walk_folders(str(annotations), problems), key=lambda folder: folder.relative)
        except DatasetError as exc:  # the top folder cannot be listed
            return [(str(annotations), [], [(str(annotations), exc.reason)])]
        said = [(problem.path, problem.what) for problem in problems if isinstance(problem, IndexProblem)]
        return [(folder.path, folder.files, [(path, what) for path, what in said
                                             if os.path.dirname(path) == folder.path]) for folder in walked]
    # each folder by its name as the dataset gives it (a relative DATA stays relative in the problems)
    folders = {_key(os.path.dirname(os.fspath(item.annotation_path))): os.path.dirname(os.fspath(item.annotation_path))
               for item in dataset.items}
    for looked in dataset.folders:  # where the layout keeps the annotations of each folder it listed, images or not
        folder = os.fspath(dataset.annotation_folder_of(looked))
        folders.setdefault(_key(folder), folder)
    listings = []
    for folder in folders.values():
        unfollowed: list[tuple[str, str]] = []
        try:
            with os.scandir(folder) as iterator:
                names = file_names(iterator, unfollowed)
        except OSError:
            continue  # one the index reported
        listings.append((folder, names, sorted(unfollowed)))
    return listings


def _key(path: str | os.PathLike[str]) -> str:
    """One spelling per file for comparing (absolute, and case-folded where the system folds it)."""
    return os.path.normcase(os.path.abspath(path))
