"""Which images `petloc predict` works on, and writing pre-label VOC files safely.

A pre-label never replaces an annotation: the file is written completely
under a temporary name and then hard-linked to its final name, which fails
if that name exists (an exclusive, atomic create). A person's annotation
that appears while the model runs is therefore left alone. An image whose
annotation file is another image's (photo.png beside photo.jpg and photo.xml,
`core.shared_annotations`) gets none: that file is, or will be, photo.jpg's.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from petloc_gui.cli.output import reason_of
from petloc_gui.core.dataset_item import FOLDER_AT_ANNOTATION, folder_at_annotation
from petloc_gui.core.errors import PetlocError, SaveError
from petloc_gui.core.text import counted, first_of

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset


Indexed = tuple["Dataset", dict[Path, str]]  # a folder's dataset and its `borrowed_annotations`


class Targets(NamedTuple):
    """What `petloc predict` works on, from the paths it was given."""

    images: dict[Path, Path | None]  # image -> where its annotation is or would be written
    problems: list[tuple[Path, str]]  # (path, what is wrong with it)
    shared: dict[Path, str]  # image whose annotation file is another image's -> why it gets no pre-label
    folders: dict[Path, Dataset]  # each folder given, as indexed (once: its unread files are listed from it)


def annotation_targets(paths: Iterable[Path]) -> Targets:
    """The images of ``paths`` and where their pre-labels would go (`Targets`); ``shared`` holds the
    images whose annotation file is another image's (`core.shared_annotations.shared_reason`).

    Folders are indexed as datasets (core.dataset.open_dataset); a file gets
    the annotation location its dataset layout gives, else a sidecar `.xml`.
    """
    from petloc_gui.core.dataset import open_dataset

    targets: dict[Path, Path | None] = {}
    problems: list[tuple[Path, str]] = []
    shared: dict[Path, str] = {}
    folders: dict[Path, Dataset] = {}
    folder_cache: dict[Path, Indexed | None] = {}
    roots: dict[Path, Path] = {}  # an image's folder -> its dataset's: looked up once per folder
    problem_keys: set[tuple[str, str]] = set()
    for path in dict.fromkeys(map(Path, paths)):  # a path given twice is looked at once (`in_record_order`)
        try:
            if path.is_dir():
                # a folder in a layout's images folder (JPEGImages/day) is its images in that dataset, their
                # annotations where the dataset keeps them (Annotations/day), not a sidecar folder of its own
                dataset = folders[path] = open_dataset(path).within(path)
                if not dataset.items and not _unlisted(dataset, path):  # else its record says why
                    _add_problem(problems, problem_keys, path, "no image found in this folder")
                borrowed = _borrowed(dataset)
                for item in dataset.items:
                    targets[Path(item.image_path)] = Path(item.annotation_path)
                    if item.image_path in borrowed:
                        shared[Path(item.image_path)] = borrowed[item.image_path]
            elif path.is_file():
                targets[path] = _annotation_for_file(path, folder_cache, open_dataset, shared, roots)
            else:
                _add_problem(problems, problem_keys, path, "no such file or folder")
        except (PetlocError, OSError) as exc:
            _add_problem(problems, problem_keys, path, reason_of(exc))
    return Targets(targets, problems, shared, folders)


def _unlisted(dataset: Dataset, folder: Path) -> bool:
    """Whether the index could not list ``folder`` (given) or its dataset's folder: its problem says why
    no image is there."""
    from petloc_gui.core.index_problems import folder_problems

    unlisted = {path for path, _ in folder_problems(dataset)}
    return Path(dataset.root) in unlisted or Path(os.path.abspath(folder)) in unlisted


def _add_problem(problems: list[tuple[Path, str]], keys: set[tuple[str, str]], path: Path, reason: str) -> None:
    """Note what is wrong with ``path`` once, however it was spelled (``MISSING /abs/MISSING``): one line on
    stderr and one record, as for an image given twice."""
    key = (os.path.abspath(path), reason)
    if key not in keys:
        keys.add(key)
        problems.append((path, reason))


class Refused(NamedTuple):
    """A path that gets an error record instead of a prediction: one given that is not there or
    cannot be listed, a folder's file of a format petloc does not read (HEIC...), or what its
    index could not list or follow (a sub-folder: `core.index_problems`)."""

    path: Path
    reason: str


class RecordOrder(NamedTuple):
    """`in_record_order`'s answer."""

    entries: list[Path | Refused]  # each image to predict and each path refused, in record order
    # images and refused paths reached more than once (a path given twice, a file and a folder holding it),
    # as first reached
    repeated: list[Path]


