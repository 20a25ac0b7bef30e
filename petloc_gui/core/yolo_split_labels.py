"""YOLO label files in a ``labels/`` folder beside ``images/``: a folder in Ultralytics' (or Roboflow's) layout.

Ultralytics keeps ``images/train/a.jpg`` and its labels in ``labels/train/a.txt`` (Roboflow: ``train/images``
and ``train/labels``), the class names in a ``data.yaml``. petloc reads Pascal VOC XML, so `petloc stats`
read such a folder as images without annotation, "0 annotated" and no problem: nothing said that the
labels were there, nor that `petloc convert --from yolo` reads this layout. `yolo_labels_in_split` finds
them, as Ultralytics finds an image's label (``img2label_paths``: the last ``images`` folder of its path
becomes ``labels``, the extension ``.txt``), and names the folder that command converts.

It stays as cheap as `core.yolo_beside`: only the folders of images without annotation are looked at (at
most `MOST_FOLDERS_LISTED` ``labels`` folders listed), and a few non-empty label files are read, their
first `HEAD_BYTES` (`_READ_PER_FOLDER` a folder, `MOST_FILES_READ` in all): a ``labels/`` folder is named
only where those hold ``class cx cy w h`` lines, so a ``labels/`` of other text files says nothing.
"""

from __future__ import annotations

import functools
import itertools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.disk_same import part_below
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.regular_file import is_regular_entry
from petloc_gui.core.yolo_beside import MOST_FILES_READ, MOST_FOLDERS_LISTED, has_yolo_lines

SHOWN = 3  # label files named in the message
_IMAGES, _LABELS = "images", "labels"  # exact names, as Ultralytics and `petloc convert` match them
_READ_PER_FOLDER = 3
_MOST_SIZES_ASKED = 100  # label files of a folder whose size is asked, looking for non-empty ones to read


@dataclass(frozen=True)
class YoloSplitLabels:
    """A YOLO folder in Ultralytics' layout whose images without annotation have label files in ``labels/``."""

    folder: str  # the folder `petloc convert --from yolo` is given: the one with the class names, if any
    count: int  # how many label files (one an image) were found
    shown: list[str]  # the first `SHOWN` of them, posix paths inside ``folder``, by folder in name order
    names_file: str | None  # the file naming the classes there (data.yaml, classes.txt, ...), or None
    images: frozenset[str]  # the images (paths as the items give them) whose labels these are
    first_image: str  # the first of them, a posix path inside ``folder``: the message's example
    first_copy: str  # its name in the converter's output (`core.interop.yolo_layout.output_name`)
    # why `petloc convert` cannot take the class names from ``names_file`` (its own words), or None
    names_problem: str | None = None
    # why the folder is not converted at all: petloc's own export into it did not finish (`unfinished`), or None
    unfinished_export: str | None = None

    def message(self) -> str:
        """What `petloc stats` says of the folder: the labels found and the command that converts them."""
        count = self.count
        shown = ", ".join(self.shown) + (", ..." if count > len(self.shown) else "")
        with_names = f"; class names in {self.names_file}" if self.names_file and not self.names_problem else ""
        images = ("1 image without annotation has its YOLO label file" if count == 1 else
                  f"{count} images without annotation have their YOLO label files")
        if self.unfinished_export is not None:  # no names file to advise: the export writes its own, last
            return f"{images} in labels/ beside images/ ({shown}), but {self.unfinished_export}"
        said = (f"{images} in labels/ beside images/ (Ultralytics' layout: {shown}{with_names}), which petloc "
                "does not read (it reads Pascal VOC XML): ")
        copy = self.first_copy  # as the converter names it: the path less its last images/ folder
        command = (f"`petloc convert FOLDER --from yolo OUT`, FOLDER this folder and OUT a new folder outside it, "
                   f"writes a copy petloc reads, each image with a VOC file beside it ({self.first_image} becomes "
                   f"OUT/{copy} + OUT/{copy.rpartition('.')[0]}.xml; the images linked, not copied); not into "
                   "this folder itself, where the copies would count as more images")
        if self.names_file is None:
            return said + ("this folder has no data.yaml, classes.txt or obj.names naming the classes (a YOLO "
                           "class id is an index into that list): put one there (the data.yaml you train with, "
                           "or a classes.txt of one name per line in id order), then " + command)
        if self.names_problem is not None:
            return said + (f"{self.names_file} gives no class names `petloc convert` can use ({self.names_problem}): "
                           "fix it first, then " + command)
        return said + command


