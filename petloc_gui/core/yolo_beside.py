"""YOLO label files beside images that have no annotation: a folder labelImg saved in YOLO mode.

labelImg's YOLO mode writes ``classes.txt`` and one ``<image stem>.txt`` of ``class cx cy w h`` lines
beside each image. petloc reads Pascal VOC XML, so such a folder read as images without annotation and
"problems 0": nothing said that the labels were there, nor that `petloc convert --from yolo` turns them
into VOC files. `yolo_labels_beside` finds them for `petloc stats` (`core.stats`).

It stays cheap whatever the folder holds: only the folders of images without annotation are listed (at
most `MOST_FOLDERS_LISTED`), and a ``.txt`` is read (its first `HEAD_BYTES`) only where no
``classes.txt`` says what the files are, a few per folder and `MOST_FILES_READ` in all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from petloc_gui.core.annotation_names import folded
from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.regular_file import is_regular_entry, read_regular_head

CLASSES_FILE = "classes.txt"  # labelImg's YOLO class list, beside the label files
MOST_FOLDERS_LISTED = 100
MOST_FILES_READ = 20
_READ_PER_FOLDER = 3
HEAD_BYTES = 4096
# Ultralytics' bounds for a normalised coordinate (a rounding past 0 or 1 is still a YOLO line)
_LOWEST, _HIGHEST = -0.01, 1.01


@dataclass(frozen=True)
class YoloLabelsBeside:
    """A folder whose images without annotation have YOLO label files beside them."""

    folder: str
    labels: list[str]  # the label files (names), in the order of their images
    classes_file: bool  # whether labelImg's classes.txt is there

    def message(self, separate: bool = False) -> str:
        """What `petloc stats` says of the folder, naming the command that converts the labels. ``separate``: the
        dataset keeps its annotations in a folder of their own (images + Annotations, a VOC devkit), where VOC
        files written beside the images are not read (the images + Annotations dataset turned sidecar, its own
        XML files orphaned; a devkit said "not read" and gave the same advice again): a sidecar copy then."""
        count = len(self.labels)
        shown = ", ".join(self.labels[:3]) + (", ..." if count > 3 else "")
        with_classes = f"; {CLASSES_FILE}" if self.classes_file else ""
        images = ("1 image without annotation has a YOLO label file beside it" if count == 1 else
                  f"{count} images without annotation have YOLO label files beside them")
        said = f"{images} ({shown}{with_classes}), which petloc does not read (it reads Pascal VOC XML): "
        if separate:
            return said + ("`petloc convert FOLDER --from yolo OUT`, FOLDER this folder and OUT a new folder outside "
                           "the dataset, writes a copy with a VOC file beside each image (the images linked, not "
                           "copied); VOC files written into this folder itself would not be read in this layout")
        return said + ("`petloc convert FOLDER --from yolo FOLDER`, FOLDER this folder, writes a VOC file "
                       "beside each image from its YOLO labels")


def yolo_labels_beside(items: Iterable[DatasetItem]) -> list[YoloLabelsBeside]:
    """Each folder (in name order, at most `MOST_FOLDERS_LISTED` looked in) where images of ``items``
    without annotation have a ``<stem>.txt`` beside them (the name in any case, as annotation names are
    matched) that is YOLO's: ``classes.txt`` is there, or the first of those files read holds
    ``class x y w h`` lines."""
    unannotated: dict[str, list[str]] = {}
    for item in items:
        if not item.has_annotation:
            folder, name = os.path.split(item.image_path_text)
            unannotated.setdefault(folder, []).append(name)
    found = []
    reads_left = MOST_FILES_READ
    for folder in sorted(unannotated)[:MOST_FOLDERS_LISTED]:
        try:
            with os.scandir(folder or ".") as entries:
                # regular files only (links followed): a named pipe so named is no label, and reading it
                # would wait for ever; `petloc convert` refuses it
                names = [entry.name for entry in entries if is_regular_entry(entry)]
        except OSError:
            continue  # the index said why
        texts = {folded(name): name for name in names if name[-4:].lower() == ".txt" and not name.startswith(".")}
        labels = [texts[key] for key in (folded(name.rpartition(".")[0] + ".txt") for name in unannotated[folder])
                  if key in texts]
        if not labels:
            continue
        classes = CLASSES_FILE in names
        if not classes:
            read = labels[:min(_READ_PER_FOLDER, reads_left)]
            reads_left -= len(read)
            if not any(has_yolo_lines(os.path.join(folder, label)) for label in read):
                continue
        found.append(YoloLabelsBeside(folder, labels, classes))
    return found


def has_yolo_lines(path: str) -> bool:
    """Whether the file at ``path`` starts with YOLO label lines (its first `HEAD_BYTES` read): each a
    class number then at least four coordinates within 0-1 (a box, a box and a confidence, a polygon)."""
    try:
        head = read_regular_head(path, HEAD_BYTES)  # a named pipe swapped in must not stop `petloc stats`
    except OSError:  # NotRegularFileError too
        return False
    lines = head.decode("utf-8", "replace").splitlines()
    if len(head) == HEAD_BYTES:
        lines = lines[:-1]  # the last may be cut short by the read
    lines = [line for line in lines if line.strip()]
    return bool(lines) and all(_is_yolo_line(line.split()) for line in lines)


def _is_yolo_line(tokens: list[str]) -> bool:
    if len(tokens) < 5 or not (tokens[0].isascii() and tokens[0].isdigit()):
        return False
    try:
        values = [float(token) for token in tokens[1:]]
    except ValueError:
        return False
    return all(_LOWEST <= value <= _HIGHEST for value in values)