def in_record_order(paths: Iterable[Path], found: Targets) -> RecordOrder:
    """Each image to predict and each path refused, in the order their records are written: the
    paths in the order given, a folder's files (read or not) in its natural order, as its index
    lists them (``img2`` before ``img10``); an image or a refused path reached twice, the first time
    only (a second record would be a second pre-label of it, or the same error again), counted in
    ``repeated`` so that it is said."""
    reasons: dict[str, list[str]] = {}
    for path, reason in found.problems:
        reasons.setdefault(os.path.abspath(path), []).append(reason)
    order: list[Path | Refused] = []
    seen: dict[str, Path] = {}
    refused: dict[str, Path] = {}  # the paths refused as given (a missing one, an empty folder), as first given
    repeated: dict[str, Path] = {}
    for path in map(Path, paths):
        key = os.path.abspath(path)
        if key in reasons:
            order += [Refused(path, reason) for reason in reasons.pop(key)]
            refused[key] = path
        elif key in refused:  # given again (MISSING MISSING, MISSING /abs/MISSING): its one record is there
            repeated.setdefault(key, refused[key])
        dataset = found.folders.get(path)
        for entry in _folder_order(dataset) if dataset is not None else [path] if path in found.images else []:
            key = os.path.abspath(entry.path if isinstance(entry, Refused) else entry)  # w/a.png is /tmp/w/a.png
            if key not in seen:
                seen[key] = entry.path if isinstance(entry, Refused) else entry
                order.append(entry)
            else:
                repeated.setdefault(key, seen[key])
    return RecordOrder(order, list(repeated.values()))


def repeated_line(repeated: list[str]) -> str:
    """What `petloc predict` says of the images and refused paths it reached more than once
    (`in_record_order`), each named as its record names it: the records are then fewer than the
    paths the PATHs name, and a script pairing them must know."""
    return (f"{counted(len(repeated), 'path')} given more than once (the same path twice, or a file and a folder "
            f"holding it): one record each, in its first place ({first_of(repeated, 3)})")


class GivenNames:
    """Each record's path as the user gave it: a PATH given by the text given (``./-dash/x.png`` stays
    so, and a script reading records after `xargs` or `cp "$f"` never sees a leading dash; the
    round trip through Path made it ``-dash/x.png``, ``dt//x.png`` ``dt/x.png``), and a file found
    in a folder PATH by that text joined with the file's path inside it (``dt/`` gives ``dt/x.png``)."""

    def __init__(self, given: Iterable[str], found: Targets) -> None:
        self.given: dict[Path, str] = {}
        for text in given:
            self.given.setdefault(Path(text), text)  # `x.png ./x.png`: one record, named by the first
        # the folders in the order given: the first that holds a file is the one it was found in
        self.folders = [(Path(os.path.abspath(path)), self.given.get(path, str(path))) for path in found.folders]

    def __call__(self, path: Path) -> str:
        if path in self.given:
            return self.given[path]
        for folder, text in self.folders:  # a folder's files are found by their absolute path
            if path == folder:
                return text
            if path.is_relative_to(folder):
                return os.path.join(text, path.relative_to(folder))
        return str(path)


def _folder_order(dataset: Dataset) -> list[Path | Refused]:
    """The dataset's images in its order, with its files petloc does not read and the folders its
    index could not list or follow (`core.index_problems`) put in their places."""
    from petloc_gui.core.index_problems import folder_problems
    from petloc_gui.core.natural_order import natural_key

    def name_order(entry: Path | Refused) -> tuple:
        path = entry.path if isinstance(entry, Refused) else entry
        try:
            name = path.relative_to(dataset.root).as_posix()  # the index sorts by it: sub/a.png
        except ValueError:
            name = path.name
        return natural_key(name), name

    images: list[Path | Refused] = [Path(item.image_path) for item in dataset.items]
    refused = [Refused(path, fmt.reason) for path, fmt in dataset.unread()]
    refused += [Refused(path, what) for path, what in folder_problems(dataset)]  # list-file lines: stderr only
    unread: list[Path | Refused] = sorted(refused, key=name_order)
    # merge keeps the index's order of the images whatever the key says of them
    return list(heapq.merge(images, unread, key=name_order))


def _borrowed(dataset: Dataset) -> dict[Path, str]:
    """Each image of ``dataset`` whose annotation file is another image's -> why it gets no pre-label."""
    from petloc_gui.core.shared_annotations import borrowed_annotations, shared_reason

    return {image: shared_reason(dataset.annotation_path_for(image), owner, image=image)
            for image, owner in borrowed_annotations(dataset.items).items()}


