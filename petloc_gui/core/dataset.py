"""Index a folder of images and VOC annotations, without decoding any image.

Four layouts are recognised automatically:

- ``oxford``: ``images/`` + ``annotations/xmls/`` (+ ``annotations/list.txt``,
  ``trainval.txt``, ``test.txt``), as the Oxford-IIIT Pet dataset ships;
- ``voc-devkit``: ``JPEGImages/`` + ``Annotations/`` (+ ``ImageSets/Main/*.txt``);
- ``images-annotations``: ``images/`` + ``Annotations/`` (in any case, on every system), as Label
  Studio's Pascal VOC export writes them, where nothing else the folder holds would be left out
  (`core.label_studio_layout`);
- ``sidecar``: ``photo.jpg`` next to ``photo.xml`` (or ``photo.XML``), searched
  recursively (labelImg's default); hidden folders (``.git``) are skipped and
  links to folders not followed (reported in ``problems``).

The first three keep images and annotations in separate folders, and search the images folder
recursively by the sidecar search's rules: ``JPEGImages/day/x.jpg``'s annotation is
``Annotations/day/x.xml`` (a CVAT export of images uploaded in folders).

Images are recognised by extension (decoding goes by content); each folder is
listed once (``os.scandir``): 10,000 images index in a few tens of milliseconds.
Each layout's indexing is its own module (`core.sidecar_index`, `core.oxford_devkit_index`);
this one detects the layout and holds the index (`Dataset` of `core.dataset_item.DatasetItem`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import petloc_gui.core.folder_listing as listing
from petloc_gui.core.annotation_names import annotation_file_names, folded
from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.disk_same import part_below, same_folder, spelled_as
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.folder_listing import FolderListing, is_annotation_name
from petloc_gui.core.image_formats import unread_format_named
from petloc_gui.core.index_problem import IndexProblem, split_problem
from petloc_gui.core.label_studio_layout import RecordedWalk, check_label_studio_export
from petloc_gui.core.layout_split_lists import Unread
from petloc_gui.core.oxford_devkit_index import index_devkit, index_oxford, index_separate
from petloc_gui.core.sidecar_index import index_sidecar

SIDECAR = "sidecar"
OXFORD = "oxford"
VOC_DEVKIT = "voc-devkit"
IMAGES_ANNOTATIONS = "images-annotations"
# The layouts that keep images and annotations in separate folders: (images folder, annotations folder).
SEPARATE_FOLDERS = {OXFORD: ("images", "annotations/xmls"), VOC_DEVKIT: ("JPEGImages", "Annotations"),
                    IMAGES_ANNOTATIONS: ("images", "Annotations")}
# The layouts that name their images in split lists (test.txt and the training lists): where, within the root,
# they are; the one place saying it, for the index (`open_dataset`), what stats says of them and the test list a
# run holds out (`Dataset.split_lists_folder`)
SPLIT_LIST_FOLDERS = {OXFORD: "annotations", VOC_DEVKIT: "ImageSets/Main"}
# folded: images/ is found ignoring case (`label_studio_layout.spelled_as`)
_IMAGES_FOLDERS = {folded(images) for images, _ in SEPARATE_FOLDERS.values()}

_OXFORD_LISTS = ("list.txt", "trainval.txt", "test.txt")


@dataclass
class Dataset:
    """An indexed folder: ``root``, ``layout`` and naturally sorted ``items``. ``folders`` are the
    folders whose listing made the index, each with what the index saw there (`FolderListing`):
    images copied in or deleted later change one, and the window compares them with `folder_listing`.
    ``folder_names``: the (images, annotations) folders of a layout that keeps them apart, as spelled in
    ``root`` (``annotations/`` for images + Annotations); None: `SEPARATE_FOLDERS`' spelling.
    ``split_list_unread``: each split list (`split_lists_folder`) with lines the index could not read, and
    where (`core.list_lines.ListedLines.unread`), said by `petloc stats` (`layout_split_lists.split_list_notes`)."""

    root: Path
    layout: str
    items: list[DatasetItem]
    problems: list[str] = field(default_factory=list)
    folders: dict[Path, FolderListing] = field(default_factory=dict)
    folder_names: tuple[str, str] | None = None
    split_list_unread: Unread = field(default_factory=list)
    _by_path: dict[str, DatasetItem] | None = field(default=None, repr=False, compare=False)
    _unread: list[tuple[Path, listing.UnreadFormat]] | None = field(default=None, repr=False, compare=False)
    _unread_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _unread_annotations: dict[str, Path] | None = field(default=None, repr=False, compare=False)
    _spellings: dict[Path, Path] = field(default_factory=dict, repr=False, compare=False)  # `_as_indexed`'s

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
        path = os.path.abspath(image_path)
        known = self._by_path.get(path)
        if known is None:  # its folder typed in another case than the index's (macOS, Windows)
            known = self._by_path.get(os.path.join(self._as_indexed(Path(path).parent), os.path.basename(path)))
        return known

    def unread(self) -> list[tuple[Path, listing.UnreadFormat]]:
        """Files named as images petloc cannot read (HEIC...), listed when asked, not by the (UI thread's) index."""
        with self._unread_lock:  # the window's pool threads (status line, Dataset panel) ask at once
            if self._unread is None:
                self._unread = listing.unread_images(self.folders)
            return self._unread

    @property
    def images_folder(self) -> Path:
        """The folder the images are searched in (recursively): ``images/``, ``JPEGImages/``, or the root."""
        separate = self._separate_folders()
        return self.root / separate[0] if separate else self.root

    @property
    def annotations_folder(self) -> Path | None:
        """The folder holding the annotations of a layout that keeps them apart from the images, else None."""
        separate = self._separate_folders()
        return self.root / separate[1] if separate else None

    @property
    def split_lists_folder(self) -> Path | None:
        """The folder holding this layout's split lists (test.txt, trainval.txt...), None for a layout without."""
        folder = SPLIT_LIST_FOLDERS.get(self.layout)
        return self.root / folder if folder is not None else None

    def _separate_folders(self) -> tuple[str, str] | None:
        return self.folder_names or SEPARATE_FOLDERS.get(self.layout)

    def annotation_path_for(self, image_path: str | os.PathLike[str]) -> Path:
        """Where this layout keeps (or would write) the annotation of an image: beside it, or at its
        path within the images folder under the annotations folder (``day/x.jpg``: ``day/x.xml``). An
        image petloc does not read (HEIC...) has its file matched as the index matches an image's,
        ignoring case and Unicode form (`_unread_annotation`)."""
        known = self.find(image_path)
        if known is not None:
            return known.annotation_path  # e.g. an existing photo.XML
        if unread_format_named(os.path.basename(image_path)) is not None:
            matched = self._unread_annotation(image_path)
            if matched is not None:
                return matched
        return self._named_annotation_path(Path(image_path))

    def _unread_annotation(self, image_path: str | os.PathLike[str]) -> Path | None:
        """The annotation path of an image of `unread` (None: not one of them), its file found in its
        annotation folder as the index finds a readable image's (`annotation_file_names`: ``x.XML``, or
        ``Café.xml`` composed beside a macOS ``Café.heic`` decomposed, is its file): looked for once per
        index, as `unread` lists the files once."""
        unread = self.unread()
        with self._unread_lock:
            if self._unread_annotations is None:
                self._unread_annotations = self._match_unread(unread)
            return self._unread_annotations.get(os.path.abspath(image_path))

    def _match_unread(self, unread: list[tuple[Path, listing.UnreadFormat]]) -> dict[str, Path]:
        """Each image of ``unread`` (by its absolute path) -> its annotation path, one listing per folder."""
        by_folder: dict[Path, list[str]] = {}
        for path, _ in unread:
            by_folder.setdefault(path.parent, []).append(path.name)
        matched: dict[str, Path] = {}
        for folder, unread_names in by_folder.items():
            annotations = self.annotation_folder_of(folder)
            try:
                with os.scandir(annotations) as entries:
                    names = set(listing.file_names(entries))
            except OSError:  # none there (or the index said why not)
                names = set()
            # with the folder's readable images, so that each takes the file the index would give it
            readable = self.folders[folder].images if folder in self.folders else frozenset()
            image_names = sorted(readable) + unread_names
            stems = [name[:name.rfind(".")] for name in image_names]
            files = annotation_file_names(image_names, stems, names)
            matched.update((os.path.abspath(folder / name), annotations / file)
                           for name, file in zip(unread_names, files[len(readable):], strict=True))
        return matched

    def _named_annotation_path(self, image_path: Path) -> Path:
        """The annotation path of ``image_path`` by its name alone (``stem.xml``), as a new one is written."""
        return self.annotation_folder_of(image_path.parent) / image_path.with_suffix(".xml").name

    def annotation_folder_of(self, image_folder: str | os.PathLike[str]) -> Path:
        """The folder where this layout keeps the annotations of the images in ``image_folder``: that
        folder itself, or its path within the images folder under the annotations folder (``day/``:
        ``Annotations/day/``); a folder outside the images folder has them at the annotations folder's top."""
        annotations = self.annotations_folder
        if annotations is None:
            return Path(image_folder)
        # the images folder by any spelling the disk holds as it (JPEGImages/ typed jpegimages/ on macOS)
        within = part_below(os.path.abspath(image_folder), self.images_folder)
        return annotations if within is None else annotations / within  # not in the images folder: at the top

    def within(self, folder: str | os.PathLike[str]) -> Dataset:
        """The part of this dataset at or under ``folder`` (a folder in its images folder, which
        `dataset_root` opened the dataset for): its images, the folders listed there and the problems
        found there or in its annotations' folder; root, layout and annotation paths stay the dataset's."""
        top = self._as_indexed(Path(os.path.abspath(folder)))
        if top in (self.root, self.images_folder):  # all of it, as a folder of the root's index
            return self
        places = (str(top), str(self.annotation_folder_of(top)))

        def inside(path: str | os.PathLike[str]) -> bool:
            path = os.path.abspath(path)
            return any(path == place or path.startswith(place + os.sep) for place in places)

        return Dataset(self.root, self.layout, [item for item in self.items if inside(item.image_path_text)],
                       [problem for problem in self.problems if inside(split_problem(problem, self.root)[0])],
                       {listed: names for listed, names in self.folders.items() if inside(listed)},
                       self.folder_names, self.split_list_unread)

    def _as_indexed(self, folder: Path) -> Path:
        """``folder`` as the index spells it (a folder it listed, or its root), where it is one of them by another
        spelling on a case-insensitive disk (`core.disk_same`): ``JPEGImages/DAY`` compared as text with the
        index's ``JPEGImages/day/x.jpg`` was no image found."""
        if folder == self.root or folder in self.folders:
            return folder
        if folder not in self._spellings:  # a look at each folder's name: once per folder asked
            self._spellings[folder] = spelled_as(folder, (self.root, *self.folders)) or folder
        return self._spellings[folder]

    @property
    def annotated_count(self) -> int:
        return sum(1 for item in self.items if item.has_annotation)


def detect_layout(root: Path) -> str:
    """``oxford``, ``voc-devkit``, ``images-annotations`` or ``sidecar`` from the folder structure."""
    return _detect(root).layout


class _Detected(NamedTuple):
    """The layout of a folder; ``folders``: its (images, annotations) folders as spelled there, for a
    layout that keeps them apart or a folder that looks like Label Studio's export; ``not_label_studio``:
    why such a folder is not read as one (`core.label_studio_layout`), else None."""

    layout: str
    folders: tuple[str, str] | None = None
    not_label_studio: str | None = None
    walks: tuple[RecordedWalk, RecordedWalk] | None = None  # an export's, as its check walked them


def _detect(root: Path) -> _Detected:
    """The layout of ``root``, with its folders and why it is not Label Studio's export (`_Detected`)."""
    # os.path's tests, not Path's: on Python 3.11 Path.is_dir() raises PermissionError inside a folder
    # that cannot be searched, and the run stopped on "ROOT/images: Permission denied", a path the user
    # never gave. False here makes it a sidecar folder, whose index says "ROOT: cannot list folder".
    isdir, isfile = os.path.isdir, os.path.isfile
    annotations = root / "annotations"
    # images/ + annotations/ alone is too common a project layout to mean
    # Oxford: its sidecar files would be ignored. Oxford has xmls/ or list files.
    if isdir(root / "images") and isdir(annotations) and (
            isdir(annotations / "xmls")
            or any(isfile(annotations / name) for name in _OXFORD_LISTS)):
        return _Detected(OXFORD, SEPARATE_FOLDERS[OXFORD])
    if isdir(root / "JPEGImages") and (
            isdir(root / "Annotations") or isdir(root / "ImageSets")):
        return _Detected(VOC_DEVKIT, SEPARATE_FOLDERS[VOC_DEVKIT])
    # Label Studio's VOC export only where nothing a sidecar folder holds would be left out: images/
    # beside Annotations/ is an ordinary project's layout too
    label_studio = check_label_studio_export(root)
    layout = IMAGES_ANNOTATIONS if label_studio.is_export else SIDECAR
    return _Detected(layout, label_studio.folders, label_studio.why_not, label_studio.walks)


def dataset_root(path: str | os.PathLike[str]) -> Path:
    """The folder `open_dataset` opens for ``path`` (absolute): a folder at or under the ``images/`` or
    ``JPEGImages/`` folder of a layout with separate folders (Oxford, VOC devkit, images + Annotations)
    stands for the whole dataset, whose index reads that folder's subfolders too. Opened as a folder of
    its own, ``JPEGImages/day/`` read none of its ``Annotations/day/`` files, and an annotation written
    beside its images made a Label Studio export a sidecar folder. A dataset folder of its own between
    ``path`` and that images folder (a devkit copied into another's ``JPEGImages/``, or a folder holding
    annotations beside its images: `_own_dataset`) is kept."""
    return _root_and_layout(path)[0]


def _root_and_layout(path: str | os.PathLike[str]) -> tuple[Path, _Detected | None]:
    """`dataset_root` of ``path``, with `_detect`'s answer for it where finding it asked (an images
    folder's parent), else None: the Label Studio check walks up to 500 folders, and `open_dataset`
    of ``DATA/images`` ran it twice on ``DATA``."""
    root = Path(os.path.abspath(path))
    if not os.path.isdir(root):
        return root, None
    for folder in (root, *root.parents):
        if folded(folder.name) not in _IMAGES_FOLDERS:
            continue
        detected = _detect(folder.parent)
        # where the parent's layout reads images from (as spelled there: Images/ for images/), by any spelling the
        # disk holds as that folder (jpegimages/ typed for JPEGImages/ on macOS or Windows opened as a sidecar
        # folder, and predict --write-voc wrote a second set of XMLs beside its images)
        if detected.layout in SEPARATE_FOLDERS and detected.folders and (
                detected.folders[0] == folder.name or same_folder(folder.parent / detected.folders[0], folder)):
            below = root.relative_to(folder).parts  # the folders from the images folder down to ``root``
            inner = (folder.joinpath(*below[:depth]) for depth in range(len(below), 0, -1))
            return (root, None) if any(_own_dataset(own) for own in inner) else (folder.parent, detected)
    return root, None


def _own_dataset(folder: Path) -> bool:
    """Whether ``folder``, inside a layout's images folder, is a dataset of its own: another layout (a
    devkit copied into another's ``JPEGImages/``), or a folder holding annotation files beside its images
    (labelImg saves there, and petloc's predict and window did before): taken into the outer dataset,
    those were "not read" problems and `predict --write-voc` pre-labelled the images a person had labelled."""
    if detect_layout(folder) != SIDECAR:
        return True
    try:
        with os.scandir(folder) as entries:
            return any(is_annotation_name(entry.name) and entry.is_file() for entry in entries)
    except OSError:
        return False


def open_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Index a dataset folder (layout detected; see `dataset_root`). Raises :class:`DatasetError`."""
    root = Path(os.path.abspath(path))
    if not root.exists():
        raise DatasetError("folder does not exist", root)
    if not root.is_dir():
        raise DatasetError("not a folder (open the folder that contains the images)", root)
    root, detected = _root_and_layout(root)
    layout, names, not_label_studio, walks = detected or _detect(root)
    problems: list[str] = []
    if not_label_studio is not None and names is not None:  # said first: it is why the XML files there have no image
        images, annotations = names
        problems.append(IndexProblem(root / annotations, (
            f"looks like Label Studio's Pascal VOC export ({images}/ + {annotations}/) but is read as a sidecar "
            f"folder: {not_label_studio}; the XML files in {annotations}/ are annotations without an image here")))
    folders: dict[Path, FolderListing] = {}
    unread: Unread = []
    separate = names if layout in SEPARATE_FOLDERS else None  # a sidecar folder's are no layout's
    if separate is None:
        items = index_sidecar(root, problems, folders)
    elif layout == IMAGES_ANNOTATIONS:  # its check walked both folders, and refused files at its top
        items = index_separate(root / separate[0], root / separate[1], problems, folders, walks=walks)
    else:  # each layout's folders from the one table; its splits and meta its own
        index = index_oxford if layout == OXFORD else index_devkit
        items = index(root / separate[0], root / separate[1], root / SPLIT_LIST_FOLDERS[layout], problems, folders,
                      unread)
        problems.extend(_beside_the_folders(root, *separate))
    return Dataset(root, layout, items, problems, folders, separate, unread)


def _beside_the_folders(root: Path, images: str, annotations: str) -> list[IndexProblem]:
    """A problem line for each image or XML file at the top of ``root``, which a layout with separate
    folders does not read: a photo+XML pair there was left out of every figure without a word."""
    try:
        with os.scandir(root) as iterator:
            names = sorted(listing.file_names(iterator))
    except OSError:
        return []  # the index named it
    return [IndexProblem(root / name, f"not read: this layout reads images from {images}/ and annotations "
                                      f"from {annotations}/ only")
            for name in names if listing.is_dataset_file(name)]

