"""Index a folder of images and VOC annotations, without decoding any image.

Three layouts are recognised automatically:

- ``oxford``: ``images/`` + ``annotations/xmls/`` (+ ``annotations/list.txt``,
  ``trainval.txt``, ``test.txt``), as the Oxford-IIIT Pet dataset ships;
- ``voc-devkit``: ``JPEGImages/`` + ``Annotations/`` (+ ``ImageSets/Main/*.txt``);
- ``sidecar``: ``photo.jpg`` next to ``photo.xml`` (or ``photo.XML``), searched
  recursively (labelImg's default); hidden folders (``.git``) are skipped and
  links to folders not followed (reported in ``problems``).

Images are recognised by extension (decoding goes by content); each folder is
listed once (``os.scandir``): 10,000 images index in a few tens of milliseconds.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import petloc_gui.core.folder_listing as listing
from petloc_gui.core.errors import AnnotationError, DatasetError
from petloc_gui.core.folder_listing import FolderListing, entry_is_dir, file_names, folder_time, image_stem
from petloc_gui.core.index_problem import IndexProblem
from petloc_gui.core.voc_tree import read_voc_tree

SIDECAR = "sidecar"
OXFORD = "oxford"
VOC_DEVKIT = "voc-devkit"
LAYOUTS = (SIDECAR, OXFORD, VOC_DEVKIT)

_OXFORD_SPECIES = {"1": "cat", "2": "dog"}
_OXFORD_LISTS = ("list.txt", "trainval.txt", "test.txt")
# VOC devkit split files, finest first: an image in train.txt is "train" even
# though trainval.txt lists it too.
_DEVKIT_SPLITS = ("train", "val", "trainval", "test")
_DIGITS = re.compile(r"(\d+)")


class DatasetItem:
    """One image. ``annotation_path`` is where its annotation is or would be written.

    Paths may be given as strings; they become :class:`Path` objects on first
    access (building 20,000 Path objects would dominate indexing time).
    """

    __slots__ = ("_annotation_path", "_image_path", "has_annotation", "meta", "split")

    def __init__(self, image_path: str | os.PathLike[str], annotation_path: str | os.PathLike[str],
                 split: str | None = None, meta: dict[str, Any] | None = None,
                 has_annotation: bool = False) -> None:
        self._image_path = image_path
        self._annotation_path = annotation_path
        self.split = split
        self.meta: dict[str, Any] = meta if meta is not None else {}
        self.has_annotation = has_annotation

    @property
    def image_path(self) -> Path:
        if not isinstance(self._image_path, Path):
            self._image_path = Path(self._image_path)
        return self._image_path

    @property
    def annotation_path(self) -> Path:
        if not isinstance(self._annotation_path, Path):
            self._annotation_path = Path(self._annotation_path)
        return self._annotation_path

    def refresh(self) -> bool:
        """Re-check whether the annotation file exists (e.g. after a save)."""
        self.has_annotation = self.annotation_path.is_file()
        return self.has_annotation

    def _fields(self) -> tuple:
        return (self.image_path, self.annotation_path, self.split, self.meta, self.has_annotation)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DatasetItem):
            return NotImplemented
        return self._fields() == other._fields()

    # mutable, so unhashable; mypy cannot express "None replaces object.__hash__" (typeshed does the same)
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"DatasetItem(image_path={str(self._image_path)!r}, "
                f"annotation_path={str(self._annotation_path)!r}, split={self.split!r}, "
                f"meta={self.meta!r}, has_annotation={self.has_annotation!r})")


@dataclass
class Dataset:
    """An indexed folder: ``root``, ``layout`` and naturally sorted ``items``. ``folders`` are the
    folders whose listing made the index, each with what the index saw there (`FolderListing`):
    images copied in or deleted later change one, and the window compares them with `folder_listing`."""

    root: Path
    layout: str
    items: list[DatasetItem]
    problems: list[str] = field(default_factory=list)
    folders: dict[Path, FolderListing] = field(default_factory=dict)
    _by_path: dict[str, DatasetItem] | None = field(default=None, repr=False, compare=False)
    _unread: list[tuple[Path, listing.UnreadFormat]] | None = field(default=None, repr=False, compare=False)
    _unread_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[DatasetItem]:
        return iter(self.items)

    def __getitem__(self, index: int) -> DatasetItem:
        return self.items[index]

    def find(self, image_path: str | os.PathLike[str]) -> DatasetItem | None:
        """The item of an image path (absolute or relative to the cwd), or None."""
        if self._by_path is None:
            self._by_path = {os.path.abspath(item.image_path): item for item in self.items}
        return self._by_path.get(os.path.abspath(image_path))

    def unread(self) -> list[tuple[Path, listing.UnreadFormat]]:
        """Files named as images petloc cannot read (HEIC...), listed when asked, not by the (UI thread's) index."""
        with self._unread_lock:  # the window's pool threads (status line, Dataset panel) ask at once
            if self._unread is None:
                self._unread = listing.unread_images(self.folders)
            return self._unread

    def annotation_path_for(self, image_path: str | os.PathLike[str]) -> Path:
        """Where this layout keeps (or would write) the annotation of an image."""
        known = self.find(image_path)
        if known is not None:
            return known.annotation_path  # e.g. an existing photo.XML
        image_path = Path(image_path)
        if self.layout == OXFORD:
            return self.root / "annotations" / "xmls" / f"{image_path.stem}.xml"
        if self.layout == VOC_DEVKIT:
            return self.root / "Annotations" / f"{image_path.stem}.xml"
        return image_path.with_suffix(".xml")

    @property
    def annotated_count(self) -> int:
        return sum(1 for item in self.items if item.has_annotation)


def natural_key(text: str) -> tuple:
    """Sort key putting ``img2`` before ``img10`` (case-insensitive)."""
    parts = _DIGITS.split(text)
    # re.split alternates text and digits, so ints and strs never meet in a comparison.
    return tuple(int(part) if i % 2 else part.casefold() for i, part in enumerate(parts))


def _item_order(item: DatasetItem) -> tuple:
    name = os.path.basename(item._image_path)
    return (natural_key(name), name)


def _list_names(folder: Path) -> list[str]:
    """File names (not folders) in ``folder``; empty when it does not exist."""
    try:
        with os.scandir(folder) as entries:
            return file_names(entries)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise DatasetError(f"cannot list folder: {exc.strerror or exc}", folder) from exc


def detect_layout(root: Path) -> str:
    """``oxford``, ``voc-devkit`` or ``sidecar`` from the folder structure."""
    annotations = root / "annotations"
    # images/ + annotations/ alone is too common a project layout to mean
    # Oxford: its sidecar files would be ignored. Oxford has xmls/ or list files.
    if (root / "images").is_dir() and annotations.is_dir() and (
            (annotations / "xmls").is_dir()
            or any((annotations / name).is_file() for name in _OXFORD_LISTS)):
        return OXFORD
    if (root / "JPEGImages").is_dir() and (
            (root / "Annotations").is_dir() or (root / "ImageSets").is_dir()):
        return VOC_DEVKIT
    return SIDECAR


def dataset_root(path: str | os.PathLike[str]) -> Path:
    """The folder `open_dataset` opens for ``path`` (absolute): the ``images/`` or ``JPEGImages/``
    folder of an Oxford or VOC devkit dataset stands for the whole dataset."""
    root = Path(os.path.abspath(path))
    if root.name in ("images", "JPEGImages") and root.is_dir() and detect_layout(root.parent) != SIDECAR:
        return root.parent
    return root


def open_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Index a dataset folder (layout detected; see `dataset_root`). Raises :class:`DatasetError`."""
    root = Path(os.path.abspath(path))
    if not root.exists():
        raise DatasetError("folder does not exist", root)
    if not root.is_dir():
        raise DatasetError("not a folder (open the folder that contains the images)", root)
    root = dataset_root(root)
    layout = detect_layout(root)
    problems: list[str] = []
    folders: dict[Path, FolderListing] = {}
    index = {OXFORD: _index_oxford, VOC_DEVKIT: _index_devkit}.get(layout, _index_sidecar)
    return Dataset(root, layout, index(root, problems, folders), problems, folders)


def _annotation_names(stems: list[str], names: set[str]) -> list[str | None]:
    """Each image stem's annotation file name in a folder listing, or None.

    An exact ``stem.xml`` wins; otherwise a name differing only in case
    (``photo.XML``): on Windows and macOS that *is* the same file, and
    missing it would let a new, empty annotation replace it. The case-folded
    search only runs when some .xml file was not matched exactly.
    """
    found = [stem + ".xml" if stem + ".xml" in names else None for stem in stems]
    matched = {name for name in found if name is not None}
    leftovers = {name.casefold(): name for name in names
                 if name[-4:].lower() == ".xml" and name not in matched}
    if leftovers:
        for index, stem in enumerate(stems):
            if found[index] is None:
                found[index] = leftovers.get((stem + ".xml").casefold())
    return found


def _index_sidecar(root: Path, problems: list[str], folders: dict[Path, FolderListing]) -> list[DatasetItem]:
    """The images under ``root``, searched recursively; ``folders`` gets every folder listed."""
    keyed: list[tuple[tuple, str, DatasetItem]] = []
    pending = [(str(root), "")]
    # Real folders already listed (_folder_key): bind mounts and Windows junctions
    # are not symbolic links, and one pointing up the tree must not loop.
    visited = {_folder_key(root)}
    while pending:
        folder, relative = pending.pop()
        mtime = folder_time(folder)  # before the listing: a change while it reads moves the time
        try:
            with os.scandir(folder) as iterator:
                entries = list(iterator)
        except OSError as exc:
            problems.append(IndexProblem(folder, f"cannot list folder: {exc.strerror or exc}", folder=True))
            continue
        names = set()
        stems, image_names, folder_names = [], [], []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue  # hidden files, .git, .venv, our own temporary files
            if entry_is_dir(entry):
                folder_names.append(name)
                if entry.is_symlink():
                    # Not followed: a link in a downloaded dataset could point at
                    # "/" and make indexing crawl the whole disk. Said, not silent.
                    problems.append(IndexProblem(entry.path, "symbolic link to a folder not followed; "
                                                 "open the folder it points to directly", folder=True))
                    continue
                key = _folder_key(entry.path)
                if key is not None and key not in visited:
                    visited.add(key)
                    pending.append((entry.path, f"{relative}{name}/"))
                continue
            names.add(name)
            stem = image_stem(name)
            if stem is not None:
                stems.append(stem)
                image_names.append(name)
        folders[Path(folder)] = FolderListing(mtime, frozenset(image_names), frozenset(folder_names))
        prefix = folder + os.sep
        xml_names = [found or stem + ".xml"
                     for found, stem in zip(_annotation_names(stems, names), stems, strict=True)]
        if len(set(xml_names)) < len(xml_names):
            _report_shared(prefix, image_names, xml_names, problems)
        for name, xml_name in zip(image_names, xml_names, strict=True):
            item = DatasetItem(prefix + name, prefix + xml_name, has_annotation=xml_name in names)
            # The name itself breaks ties (img.jpg / IMG.jpg) so the order never
            # depends on the order the file system lists them in.
            keyed.append((natural_key(relative + name), relative + name, item))
    keyed.sort(key=lambda entry: entry[:2])
    return [item for _, _, item in keyed]


def _report_shared(prefix: str, image_names: list[str], xml_names: list[str], problems: list[str]) -> None:
    sharing: dict[str, list[str]] = {}  # photo.jpg and photo.png would write one photo.xml
    for name, xml_name in zip(image_names, xml_names, strict=True):
        sharing.setdefault(xml_name, []).append(name)
    for xml_name, names in sorted(sharing.items()):
        owner = shared_owner(Path(prefix + xml_name), names) if len(names) > 1 else names[0]
        problems.extend(IndexProblem(f"{prefix}{name}", f"shares its annotation file {xml_name} with {owner}")
                        for name in sorted(names) if name != owner)


def shared_owner(annotation_path: Path, image_names: list[str]) -> str:
    """Which of the images beside one annotation file owns it (exports give it the boxes): the one
    its ``<filename>`` names, else the first in natural order (never the file system's order)."""
    try:
        named = read_voc_tree(annotation_path)[0].getroot().findtext("filename") or ""
    except AnnotationError:  # not written yet, or unreadable: the order decides
        named = ""
    cleaned = named.strip().replace("\\", "/").rsplit("/", 1)[-1]
    owner = next((name for name in (named, cleaned) if name and name in image_names), None)  # as written first
    return owner or min(image_names, key=lambda name: (natural_key(name), name))


def _folder_key(path: str | os.PathLike[str]) -> tuple[object, object] | None:
    """Which real folder ``path`` is: (device, inode), or its resolved path where the inode is 0, which
    on Windows means unknown (some network drives): as a key, 0 made every subfolder look visited."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if info.st_ino == 0:
        return ("path", os.path.normcase(os.path.realpath(path)))
    return (info.st_dev, info.st_ino)


def _read_id_lines(path: Path, problems: list[str]) -> list[list[str]]:
    """Whitespace-split non-comment lines of a list file; [] when absent."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    except OSError as exc:
        problems.append(IndexProblem(path, f"cannot read: {exc.strerror or exc}"))
        return []
    return [line.split() for line in map(str.strip, text.splitlines()) if line and not line.startswith("#")]


def _oxford_breed(stem: str) -> str:
    """``american_bulldog_12`` -> ``american_bulldog``."""
    head, sep, tail = stem.rpartition("_")
    return head if sep and tail.isdigit() else stem


def _oxford_meta(stem: str, row: list[str] | None) -> dict[str, Any]:
    breed = _oxford_breed(stem)
    # The dataset's README: cat breeds are capitalised, dog breeds are not.
    meta: dict[str, Any] = {"breed": breed, "species": "cat" if breed[:1].isupper() else "dog"}
    if row is not None and len(row) >= 4:
        meta["species"] = _OXFORD_SPECIES.get(row[2], meta["species"])
        if row[1].isdigit():
            meta["class_id"] = int(row[1])
        if row[3].isdigit():
            meta["breed_id"] = int(row[3])
    return meta


def _index_oxford(root: Path, problems: list[str], folders: dict[Path, FolderListing]) -> list[DatasetItem]:
    annotations = root / "annotations"
    rows = {}
    for row in _read_id_lines(annotations / "list.txt", problems):
        if len(row) >= 4:
            rows[row[0]] = row
        else:
            problems.append(IndexProblem(annotations / "list.txt", f"malformed line {' '.join(row)!r} ignored"))
    splits: dict[str, str] = {}
    for split in ("trainval", "test"):
        for row in _read_id_lines(annotations / f"{split}.txt", problems):
            splits.setdefault(row[0], split)
    return _index_separate(root / "images", annotations / "xmls", splits,
                           lambda stem: _oxford_meta(stem, rows.get(stem)), folders)


def _index_devkit(root: Path, problems: list[str], folders: dict[Path, FolderListing]) -> list[DatasetItem]:
    splits: dict[str, str] = {}
    for split in _DEVKIT_SPLITS:
        for row in _read_id_lines(root / "ImageSets" / "Main" / f"{split}.txt", problems):
            splits.setdefault(row[0], split)
    return _index_separate(root / "JPEGImages", root / "Annotations", splits, lambda stem: None, folders)


def _index_separate(images_dir: Path, xml_dir: Path, splits: dict[str, str],
                    meta_of: Callable[[str], dict[str, Any] | None],
                    folders: dict[Path, FolderListing]) -> list[DatasetItem]:
    """Images in one folder, their ``<stem>.xml`` annotations in another."""
    xml_names = set(_list_names(xml_dir))
    image_names, stems = [], []
    mtime = folder_time(images_dir)
    for name in _list_names(images_dir):
        stem = image_stem(name)
        if stem is not None:
            image_names.append(name)
            stems.append(stem)
    folders[images_dir] = FolderListing(mtime, frozenset(image_names))
    image_prefix, xml_prefix = f"{images_dir}{os.sep}", f"{xml_dir}{os.sep}"
    items = []
    for name, stem, found in zip(image_names, stems, _annotation_names(stems, xml_names), strict=True):
        items.append(DatasetItem(
            image_path=image_prefix + name,
            annotation_path=xml_prefix + (found or f"{stem}.xml"),
            split=splits.get(stem),
            meta=meta_of(stem),
            has_annotation=found is not None,
        ))
    items.sort(key=_item_order)
    return items