def _annotation_for_file(path: Path, cache: dict[Path, Indexed | None], open_dataset,
                         shared: dict[Path, str], roots: dict[Path, Path]) -> Path:
    """The dataset layout's annotation path for one image file (sidecar by default; one in a layout's
    images folder, at any depth, its dataset's: `core.dataset.dataset_root`); noted in ``shared`` when
    that file is another image's. ``cache``: by dataset folder, each indexed once; ``roots``: each
    image folder's dataset folder, found once (for a Label Studio export each look walks its folders:
    `predict ls/images/*.jpg` of 3,000 files took 24 s before the model loaded)."""
    from petloc_gui.core.dataset import dataset_root

    parent = path.parent.resolve()
    folder = roots.get(parent)
    if folder is None:
        folder = roots[parent] = dataset_root(parent)
    if folder not in cache:
        try:
            dataset = open_dataset(folder)
            cache[folder] = (dataset, _borrowed(dataset))
        except (PetlocError, OSError):
            cache[folder] = None
    indexed = cache[folder]
    if indexed is None:
        return path.with_suffix(".xml")
    dataset, borrowed = indexed
    item = dataset.find(path)
    if item is not None and item.image_path in borrowed:
        shared[path] = borrowed[item.image_path]
    return dataset.annotation_path_for(path)


def prelabel_mark(model: str, meta: dict) -> str:
    """The ``<source><annotation>`` text of a pre-label: that a model drew it, and which."""
    from petloc_gui.core.voc import PRELABEL_PREFIX
    from petloc_gui.core.voc_provenance import model_phrase

    version = meta.get("version_id")
    # as accepted boxes' marks name a model (a stored version given by its id: named once, not twice); a
    # folder with no name of its own (the root) by its version, never "an unnamed model", which no run finds
    return f"{PRELABEL_PREFIX} by petloc predict, {model_phrase(model_name(model) or version, version)}"


def model_name(model: str) -> str:
    """The name a pre-label's mark gives the model ``--model`` named: a bundled model's name, else its
    bundle folder's, that folder found as the model is loaded (`model.bundle.resolve_model`: ``digits/<id>``
    is the store's version ``<id>``, ``…/meta.json`` its folder) and resolved. ``Path(model).name`` is ""
    for ``.`` and ``./`` (``--model .`` inside a bundle) and ``..`` for ``..``: the mark then named no
    model, so `petloc train` could not find the classes it knew and the window took the box accepted from
    it for another model's. A symbolic link is named by the folder it leads to, as the store names it."""
    from petloc_gui.model.bundle import BUNDLED_NAMES, BundleError, resolve_model  # no TensorFlow

    if model in BUNDLED_NAMES:
        return model
    try:
        folder = resolve_model(model)
    except BundleError:  # not loaded from here (already refused where it is): named by the folder given
        folder = Path(model).expanduser()
    return folder.resolve().name


def write_prelabel(image: Path, annotation_path: Path, label: str, box, mark: str) -> bool:
    """Write a one-object VOC annotation for `image`; False if one already exists (a folder there is
    none: SaveError, and the count of annotations left untouched does not hold it).

    The box is repaired (sorted, clamped) to the displayed image size. ``mark``
    (`prelabel_mark`) says the file is a model's, not yet reviewed: evaluation
    leaves it out, training never validates on it, the GUI's review queue asks
    for it, and a person's save clears it.
    Raises PetlocError/OSError when the file cannot be written.
    """
    from petloc_gui.core.image_depth import voc_depth
    from petloc_gui.core.images import image_size
    from petloc_gui.core.interop.voc_out import write_new_voc
    from petloc_gui.core.voc import VocObject, new_annotation
    from petloc_gui.core.voc_write import make_annotation_folder

    annotation_path = Path(annotation_path)
    if folder_at_annotation(annotation_path):  # no annotation (the index's rule), and not one to leave untouched
        raise SaveError(FOLDER_AT_ANNOTATION, annotation_path)
    if annotation_path.exists() or annotation_path.is_symlink():
        return False
    width, height = image_size(image)
    annotation = new_annotation(image, width, height, depth=voc_depth(image))
    annotation.objects.append(VocObject(name=str(label), box=box.repaired(width, height)))
    annotation.prelabel = mark
    make_annotation_folder(annotation_path, image.parent)  # the window's rule: under the annotations folder only
    return write_new_voc(annotation, annotation_path)

