"""YOLO folders, read: which files are images and label files, and which label belongs to which image.

Two layouts, in one folder if need be. **Split** (Ultralytics, Roboflow):
under a folder that holds ``images/`` and ``labels/`` side by side, at the
top (``images/train/a.jpg``, ``labels/train/a.txt``) or per split
(``train/images/a.jpg``, ``train/labels/a.txt``), an image's label is found
as Ultralytics finds it (``img2label_paths`` in ultralytics/data/utils.py):
that ``images`` folder of its path becomes ``labels`` and the extension
``.txt``; a ``.txt`` beside the image is the fallback. A split without
labels (Roboflow's ``test/images`` beside ``train/images`` + ``train/labels``)
is read the same way. Ultralytics has no fallback: it trains an image whose
label is beside it as background, so such images are named in a warning. **Flat** (labelImg):
everywhere else, ``x.jpg`` next to ``x.txt``. No image is passed over: one
beside the split folders is read flat, with the label beside it if it has one.

A ``.txt`` that lists images (darknet's ``train.txt`` beside ``obj.names``,
or any whose lines all name image files) and has no image of its own is
not a label file: it is not reported; nor is one outside the split folders
whose first line is not numbers (Roboflow's README.roboflow.txt).

An image's name in the output is its path less that ``images`` folder
(``train/images/a.jpg`` -> ``train/a.jpg``), as a split becomes a sub-folder.
Where that gives two images one name, or one VOC file (``a.png`` beside
``images/`` and ``images/a.png``; ``train/a.png`` and ``train/images/a.png``;
``train/images/a.jpg`` and ``images/train/a.png``), each of them keeps its
path as it is in the folder, ``images`` included, so each VOC file is
written beside its own image: nothing is overwritten or left out, as
labelImg and labelme keep an annotation beside its image. Paths in the
folder that differ only in case (``train/images/A.png`` and ``a.png``) would
share a VOC file all the same, where names ignore case: those keep their
output names, and the VOC writer leaves the second out and says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.images import is_image_name
from petloc_gui.core.interop.records import relative_name
from petloc_gui.core.interop.voc_out import voc_key
from petloc_gui.core.interop.yolo_images import is_read_by_yolo
from petloc_gui.core.interop.yolo_names import NAME_FILES
from petloc_gui.core.natural_order import natural_key
from petloc_gui.core.regular_file import NotRegularFileError, read_regular_head

_IMAGES, _LABELS = "images", "labels"
# Darknet's image lists (obj.data's train = / valid =), kept at the top beside obj.names.
_LIST_NAMES = ("train.txt", "valid.txt", "val.txt", "test.txt")
_LIST_HEAD_BYTES = 64 * 1024


@dataclass
class YoloImage:
    path: Path
    relative: str  # posix name in the output, e.g. "train/a.jpg"
    label: Path | None
    source: str = ""  # posix path in the YOLO folder, e.g. "train/images/a.jpg"


@dataclass
class YoloLayout:
    images: list[YoloImage] = field(default_factory=list)  # natural order of ``relative``
    # (image left out, the image of the same label name that keeps the label file)
    duplicates: list[tuple[Path, Path]] = field(default_factory=list)
    # (label file no image has, the image it was looked for as: path without extension)
    orphans: list[tuple[Path, Path]] = field(default_factory=list)
    # Images that would have shared a name or a VOC file in the output, each group keeping its paths
    # in the folder (`_part_ways`).
    kept_paths: list[list[YoloImage]] = field(default_factory=list)
    # (label file read beside its image in a split, the file Ultralytics reads instead, which is not there)
    beside: list[tuple[Path, Path]] = field(default_factory=list)
    # (.txt beside an image of a split that has its label in labels/, the image, that label): not read,
    # as Ultralytics does not read it
    unread_beside: list[tuple[Path, Path, Path]] = field(default_factory=list)


def is_label_name(name: str) -> bool:
    return name.lower().endswith(".txt") and name not in NAME_FILES


def find_pairs(src: Path) -> YoloLayout:
    """The images of the YOLO folder ``src``, each with its label file (or None).

    The folder tree is walked once, and a ``.txt`` no image has is opened once (its first 64 KB
    tell an image list and a README from a label file).
    """
    if (src / _LABELS).is_dir() and not (src / _IMAGES).is_dir():
        raise DatasetError("has labels/ but no images/ folder beside it", src)
    tree = _scan(src)
    roots, images, texts = tree.roots, tree.images, tree.texts
    layout = YoloLayout()
    owners: dict[str, Path] = {}  # label name -> the image it belongs to
    used: set[str] = set()
    # The name beside an image of a split whose label is in labels/ -> (the image, that label).
    passed_over: dict[str, tuple[Path, Path]] = {}
    for rel, path in sorted(images.items(), key=lambda item: _order(output_name(item[0], roots))):
        index = _split_index(rel, _IMAGES, roots)
        wanted = swapped(rel, index, _LABELS) if index is not None else _with_txt(rel)
        owner = owners.setdefault(wanted, path)
        if owner != path:
            layout.duplicates.append((path, owner))
            continue
        label = next((name for name in (wanted, _with_txt(rel)) if name in texts), None)
        if label is not None:
            used.add(label)
            if label != wanted:
                layout.beside.append((texts[label], src / wanted))
            elif label != _with_txt(rel):
                passed_over[_with_txt(rel)] = (path, texts[label])
        layout.images.append(YoloImage(path, output_name(rel, roots), texts[label] if label is not None else None,
                                       rel))
    layout.kept_paths = _part_ways(layout.images)
    for rel, path in sorted(texts.items(), key=lambda item: _order(item[0])):
        if rel in used:
            continue
        try:
            head = _head(path)
        except NotRegularFileError:
            continue  # no image has it and it holds no labels: a folder or a pipe of that name is nothing to convert
        if _is_image_list(head, rel):
            continue
        if rel in passed_over:
            layout.unread_beside.append((path, *passed_over[rel]))
            continue
        index = _split_index(rel, _LABELS, roots)
        if index is None and _split_index(rel, _IMAGES, roots) is None and not _starts_with_numbers(head):
            continue  # beside the split folders and no label: a README
        image = swapped(rel, index, _IMAGES) if index is not None else _with_txt(rel)
        layout.orphans.append((path, src / image.rsplit(".", 1)[0]))
    return layout


def _part_ways(images: list[YoloImage]) -> list[list[YoloImage]]:
    """Give every image whose output name would be another's, or would share its VOC file (the same
    name but for the extension, or for case: one file where names ignore case), its own path in the
    folder instead; the groups that did, in order. ``images`` is sorted again.

    Dropping ``images/`` is what makes names meet, so an image's own path is
    free unless another's output name is that path (looked at again until
    none is). Only a group whose own paths do not all meet too is parted:
    where they differ only in case (``train/images/A.png``, ``train/images/a.png``)
    their own paths would share the VOC file as well, so they keep their
    output names and the VOC writer reports the second, which cannot be told
    apart on such a disk. Parted for another member's sake, two such paths
    still meet: the VOC writer reports that too.
    """
    groups: list[list[YoloImage]] = []
    while True:
        by_voc_file: dict[str, list[YoloImage]] = {}
        for image in images:
            by_voc_file.setdefault(voc_key(image.relative), []).append(image)
        # A group whose members all have relative == source has one source key, so it is never parted
        # again: the loop ends.
        meeting = [group for group in by_voc_file.values()
                   if len({voc_key(image.source) for image in group}) > 1]
        if not meeting:
            break
        for group in meeting:
            for image in group:
                image.relative = image.source
            groups.append(group)
    images.sort(key=lambda image: _order(image.relative))
    return groups


def _head(path: Path) -> bytes | None:
    """The first 64 KB of a ``.txt`` no image has, or None when it cannot be read. Raises NotRegularFileError
    where it is no file (a named pipe, a folder, a socket), never waiting on one: no label file, and not reported."""
    try:
        return read_regular_head(path, _LIST_HEAD_BYTES)
    except NotRegularFileError:
        raise
    except OSError:
        return None


def _starts_with_numbers(head: bytes | None) -> bool:
    """Whether a ``.txt``'s first line (``head``: its first bytes) is numbers, as a label line is (an
    empty or unreadable one counts: it is reported as a label file without its image)."""
    if head is None:
        return True
    first = next((line.split() for line in head.decode("utf-8", "replace").splitlines() if line.strip()), None)
    if first is None:
        return True
    try:
        [float(token) for token in first]
    except ValueError:
        return False
    return True


def _is_image_list(head: bytes | None, rel: str) -> bool:
    """Whether a ``.txt`` no image has (``head``: its first bytes, None if unreadable) lists images rather
    than boxes (darknet's train.txt, an Ultralytics ``train: list.txt``): every line names an image file;
    an empty one at the top of the folder under a name darknet gives its lists."""
    if head is None:
        return False  # reported as a label file without an image
    lines = [line.strip() for line in head.decode("utf-8", "replace").splitlines() if line.strip()]
    if len(head) == _LIST_HEAD_BYTES:
        lines = lines[:-1]  # cut short by the read
    if not lines:
        return rel.lower() in _LIST_NAMES and not head.strip()
    return all(is_image_name(line) or is_read_by_yolo(line) for line in lines)


@dataclass
class _Tree:
    """What one walk of a YOLO folder found (posix paths relative to it)."""

    roots: set[str]  # `_split_roots`
    images: dict[str, Path] = field(default_factory=dict)
    # `is_label_name`: the files, and the folders so named, that an image's label may be: the reader refuses
    # such a folder (or a named pipe), saying so, rather than the image passing for one without labels
    texts: dict[str, Path] = field(default_factory=dict)


def _scan(src: Path) -> _Tree:
    """The images, label files and split roots under ``src``, in one walk (hidden ones skipped)."""
    both: set[str] = set()
    images_only: set[str] = set()
    tree = _Tree(set())
    for folder, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if _IMAGES in dirs:
            rel = relative_name(Path(folder), src)
            (both if _LABELS in dirs else images_only).add("" if rel == "." else rel)
        for name in files:
            if name.startswith("."):
                continue
            found = tree.images if is_image_name(name) else tree.texts if is_label_name(name) else None
            if found is not None:
                path = Path(folder) / name
                found[relative_name(path, src)] = path
        for name in dirs:
            if is_label_name(name):
                path = Path(folder) / name
                tree.texts[relative_name(path, src)] = path
    tree.roots = _split_roots(both, images_only)
    return tree


def _split_roots(both: set[str], images_only: set[str]) -> set[str]:
    """The folders (posix, relative; ``""`` for the top) that hold ``images/`` and ``labels/`` side by
    side (``both``), and those holding ``images/`` only (``images_only``) beside one of them (Roboflow's
    ``test/images`` of an unlabelled test split beside ``train/images`` + ``train/labels``)."""
    parents = {_parent(rel) for rel in both if rel}
    return both | {rel for rel in images_only if rel and _parent(rel) in parents}


def _parent(rel: str) -> str:
    return rel.rsplit("/", 1)[0] if "/" in rel else ""


def last_folder_index(parts: Sequence[str], folder: str, roots: Container[str] | None = None) -> int | None:
    """The index in ``parts`` (a path's folders, then its file name) of the last folder named ``folder``
    (``images`` or ``labels``; the one Ultralytics' img2label_paths swaps) that sits in a split root of
    ``roots`` (posix paths of the folders before it), anywhere when ``roots`` is None; or None (none such:
    the path is in the flat part)."""
    return max((i for i, part in enumerate(parts[:-1])
                if part == folder and (roots is None or "/".join(parts[:i]) in roots)), default=None)


def _split_index(rel: str, folder: str, roots: set[str]) -> int | None:
    return last_folder_index(rel.split("/"), folder, roots)


def swapped(rel: str, index: int, new: str) -> str:
    """``rel`` with its folder at ``index`` named ``new`` and the extension ``.txt``
    (images -> labels: Ultralytics' img2label_paths; labels -> images: where the image was looked for; `petloc
    stats`' hint, `core.yolo_split_labels`, names an image's label file by it)."""
    parts = rel.split("/")
    parts[index] = new
    return _with_txt("/".join(parts))


def _with_txt(rel: str) -> str:
    return rel.rsplit(".", 1)[0] + ".txt"


def output_name(rel: str, roots: set[str] | None = None) -> str:
    """The posix path ``rel``'s image is written as in the output: ``rel`` less its last ``images`` folder in
    a split root (anywhere, ``roots`` None), ``train/images/a.jpg`` -> ``train/a.jpg``; ``rel`` without one."""
    index = last_folder_index(rel.split("/"), _IMAGES, roots)
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
