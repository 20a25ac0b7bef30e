"""YOLO folders, read: which files are images and label files, and which label belongs to which image.

Two layouts. **Split** (Ultralytics, Roboflow): a folder holds ``images/``
and ``labels/`` side by side, at the top (``images/train/a.jpg``,
``labels/train/a.txt``) or per split (``train/images/a.jpg``,
``train/labels/a.txt``). An image's label is found as Ultralytics finds it
(``img2label_paths`` in ultralytics/data/utils.py): the last ``images``
folder of its path becomes ``labels`` and the extension ``.txt``; a ``.txt``
beside the image is the fallback. Only images under an ``images`` folder are
read, and only ``.txt`` files under ``labels`` or ``images`` are labels (a
README.txt beside them is not). **Flat** (labelImg): ``x.jpg`` next to
``x.txt``, anywhere under the folder.

A ``.txt`` that lists images (darknet's ``train.txt`` beside ``obj.names``,
or any whose lines all name image files) and has no image of its own is
not a label file: it is not reported.

An image's name in the output is its path less that ``images`` folder
(``train/images/a.jpg`` -> ``train/a.jpg``), as a split becomes a sub-folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from petloc_gui.core.dataset import natural_key
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.images import is_image_name
from petloc_gui.core.interop.records import relative_name
from petloc_gui.core.interop.yolo_images import is_read_by_yolo
from petloc_gui.core.interop.yolo_names import NAME_FILES

_IMAGES, _LABELS = "images", "labels"
# Darknet's image lists (obj.data's train = / valid =), kept at the top beside obj.names.
_LIST_NAMES = ("train.txt", "valid.txt", "val.txt", "test.txt")
_LIST_HEAD_BYTES = 64 * 1024


@dataclass
class YoloImage:
    path: Path
    relative: str  # posix name in the output, e.g. "train/a.jpg"
    label: Path | None


@dataclass
class YoloLayout:
    images: list[YoloImage] = field(default_factory=list)  # natural order of ``relative``
    # (image left out, the image of the same label name that keeps the label file)
    duplicates: list[tuple[Path, Path]] = field(default_factory=list)
    # (label file no image has, the image it was looked for as: path without extension)
    orphans: list[tuple[Path, Path]] = field(default_factory=list)


def is_label_name(name: str) -> bool:
    return name.lower().endswith(".txt") and name not in NAME_FILES


def find_pairs(src: Path) -> YoloLayout:
    """The images of the YOLO folder ``src``, each with its label file (or None)."""
    if (src / _LABELS).is_dir() and not (src / _IMAGES).is_dir():
        raise DatasetError("has labels/ but no images/ folder beside it", src)
    split = _is_split(src)
    images = _walk(src, is_image_name)
    texts = {rel: path for rel, path in _walk(src, is_label_name).items()
             if not split or _folder_index(rel, _LABELS) is not None or _folder_index(rel, _IMAGES) is not None}
    layout = YoloLayout()
    owners: dict[str, Path] = {}  # label name -> the image it belongs to
    used: set[str] = set()
    for rel, path in sorted(images.items(), key=lambda item: _order(_output_name(item[0], split))):
        if split and _folder_index(rel, _IMAGES) is None:
            continue  # beside the split folders, not in one: no YOLO tool reads it
        wanted = _swapped(rel, _IMAGES, _LABELS) if split else _with_txt(rel)
        owner = owners.setdefault(wanted, path)
        if owner != path:
            layout.duplicates.append((path, owner))
            continue
        label = next((name for name in (wanted, _with_txt(rel)) if name in texts), None)
        if label is not None:
            used.add(label)
        layout.images.append(YoloImage(path, _output_name(rel, split), texts[label] if label is not None else None))
    for rel, path in sorted(texts.items(), key=lambda item: _order(item[0])):
        if rel not in used and not _is_image_list(path, rel):
            image = _swapped(rel, _LABELS, _IMAGES) if split else _with_txt(rel)
            layout.orphans.append((path, src / image.rsplit(".", 1)[0]))
    return layout


def _is_image_list(path: Path, rel: str) -> bool:
    """Whether a ``.txt`` no image has lists images rather than boxes (darknet's train.txt, an
    Ultralytics ``train: list.txt``): every line names an image file; an empty one at the top
    of the folder under a name darknet gives its lists."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_LIST_HEAD_BYTES)
    except OSError:
        return False  # reported as a label file without an image
    lines = [line.strip() for line in head.decode("utf-8", "replace").splitlines() if line.strip()]
    if len(head) == _LIST_HEAD_BYTES:
        lines = lines[:-1]  # cut short by the read
    if not lines:
        return rel.lower() in _LIST_NAMES and not head.strip()
    return all(is_image_name(line) or is_read_by_yolo(line) for line in lines)


def _is_split(src: Path) -> bool:
    """Whether some folder under ``src`` (or ``src``) holds ``images/`` and ``labels/`` side by side."""
    for _, dirs, _ in os.walk(src):
        if _IMAGES in dirs and _LABELS in dirs:
            return True
        dirs[:] = [d for d in dirs if not d.startswith(".")]
    return False


def _folder_index(rel: str, folder: str) -> int | None:
    """The index of the last ``folder`` component among ``rel``'s folders, or None."""
    parts = rel.split("/")[:-1]
    return max((i for i, part in enumerate(parts) if part == folder), default=None)


def _swapped(rel: str, old: str, new: str) -> str:
    """``rel`` with its last ``old`` folder named ``new`` and the extension ``.txt``
    (images -> labels: Ultralytics' img2label_paths; labels -> images: where the image was looked for)."""
    parts = rel.split("/")
    index = _folder_index(rel, old)
    if index is not None:
        parts[index] = new
    return _with_txt("/".join(parts))


def _with_txt(rel: str) -> str:
    return rel.rsplit(".", 1)[0] + ".txt"


def _output_name(rel: str, split: bool) -> str:
    index = _folder_index(rel, _IMAGES) if split else None
    if index is None:
        return rel
    parts = rel.split("/")
    return str(PurePosixPath(*parts[:index], *parts[index + 1:]))


def _order(name: str) -> tuple:
    return (natural_key(name), name)


def _walk(root: Path, wanted: Callable[[str], bool]) -> dict[str, Path]:
    """{posix path relative to ``root``: file} of the wanted files under ``root`` (hidden ones skipped)."""
    found: dict[str, Path] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and wanted(name):
                path = Path(folder) / name
                found[relative_name(path, root)] = path
    return found


def walk(root: Path, wanted: Callable[[str], bool]) -> dict[str, list[Path]]:
    """{relative path without extension: [files]} under ``root`` (hidden ones skipped)."""
    grouped: dict[str, list[Path]] = {}
    for rel, path in sorted(_walk(root, wanted).items(), key=lambda item: _order(item[0])):
        grouped.setdefault(rel.rsplit(".", 1)[0], []).append(path)
    return grouped