def yolo_labels_in_split(items: Iterable[DatasetItem], root: str) -> list[YoloSplitLabels]:
    """Each YOLO folder (in name order) where images of ``items`` without annotation, under an ``images``
    folder, have their label file in the ``labels`` folder beside it, and the first few non-empty ones read
    hold ``class x y w h`` lines. The folder named is the one holding ``images/`` and ``labels/``, or its
    parent inside the dataset folder ``root`` when only that one names the classes (Roboflow's data.yaml
    above ``train/`` and ``valid/``): the folder `petloc convert --from yolo` reads them from. A folder holding
    petloc's own export that did not finish is named whatever its label files hold, and said to be one."""
    from petloc_gui.core.interop.unfinished import not_readable  # the converter's rules, imported late
    from petloc_gui.core.interop.yolo_layout import last_folder_index, swapped

    # labels folder -> {label file's folder: [(its name, the image's path)]}
    wanted: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for item in items:
        if item.has_annotation:
            continue
        parts = os.path.normpath(item.image_path_text).split(os.sep)
        index = last_folder_index(parts, _IMAGES)  # as Ultralytics and the converter find it
        if index is None:
            continue
        label = swapped("/".join(parts), index, _LABELS).split("/")  # its label file, as the converter names it
        labels, label_folder = os.sep.join(label[:index + 1]), os.sep.join(label[:-1])
        wanted.setdefault(labels, {}).setdefault(label_folder, []).append((label[-1], item.image_path_text))
    # the folder converted -> ([(label file, its image)], why it is not converted: `unfinished.not_readable`)
    by_folder: dict[str, tuple[list[tuple[str, str]], str | None]] = {}
    names_of = functools.cache(_class_names)  # each folder's names file read once a call, never kept after
    reads_left, listings_left = MOST_FILES_READ, MOST_FOLDERS_LISTED
    for labels in sorted(wanted):
        inner = sorted(wanted[labels])[:listings_left]
        listings_left -= len(inner)
        found = [pair for folder in inner for pair in _label_files(folder, wanted[labels][folder])]
        holder = os.path.dirname(labels)
        unfinished_export = not_readable(Path(holder)) if found else None
        read = (_non_empty(path for path, _ in found)[:reads_left]
                if found and reads_left and unfinished_export is None else [])
        reads_left -= len(read)
        if unfinished_export is not None:  # petloc's export, stopped before its data.yaml: to be finished
            by_folder.setdefault(holder, ([], unfinished_export))[0].extend(found)
        # none read: empty label files only (background), or no read left; or text that is no YOLO label
        elif read and all(has_yolo_lines(path) for path in read):
            converted = _converted_folder(holder, root, names_of)
            # ``holder`` holds no unfinished export; the parent converted in its place (Roboflow's) still may,
            # looked at once for its train/, valid/ and test/
            if converted not in by_folder:
                by_folder[converted] = ([], None if converted == holder else not_readable(Path(converted)))
            by_folder[converted][0].extend(found)
        if not listings_left:
            break
    return [_split_labels(folder, pairs, names_of(folder), unfinished_export)
            for folder, (pairs, unfinished_export) in sorted(by_folder.items())]


def _split_labels(folder: str, pairs: list[tuple[str, str]], names: _Names,
                  unfinished_export: str | None) -> YoloSplitLabels:
    """The folder converted, ``folder``, with its (label file, image) ``pairs``, its ``names`` and why it is not
    converted (``unfinished_export``, or None); the first image's output name taken once, here, as the converter
    takes it."""
    from petloc_gui.core.interop.records import relative_name  # the converter's rules, imported late
    from petloc_gui.core.interop.yolo_layout import output_name

    first_image = relative_name(Path(pairs[0][1]), Path(folder))
    # only the label files the message shows are made relative: each costs a relpath (20,000 of them: 0.3 s)
    shown = [relative_name(Path(path), Path(folder)) for path, _ in pairs[:SHOWN]]
    return YoloSplitLabels(folder, len(pairs), shown, names.file,
                           frozenset(image for _, image in pairs), first_image, output_name(first_image),
                           names.problem, unfinished_export)


def _label_files(folder: str, wanted: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(path, image) of the label files of ``wanted`` ([(file name, its image)]) that are in ``folder``,
    exactly so named (as Ultralytics and `petloc convert` open them), and regular files (links followed):
    a named pipe or a folder so named is no label, and `petloc convert` refuses it."""
    try:
        with os.scandir(folder) as entries:
            names = {entry.name for entry in entries if entry.name.endswith(".txt") and is_regular_entry(entry)}
    except OSError:
        return []  # no labels folder there, or one that cannot be listed: no hint of it
    return [(os.path.join(folder, name), image) for name, image in wanted if name in names]


def _non_empty(paths: Iterable[str]) -> list[str]:
    """The first `_READ_PER_FOLDER` of ``paths`` that are files with something in them (an empty label file
    is an image without boxes, Ultralytics' background), at most `_MOST_SIZES_ASKED` of them looked at."""
    found: list[str] = []
    for path in itertools.islice(paths, _MOST_SIZES_ASKED):
        try:
            if os.path.getsize(path) > 0:  # a regular file (`_label_files`): one stat
                found.append(path)
        except OSError:
            continue
        if len(found) == _READ_PER_FOLDER:
            break
    return found


def _converted_folder(holder: str, root: str, names_of: Callable[[str], _Names]) -> str:
    """The folder to convert for the YOLO folder ``holder`` (holding images/ and labels/): ``holder`` itself,
    or its parent where only that has a file of class names and is inside the dataset folder ``root``."""
    if names_of(holder).file is None:
        parent = os.path.dirname(holder)
        if parent != holder and part_below(parent, os.path.normpath(root)) is not None \
                and names_of(parent).file is not None:
            return parent
    return holder


class _Names(NamedTuple):
    file: str | None  # the file there that names the classes, inside the folder; None: there is none
    problem: str | None  # why `petloc convert` cannot use it, in its words; None: it can


def _class_names(folder: str) -> _Names:
    """The file of ``folder`` that `petloc convert --from yolo` takes the class names from, read by its own
    reader (``core.interop.yolo_names.find_class_names``: classes.txt or obj.names, in the folder or its
    labels/, then data.yaml), and what it says where it cannot take them (an empty data.yaml, an
    unterminated ``names:`` list, a name listed twice)."""
    from petloc_gui.core.interop.records import relative_name  # the converter's reader and name, imported late
    from petloc_gui.core.interop.yolo_names import find_class_names

    try:
        _, path = find_class_names(Path(folder))
    except DatasetError as exc:
        # It names the file it could not use; the folder itself where it found none.
        if exc.path is None or os.path.normpath(exc.path) == os.path.normpath(folder):
            return _Names(None, None)
        return _Names(relative_name(exc.path, Path(folder)), exc.reason)
    return _Names(relative_name(path, Path(folder)), None)
